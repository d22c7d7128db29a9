#!/usr/bin/env python3
"""Reads uppfolj xlsx exports back with openpyxl and asserts that they are what a controller expects.

Usage: check_openpyxl.py FILE.xlsx [FILE.xlsx ...] [--expect EXPECT.json]

For every file:
  * generic checks: valid and unique sheet names (cover sheet first), every formula uses only SUM/IF/ABS,
    refers to cells that exist on its sheet and has a cached value; Excel tables whose headers match their
    cells; numbers in tables with a number format; charts with a title and series pointing at numeric
    cells; print setup (fit to one page wide, page numbers in the footer).
  * if FILE.json (the Report the export was made from, as `uppfolj run --json` writes it) is next to the
    file: every table of the Report is found on its section sheet with the same numbers (percentages as
    fractions), number formats by column kind, bold total rows, a live formula wherever the Report declares
    one and the figures agree with it, conditional formatting on status columns, and one native chart
    per chart block with the Report's title, kind and direction.
  * if FILE.expect.json is next to the file (or --expect is given): exact expectations, see `check_expect`.

Exits non-zero and lists every failure when something is wrong.
"""

import json
import re
import sys
from pathlib import Path

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

COVER = "Om rapporten"
FORBIDDEN = set('[]:*?/\\')
ALLOWED_FUNCTIONS = {"SUM", "IF", "ABS"}
REF = re.compile(r"(?<![A-Z_])\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")
FUNC = re.compile(r"([A-Z][A-Z0-9.]*)\(")


class Failures:
    def __init__(self):
        self.items = []

    def check(self, ok, message):
        if not ok:
            self.items.append(message)
        return ok


def text_of(title):
    """The plain text of an openpyxl chart or axis title."""
    if title is None:
        return None
    try:
        parts = []
        for p in title.tx.rich.p:
            for r in p.r or []:
                parts.append(r.t)
        return "".join(parts)
    except AttributeError:
        return None


def cells_in(ref):
    """(col, row) pairs of an A1 ref or range match."""
    c1, r1, c2, r2 = ref
    if not c2:
        return [(column_index_from_string(c1), int(r1))]
    out = []
    for c in range(column_index_from_string(c1), column_index_from_string(c2) + 1):
        for r in range(int(r1), int(r2) + 1):
            out.append((c, r))
    return out


