#!/usr/bin/env python3
"""Generates the sample workbooks in samples/ (run: `python3 samples/make_samples.py`).

Every figure here is written out literally, so the generated files are reproducible and the
tests of the plugins can refer to them. Provenance of each sample: samples/README.md.
Needs openpyxl (`pip install openpyxl`).
"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
AMOUNT = "#,##0;-#,##0"
AMOUNT_1 = "#,##0.0;-#,##0.0"
BOLD = Font(bold=True)


def fix_properties(wb: Workbook, title: str) -> None:
    """Stable document properties, so regenerating gives the same content."""
    import datetime

    stamp = datetime.datetime(2024, 9, 15, 12, 0, 0)
    wb.properties.creator = "uppfolj samples/make_samples.py"
    wb.properties.title = title
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.lastModifiedBy = "uppfolj"


def widths(ws, values) -> None:
    for letter, width in values.items():
        ws.column_dimensions[letter].width = width


# ---------------------------------------------------------------------------------------------
# 1. Driftredovisning januari–augusti 2024 (budget-follow-up). Invented figures, tkr, net costs
#    negative as in a region's driftredovisning. Area names from the Hälso- och sjukvårdsnämnden
#    minutes of Region Västernorrland, 2023-12-07 (shared seed 003).
# ---------------------------------------------------------------------------------------------
DRIFT_LINES = [
    # Verksamhet, Årsbudget, Budget jan–aug, Utfall jan–aug, Helårsprognos
    ("Länssjukvårdsområde Somatik", -4_215_000, -2_810_000, -2_936_410, -4_398_000),
    ("Länssjukvårdsområde Psykiatri och Habilitering", -882_000, -588_000, -601_236, -903_500),
    ("Rättspsykiatriska regionkliniken", -165_300, -110_200, -108_437, -162_800),
    ("Område Patientsäkerhet, utbildning och forskning", -210_600, -140_400, -131_762, -199_000),
    ("Närsjukvårdsområde Väster", -690_000, -460_000, -489_318, -736_000),
    ("Närsjukvårdsområde Norr", -541_500, -361_000, -371_884, -559_000),
    ("Närsjukvårdsområde Söder", -1_020_000, -680_000, -712_541, -1_071_000),
    ("Folktandvården", -45_000, -30_000, -26_116, -40_500),
    ("Hälso- och sjukvårdsnämnden, gemensamt", -620_100, -413_400, -398_205, -601_000),
]


def make_driftredovisning() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Driftredovisning"
    ws["A1"] = "Hälso- och sjukvårdsnämnden – driftredovisning januari–augusti 2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Belopp i tkr"
    ws["A3"] = "Exempeldata med påhittade belopp (se samples/README.md)"
    ws["A3"].font = Font(italic=True)
    header = ["Verksamhet", "Årsbudget", "Budget jan–aug", "Utfall jan–aug", "Avvikelse", "Helårsprognos"]
    header_row = 5
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = BOLD
        if col > 1:
            cell.alignment = Alignment(horizontal="right")
    row = header_row + 1
    totals = [0, 0, 0, 0, 0]
    for name, annual, budget, outcome, forecast in DRIFT_LINES:
        deviation = outcome - budget
        values = [annual, budget, outcome, deviation, forecast]
        ws.cell(row=row, column=1, value=name)
        for i, v in enumerate(values):
            c = ws.cell(row=row, column=2 + i, value=v)
            c.number_format = AMOUNT
            totals[i] += v
        row += 1
    ws.cell(row=row, column=1, value="Summa").font = BOLD
    for i, v in enumerate(totals):
        c = ws.cell(row=row, column=2 + i, value=v)
        c.number_format = AMOUNT
        c.font = BOLD
    widths(ws, {"A": 48, "B": 14, "C": 16, "D": 16, "E": 12, "F": 15})
    ws.freeze_panes = ws.cell(row=header_row + 1, column=2)
    fix_properties(wb, "Driftredovisning januari–augusti 2024 (exempel)")
    wb.save(HERE / "driftredovisning_2024_aug.xlsx")


if __name__ == "__main__":
    make_driftredovisning()
    print("wrote samples to", HERE)
