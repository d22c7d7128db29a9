#!/usr/bin/env python3
"""Opens uppfolj xlsx exports in LibreOffice (headless, Debian's libreoffice-calc) and checks that:

  1. `soffice --headless --convert-to pdf` converts each file without error (a non-empty PDF);
  2. LibreOffice recomputes every formula to the value cached in the file: the file is re-saved by
     openpyxl (which drops every cached value), converted by LibreOffice to xlsx with "always recalculate"
     set in a private profile, and each formula's recomputed value is compared with the original cache;
  3. the formulas stay live: a figure that a SUM reads is raised by 1000 in that copy, and after
     LibreOffice's recalculation that SUM has moved by 1000.

Usage: check_libreoffice.py FILE.xlsx [FILE.xlsx ...]     (needs `soffice` and openpyxl)
Exits non-zero and lists every failure when something is wrong.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

# Always recalculate on load (0), for OOXML and ODF files.
PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
SUM = re.compile(r"^=SUM\(\$?([A-Z]{1,3})\$?(\d+)")


def soffice(profile, target, outdir, files):
    cmd = [
        "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", target, "--outdir", str(outdir), *map(str, files),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def same(a, b):
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-7 * max(1.0, abs(a), abs(b))
    return a == b


def formula_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    yield ws.title, cell.coordinate, str(cell.value)


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    if shutil.which("soffice") is None:
        print("FAIL soffice not found: apt-get install -y --no-install-recommends libreoffice-calc", file=sys.stderr)
        return 1
    failures = []
    with tempfile.TemporaryDirectory(prefix="uppfolj-lo-") as tmp:
        tmp = Path(tmp)
        profile = tmp / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_XCU, encoding="utf-8")
        files = [Path(a).resolve() for a in argv]

        # 1. PDF.
        pdf_dir = tmp / "pdf"
        res = soffice(profile, "pdf", pdf_dir, files)
        for f in files:
            pdf = pdf_dir / (f.stem + ".pdf")
            ok = res.returncode == 0 and pdf.exists() and pdf.stat().st_size > 1000
            if not ok:
                failures.append(f"{f.name}: LibreOffice did not convert it to PDF (exit {res.returncode}): {res.stderr.strip()}")
            else:
                print(f"libreoffice: {f.name}: PDF {pdf.stat().st_size} bytes")

        # 2 and 3. Recalculation from copies without cached values.
        stripped_dir, edited_dir, out_dir = tmp / "stripped", tmp / "edited", tmp / "recalc"
        for d in (stripped_dir, edited_dir, out_dir):
            d.mkdir()
        plans = {}
        for f in files:
            wb = openpyxl.load_workbook(f)
            wb.save(stripped_dir / f.name)
            # Raise the first plain figure a SUM reads by 1000.
            edit = None
            for sheet, coord, formula in formula_cells(wb):
                m = SUM.match(formula)
                if m:
                    source = wb[sheet][f"{m.group(1)}{m.group(2)}"]
                    if source.data_type == "n" and isinstance(source.value, (int, float)):
                        source.value = source.value + 1000
                        edit = (sheet, coord, source.coordinate)
                        break
            wb.save(edited_dir / f"edited-{f.name}")
            plans[f] = edit
        res_s = soffice(profile, "xlsx", out_dir, sorted(stripped_dir.iterdir()))
        res_e = soffice(profile, "xlsx", out_dir, sorted(edited_dir.iterdir()))
        for res in (res_s, res_e):
            if res.returncode != 0:
                failures.append(f"LibreOffice could not convert to xlsx: {res.stderr.strip()}")
        for f in files:
            recalc = out_dir / f.name
            if not recalc.exists():
                failures.append(f"{f.name}: LibreOffice wrote no recalculated copy")
                continue
            original = openpyxl.load_workbook(f, data_only=True)
            with_formulas = openpyxl.load_workbook(f)
            computed = openpyxl.load_workbook(recalc, data_only=True)
            count = 0
            for sheet, coord, formula in formula_cells(with_formulas):
                a, b = original[sheet][coord].value, computed[sheet][coord].value
                count += 1
                if not same(a, b):
                    failures.append(f"{f.name} '{sheet}'!{coord}: {formula} cached {a!r}, LibreOffice computes {b!r}")
            print(f"libreoffice: {f.name}: {count} formulas recomputed to their cached values")
            edit = plans[f]
            if edit:
                sheet, coord, source = edit
                edited = openpyxl.load_workbook(out_dir / f"edited-{f.name}", data_only=True)
                before = original[sheet][coord].value
                after = edited[sheet][coord].value
                if not (isinstance(after, (int, float)) and same(after, before + 1000)):
                    failures.append(f"{f.name} '{sheet}'!{coord}: after raising {source} by 1000 the SUM is {after!r}, expected {before + 1000}")
                else:
                    print(f"libreoffice: {f.name}: raising '{sheet}'!{source} by 1000 moves the SUM in {coord} "
                          f"from {before} to {after}")
    for item in failures:
        print(f"FAIL {item}", file=sys.stderr)
    if failures:
        print(f"libreoffice: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    print(f"libreoffice: {len(argv)} file(s) ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