def generic(path, wb, wbv, f):
    names = wb.sheetnames
    f.check(names and names[0] == COVER, f"{path.name}: first sheet is {names[:1]}, expected '{COVER}'")
    f.check(len({n.lower() for n in names}) == len(names), f"{path.name}: duplicate sheet names {names}")
    for n in names:
        f.check(0 < len(n) <= 31, f"{path.name}: sheet name '{n}' longer than 31 characters")
        f.check(not (set(n) & FORBIDDEN), f"{path.name}: sheet name '{n}' has a character Excel forbids")
        f.check(not n.startswith("'") and not n.endswith("'"), f"{path.name}: sheet name '{n}' starts/ends with '")

    for ws in wb.worksheets:
        wsv = wbv[ws.title]
        where = f"{path.name} '{ws.title}'"
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                formula = str(cell.value)
                at = f"{where}!{cell.coordinate}"
                funcs = set(FUNC.findall(formula))
                f.check(funcs <= ALLOWED_FUNCTIONS, f"{at}: unexpected functions {funcs - ALLOWED_FUNCTIONS} in {formula}")
                for ref in REF.findall(formula):
                    for c, r in cells_in(ref):
                        if not f.check(r <= ws.max_row and c <= ws.max_column, f"{at}: {formula} refers outside the sheet"):
                            continue
                        target = ws.cell(row=r, column=c)
                        ok = target.data_type in ("n", "f") or target.value is None
                        f.check(ok, f"{at}: {formula} refers to {target.coordinate} holding {target.value!r}")
                cached = wsv[cell.coordinate].value
                f.check(cached is not None or '""' in formula, f"{at}: formula {formula} has no cached value")

        for table in ws.tables.values():
            min_col, min_row, max_col, max_row = openpyxl.utils.cell.range_boundaries(table.ref)
            headers = [ws.cell(row=min_row, column=c).value for c in range(min_col, max_col + 1)]
            names_ = [tc.name for tc in table.tableColumns]
            f.check(headers == names_, f"{where}: table {table.displayName} headers {headers} != columns {names_}")
            f.check(max_row > min_row, f"{where}: table {table.displayName} has no data rows")
            for r in range(min_row + 1, max_row + 1):
                for c in range(min_col, max_col + 1):
                    cell = ws.cell(row=r, column=c)
                    if cell.data_type in ("n", "f") and cell.value is not None and ws.title != COVER:
                        f.check(cell.number_format != "General",
                                f"{where}!{cell.coordinate}: number without a number format")

        for chart in ws._charts:
            f.check(bool(text_of(chart.title)), f"{where}: a chart without a title")
            series = list(chart.series)
            f.check(len(series) > 0, f"{where}: chart '{text_of(chart.title)}' has no series")
            for s in series:
                ref = s.val.numRef.f if s.val and s.val.numRef else None
                if not f.check(ref is not None, f"{where}: chart series without a value range"):
                    continue
                sheet_part, _, rng = ref.rpartition("!")
                sheet_name = sheet_part.strip("'").replace("''", "'")
                f.check(sheet_name in wb.sheetnames, f"{where}: chart refers to missing sheet {sheet_name}")
                if sheet_name in wb.sheetnames:
                    target = wb[sheet_name]
                    for c, r in cells_in(REF.match(rng.replace("$", "")).groups()):
                        v = target.cell(row=r, column=c)
                        f.check(v.data_type == "n" or v.value is None,
                                f"{where}: chart series {ref} includes non-number {v.value!r}")

        fit = ws.sheet_properties.pageSetUpPr
        f.check(fit is not None and fit.fitToPage, f"{where}: not set to fit to page")
        f.check(ws.page_setup.fitToWidth in (1, "1", None), f"{where}: not fit to one page wide")
        f.check("&P" in (ws.oddFooter.right.text or "") or "&P" in (ws.oddFooter.center.text or ""),
                f"{where}: no page number in the footer")


UNIT_LABELS = {"kr": "kr", "tkr": "tkr", "mnkr": "mnkr", "kr_per_inv": "kr/inv", "percent": "%", "count": "antal"}


def unit_label(unit):
    if unit["kind"] == "other":
        return unit["text"]
    return UNIT_LABELS[unit["kind"]]


def header(col):
    """The header the export writes: title and unit, unless the title already ends with the unit."""
    kind = col["kind"]
    if kind["kind"] == "amount":
        unit = unit_label(kind["unit"])
    elif kind["kind"] == "percent":
        unit = "%"
    else:
        return col["title"]
    t, u = col["title"].rstrip().lower(), unit.lower()
    if t.endswith(" " + u) or t.endswith("(" + u + ")") or t == u:
        return col["title"]
    return f"{col['title']}, {unit}"


def unique_headers(columns):
    """Headers as the export makes them unique for an Excel table: a repeat gets " (2)", " (3)"…"""
    seen, out = set(), []
    for i, col in enumerate(columns):
        h = header(col).strip()[:240] or f"Kolumn {i + 1}"
        candidate, n = h, 2
        while candidate.lower() in seen:
            candidate, n = f"{h} ({n})", n + 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def number(cell):
    return cell["value"] if cell["type"] == "number" else None


def agrees(computed, reported, decimals):
    tol = 10 ** -min(decimals, 10) + 1e-9 * max(abs(computed), abs(reported))
    return abs(computed - reported) <= tol


