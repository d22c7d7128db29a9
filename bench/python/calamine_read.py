"""python-calamine reading every sheet of an xlsx file: the benchmark's Python baseline.

Usage: python calamine_read.py FILE. The file's bytes are read first (not timed), as the Rust
runner does; prints {"seconds", "cells", "peak_rss_bytes"} as JSON.
"""
import io
import json
import resource
import sys
import time

from python_calamine import CalamineWorkbook


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    start = time.perf_counter()
    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    cells = 0
    for name in wb.sheet_names:
        rows = wb.get_sheet_by_name(name).to_python()
        cells += sum(1 for row in rows for c in row if c != "")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "cells": cells, "peak_rss_bytes": peak}))


if __name__ == "__main__":
    main(sys.argv[1])
