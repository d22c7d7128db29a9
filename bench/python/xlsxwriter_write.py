"""Python XlsxWriter writing the cells of an uppfolj export: the baseline of the export benchmark.

Usage: python xlsxwriter_write.py CELLS.json OUT.xlsx, where CELLS.json is what
`uppfolj-bench cells` wrote ([{"name", "rows": [[value, ...], ...]}, ...]). Loading the JSON is
not timed; prints {"seconds", "cells", "peak_rss_bytes"} as JSON.
"""
import json
import resource
import sys
import time

import xlsxwriter


def main(cells_path, out_path):
    with open(cells_path, encoding="utf-8") as f:
        sheets = json.load(f)
    start = time.perf_counter()
    wb = xlsxwriter.Workbook(out_path)
    cells = 0
    for sheet in sheets:
        ws = wb.add_worksheet(sheet["name"][:31])
        for r, row in enumerate(sheet["rows"]):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
                    cells += 1
    wb.close()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "cells": cells, "peak_rss_bytes": peak}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