def expected_formula(table, r, c):
    """Whether the export must hold a formula at row r, column c (the Report declares one and agrees)."""
    col = table["columns"][c]
    row = table["rows"][r]
    reported = number(row["cells"][c])
    decimals = col["kind"].get("decimals", 0)
    keys = [x["key"] for x in table["columns"]]
    f = col.get("formula")
    if f:
        a, b = f.get("a"), f.get("b")
        if a in keys and b in keys and keys.index(a) != c and keys.index(b) != c:
            ka, kb = table["columns"][keys.index(a)]["kind"]["kind"], table["columns"][keys.index(b)]["kind"]["kind"]
            va, vb = number(row["cells"][keys.index(a)]), number(row["cells"][keys.index(b)])
            if va is not None and vb is not None:
                frac = col["kind"]["kind"] == "percent"
                if f["op"] in ("difference", "sum"):
                    if (ka == "percent") == frac and (kb == "percent") == frac and reported is not None:
                        computed = va - vb if f["op"] == "difference" else va + vb
                        if agrees(computed, reported, decimals):
                            return True
                elif (ka == "percent") == (kb == "percent"):
                    if vb == 0:
                        if reported is None:
                            return True
                    elif reported is not None:
                        d = abs(vb) if f["op"] == "percent_of_abs" else vb
                        if agrees(100 * va / d, reported, decimals):
                            return True
    sum_of = row.get("sum_of") or []
    if sum_of and col["kind"]["kind"] in ("amount", "number") and reported is not None:
        idx = sorted(set(sum_of))
        if all(i != r and i < len(table["rows"]) for i in idx):
            total = sum(number(table["rows"][i]["cells"][c]) or 0 for i in idx)
            return agrees(total, reported, decimals)
    return False


def find_header_row(ws, headers, title, start):
    """The first row at or after `start` holding all `headers` (under the caption `title`, if any)."""
    for r in range(start, ws.max_row + 1):
        if all(ws.cell(row=r, column=i + 1).value == h for i, h in enumerate(headers)):
            if not title or (r > 1 and ws.cell(row=r - 1, column=1).value == title):
                return r
    return None


def chart_kind_ok(chart, kind, horizontal):
    name = type(chart).__name__
    if kind == "line":
        return name == "LineChart"
    if name != "BarChart":
        return False
    if chart.barDir != ("bar" if horizontal else "col"):
        return False
    stacked = kind in ("stacked_bar", "waterfall")
    return (chart.grouping == "stacked") == stacked


