#!/usr/bin/env bash
# Reads every .xlsx in DIR back with real clients: openpyxl (check_openpyxl.py: formulas, charts,
# formats, sheet names, and the Report's numbers when DIR/NAME.json holds the Report) and LibreOffice
# headless (check_libreoffice.py: converts to PDF, recomputes the formulas to the cached values).
#
# Usage: tests/xlsx_clients/run.sh DIR      (PYTHON=path/to/python with openpyxl; default python3)
# Exits non-zero when a check fails or DIR holds no .xlsx.
set -euo pipefail
dir=${1:?usage: run.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}
shopt -s nullglob
files=("$dir"/*.xlsx)
if [ ${#files[@]} -eq 0 ]; then
  echo "run.sh: no .xlsx files in $dir" >&2
  exit 1
fi
status=0
"$python" "$here/check_openpyxl.py" "${files[@]}" || status=1
"$python" "$here/check_libreoffice.py" "${files[@]}" || status=1
if [ $status -ne 0 ]; then
  echo "run.sh: xlsx client checks FAILED" >&2
else
  echo "run.sh: ${#files[@]} workbook(s) passed the openpyxl and LibreOffice checks"
fi
exit $status