def check_report(path, wb, wbv, report, f):
    props = wb.properties
    f.check(props.title == report["title"], f"{path.name}: document title {props.title!r} != {report['title']!r}")
    f.check(report["plugin"]["id"] in (props.keywords or ""), f"{path.name}: keywords {props.keywords!r} lack the plugin id")
    f.check("uppfolj" in (props.description or ""), f"{path.name}: comment {props.description!r} does not say uppfolj made it")
    f.check(props.creator in (None, ""), f"{path.name}: author {props.creator!r} should be left for the user")
    cover = [str(c.value) for row in wb.worksheets[0].iter_rows() for c in row if c.value is not None]
    for credit in report.get("credits", []):
        f.check(credit in cover, f"{path.name}: credit {credit!r} missing on the cover sheet")
    for src in report.get("inputs", []):
        f.check(src["file"] in cover, f"{path.name}: input file {src['file']!r} missing on the cover sheet")
    for label, value in report.get("parameters", []):
        f.check(label in cover and value in cover, f"{path.name}: parameter {label}={value} missing on the cover sheet")
    sections = report["sections"]
    f.check(len(wb.sheetnames) >= 1 + len(sections), f"{path.name}: {len(wb.sheetnames)} sheets for {len(sections)} sections")
    for i, section in enumerate(sections):
        if 1 + i >= len(wb.worksheets):
            break
        ws, wsv = wb.worksheets[1 + i], wbv.worksheets[1 + i]
        where = f"{path.name} '{ws.title}'"
        f.check(ws["A1"].value == section["title"], f"{where}: A1 is {ws['A1'].value!r}, expected the section title")
        cf_ranges = [str(rng.sqref) for rng in ws.conditional_formatting]
        charts = [b for b in section["blocks"] if b["type"] == "chart" and b["categories"] and b["series"]]
        f.check(len(ws._charts) == len(charts), f"{where}: {len(ws._charts)} charts, expected {len(charts)}")
        for chart, block in zip(ws._charts, charts):
            f.check(text_of(chart.title) == block["title"], f"{where}: chart title {text_of(chart.title)!r} != {block['title']!r}")
            f.check(chart_kind_ok(chart, block["kind"], block.get("horizontal", False)),
                    f"{where}: chart '{block['title']}' is {type(chart).__name__} "
                    f"{getattr(chart, 'barDir', '')}/{getattr(chart, 'grouping', '')}, expected {block['kind']}")
            axis_titles = {text_of(chart.x_axis.title), text_of(chart.y_axis.title)}
            if block["value_label"]:
                f.check(block["value_label"] in axis_titles, f"{where}: chart '{block['title']}' lacks axis title {block['value_label']!r}")
        next_row = 1
        for block in section["blocks"]:
            if block["type"] != "table" or not block["columns"]:
                continue
            table = block
            headers = unique_headers(table["columns"])
            hr = find_header_row(ws, headers, table["title"], next_row)
            if not f.check(hr is not None, f"{where}: table '{table['title']}' header {headers} not found"):
                continue
            next_row = hr + 1 + len(table["rows"])
            for r, row in enumerate(table["rows"]):
                bold_row = row.get("kind", "data") != "data"
                for c, cell in enumerate(row["cells"]):
                    col = table["columns"][c]
                    kind = col["kind"]["kind"]
                    xc = ws.cell(row=hr + 1 + r, column=c + 1)
                    xv = wsv.cell(row=hr + 1 + r, column=c + 1).value
                    at = f"{where}!{xc.coordinate} ({table['title']}, row {r}, '{col['title']}')"
                    if cell["type"] == "number":
                        expected = cell["value"] / 100 if kind == "percent" else cell["value"]
                        f.check(isinstance(xv, (int, float)) and abs(xv - expected) <= 1e-9 * max(1, abs(expected)),
                                f"{at}: value {xv!r}, expected {expected}")
                        fmt = xc.number_format
                        if kind == "percent":
                            f.check(fmt.endswith("%"), f"{at}: percent format expected, found {fmt!r}")
                        elif kind in ("amount", "number"):
                            f.check(fmt.startswith("#,##0"), f"{at}: number format '#,##0…' expected, found {fmt!r}")
                    elif cell["type"] == "text" and cell["value"] == "":
                        f.check(xv in (None, ""), f"{at}: empty text expected, found {xv!r}")
                    elif cell["type"] == "text":
                        f.check(xc.data_type == "s" and xv == cell["value"], f"{at}: text {cell['value']!r} expected, found {xv!r}")
                    elif cell["type"] == "status":
                        label = cell["value"]["label"]
                        f.check(xv == label, f"{at}: status {label!r} expected, found {xv!r}")
                        letter = get_column_letter(c + 1)
                        f.check(any(letter in rng for rng in cf_ranges), f"{at}: no conditional formatting on status column")
                    if bold_row and cell["type"] != "empty":
                        f.check(bool(xc.font and xc.font.b), f"{at}: total/subtotal row not bold")
                    if cell["type"] in ("number", "empty") and expected_formula(table, r, c):
                        f.check(xc.data_type == "f", f"{at}: a live formula expected, found value {xc.value!r}")


def check_expect(path, wb, wbv, expect, f):
    """Exact expectations: {"sheets": [...], "formulas": {"Sheet!D7": "=C7-B7"}, "values": {"Sheet!B5": 1.5},
    "number_formats": {"Sheet!B7": "#,##0;-#,##0"}, "strings": {"Sheet!A12": "=HYPERLINK(…)"},
    "charts": {"Sheet": [{"title": "…", "type": "BarChart", "series": 1}]}, "bold": ["Sheet!A13"],
    "frozen": {"Sheet": "A6"}, "print_title_rows": {"Sheet": "5:5"}, "landscape": ["Sheet"]}"""
    def cell(ref, book=wb):
        sheet, _, coord = ref.rpartition("!")
        return book[sheet][coord]

    if "sheets" in expect:
        f.check(wb.sheetnames == expect["sheets"], f"{path.name}: sheets {wb.sheetnames} != {expect['sheets']}")
    for ref, formula in expect.get("formulas", {}).items():
        c = cell(ref)
        f.check(c.data_type == "f" and c.value == formula, f"{path.name} {ref}: formula {c.value!r} != {formula!r}")
    for ref, value in expect.get("values", {}).items():
        v = cell(ref, wbv).value
        f.check(v == value or (isinstance(v, float) and isinstance(value, (int, float)) and abs(v - value) < 1e-9),
                f"{path.name} {ref}: value {v!r} != {value!r}")
    for ref, fmt in expect.get("number_formats", {}).items():
        f.check(cell(ref).number_format == fmt, f"{path.name} {ref}: format {cell(ref).number_format!r} != {fmt!r}")
    for ref, text in expect.get("strings", {}).items():
        c = cell(ref)
        f.check(c.data_type == "s" and c.value == text, f"{path.name} {ref}: string {text!r} expected, found {c.data_type} {c.value!r}")
    for ref in expect.get("bold", []):
        f.check(bool(cell(ref).font.b), f"{path.name} {ref}: not bold")
    for sheet, charts in expect.get("charts", {}).items():
        got = [(text_of(c.title), type(c).__name__, len(list(c.series))) for c in wb[sheet]._charts]
        want = [(c["title"], c["type"], c["series"]) for c in charts]
        f.check(got == want, f"{path.name} '{sheet}': charts {got} != {want}")
    for sheet, top_left in expect.get("frozen", {}).items():
        f.check(wb[sheet].freeze_panes == top_left, f"{path.name} '{sheet}': frozen at {wb[sheet].freeze_panes}, expected {top_left}")
    for sheet, rows in expect.get("print_title_rows", {}).items():
        got = wb[sheet].print_title_rows
        f.check(got == rows, f"{path.name} '{sheet}': print title rows {got!r} != {rows!r}")
    for sheet in expect.get("landscape", []):
        f.check(wb[sheet].page_setup.orientation == "landscape", f"{path.name} '{sheet}': not landscape")


def main(argv):
    expect_path = None
    files = []
    it = iter(argv)
    for a in it:
        if a == "--expect":
            expect_path = Path(next(it))
        else:
            files.append(Path(a))
    if not files:
        print(__doc__)
        return 2
    failures = Failures()
    for path in files:
        wb = openpyxl.load_workbook(path)
        wbv = openpyxl.load_workbook(path, data_only=True)
        generic(path, wb, wbv, failures)
        report_json = path.with_suffix(".json")
        checks = ["generic"]
        if report_json.exists():
            report = json.loads(report_json.read_text(encoding="utf-8"))
            if "sections" in report and "schema_version" in report:
                check_report(path, wb, wbv, report, failures)
                checks.append("report")
        exp = expect_path or path.with_suffix(".expect.json")
        if exp.exists():
            check_expect(path, wb, wbv, json.loads(exp.read_text(encoding="utf-8")), failures)
            checks.append("expectations")
        print(f"openpyxl: {path.name}: {len(wb.sheetnames)} sheets, "
              f"{sum(len(ws._charts) for ws in wb.worksheets)} charts, checks: {', '.join(checks)}")
    for item in failures.items:
        print(f"FAIL {item}", file=sys.stderr)
    if failures.items:
        print(f"openpyxl: {len(failures.items)} failure(s)", file=sys.stderr)
        return 1
    print(f"openpyxl: {len(files)} file(s) ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
