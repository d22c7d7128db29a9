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


def new_sheet(sheet: str, heading: str, unit: str):
    """A workbook with one sheet named `sheet`: the heading in A1 (bold, 14 pt), the unit in A2."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = heading
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = unit
    return wb, ws


def header_row(ws, row: int, header, right_from: int | None = None) -> None:
    """Bold headers in `row` from column A; right-aligned from column `right_from` on."""
    for col, text in enumerate(header, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = BOLD
        if right_from is not None and col >= right_from:
            cell.alignment = Alignment(horizontal="right")


def total_row(ws, row: int, label_col: int, label: str, amounts, number_format: str) -> None:
    """A bold total row: `label` in column `label_col`, then (column, value) `amounts`."""
    ws.cell(row=row, column=label_col, value=label).font = BOLD
    for col, v in amounts:
        c = ws.cell(row=row, column=col, value=v)
        c.number_format = number_format
        c.font = BOLD


def save(wb, ws, widths, title: str, file_name: str) -> None:
    """Sets the column `widths` (letter: width), stable properties with `title`, and saves."""
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    fix_properties(wb, title)
    wb.save(HERE / file_name)


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


# The same nämnd's driftredovisning a year earlier (budget-compare, with the one above). Invented
# figures as above; "Område Kvalitet och utbildning" of 2023 became "Område Patientsäkerhet,
# utbildning och forskning" in 2024, so each file has one line the other lacks.
DRIFT_LINES_2023 = [
    ("Länssjukvårdsområde Somatik", -4_050_000, -2_700_000, -2_781_950, -4_182_000),
    ("Länssjukvårdsområde Psykiatri och Habilitering", -851_100, -567_400, -580_112, -871_000),
    ("Rättspsykiatriska regionkliniken", -160_500, -107_000, -104_870, -158_000),
    ("Område Kvalitet och utbildning", -198_000, -132_000, -128_455, -195_000),
    ("Närsjukvårdsområde Väster", -668_400, -445_600, -461_207, -692_000),
    ("Närsjukvårdsområde Norr", -528_000, -352_000, -355_918, -535_000),
    ("Närsjukvårdsområde Söder", -985_500, -657_000, -690_334, -1_032_000),
    ("Folktandvården", -48_000, -32_000, -29_840, -45_500),
    ("Hälso- och sjukvårdsnämnden, gemensamt", -589_200, -392_800, -387_116, -585_000),
]


def make_driftredovisning(lines=DRIFT_LINES, year: int = 2024) -> None:
    wb, ws = new_sheet(
        "Driftredovisning",
        f"Hälso- och sjukvårdsnämnden – driftredovisning januari–augusti {year} (exempeldata)",
        "Belopp i tkr",
    )
    header = ["Verksamhet", "Årsbudget", "Budget jan–aug", "Utfall jan–aug", "Avvikelse", "Helårsprognos"]
    first = 5
    header_row(ws, first, header, right_from=2)
    row = first + 1
    totals = [0, 0, 0, 0, 0]
    for name, annual, budget, outcome, forecast in lines:
        deviation = outcome - budget
        values = [annual, budget, outcome, deviation, forecast]
        ws.cell(row=row, column=1, value=name)
        for i, v in enumerate(values):
            c = ws.cell(row=row, column=2 + i, value=v)
            c.number_format = AMOUNT
            totals[i] += v
        row += 1
    total_row(ws, row, 1, "Summa", enumerate(totals, start=2), AMOUNT)
    ws.freeze_panes = ws.cell(row=first + 1, column=2)
    save(
        wb,
        ws,
        {"A": 48, "B": 14, "C": 16, "D": 16, "E": 12, "F": 15},
        f"Driftredovisning januari–augusti {year} (exempel)",
        f"driftredovisning_{year}_aug.xlsx",
    )


# ---------------------------------------------------------------------------------------------
# 2. Handlingsplan för kostnadsreduceringar 2024–2026 (action-plan), mnkr. Requirement 325 mnkr
#    and measures worth 175 mnkr in 2024, 17 mnkr more under preparation, and the purchasing goal
#    20/50/30 mnkr are the figures of Region Västernorrland's hälso- och sjukvårdsutskott,
#    2023-12-07 § 98 (shared seed 003). The split of the other measures and all realised effects
#    are invented.
# ---------------------------------------------------------------------------------------------
ACTIONS = [
    # Nr, Åtgärd, Område, 2024, 2025, 2026, realiserat 2024, status, ansvarig
    (1, "Översyn av ersättningar utöver avtal", "Ersättningar", 45, 20, 0, 28.4, "Pågår", "HR-direktör"),
    (2, "Minskad användning av hyrpersonal", "Bemanning", 60, 60, 40, 31.2, "Försenad", "Områdesdirektörer"),
    (3, "Standardiserat sortiment och striktare inköpsstyrning", "Inköp", 20, 50, 30, 9.1, "Enligt plan", "Inköpschef"),
    (4, "Färre resor och centralt prioriterad utbildning", "Resor och utbildning", 15, 5, 0, 11.0, "Genomförd", "Stabschef"),
    (5, "Översyn av köpt vård och utomlänsvård", "Köpt vård", 25, 15, 10, 12.3, "Pågår", "Hälso- och sjukvårdsdirektör"),
    (6, "Översyn av avgifter och ersättningar från andra regioner", "Intäkter", 10, 5, 5, 5.6, "Enligt plan", "Ekonomichef"),
    (7, "Ytterligare åtgärder under beredning", "Flera områden", 17, None, None, None, "Under beredning", "Hälso- och sjukvårdsdirektör"),
]


def make_handlingsplan() -> None:
    wb, ws = new_sheet(
        "Handlingsplan",
        "Hälso- och sjukvårdens handlingsplan för kostnadsreduceringar 2024–2026 (exempeldata)",
        "Belopp i mnkr",
    )
    header = [
        "Nr", "Åtgärd", "Område", "Planerad effekt 2024", "Planerad effekt 2025", "Planerad effekt 2026",
        "Realiserad effekt 2024", "Status", "Ansvarig",
    ]
    first = 5
    header_row(ws, first, header)
    row = first + 1
    decided = [0, 0, 0, 0]
    for nr, name, area, p24, p25, p26, r24, status, resp in ACTIONS:
        values = [nr, name, area, p24, p25, p26, r24, status, resp]
        for col, v in enumerate(values, start=1):
            c = ws.cell(row=row, column=col, value=v)
            if 4 <= col <= 7 and v is not None:
                c.number_format = AMOUNT_1
        if status != "Under beredning":
            for i, v in enumerate([p24, p25, p26, r24]):
                decided[i] += v or 0
        row += 1
    total_row(
        ws, row, 2, "Summa beslutade åtgärder", ((4 + i, round(v, 1)) for i, v in enumerate(decided)), AMOUNT_1
    )
    save(
        wb,
        ws,
        {"A": 5, "B": 52, "C": 22, "D": 12, "E": 12, "F": 12, "G": 12, "H": 16, "I": 28},
        "Handlingsplan för kostnadsreduceringar 2024–2026 (exempel)",
        "handlingsplan_2024_2026.xlsx",
    )


# ---------------------------------------------------------------------------------------------
# 3. Riktade statsbidrag / stimulansmedel (earmarked-grants), kr. The six items and their
#    allocations are Region Jämtland Härjedalen's decision RS/26/2020 of 2020-06-15 (shared seed
#    002), "fördelning av stimulansmedel, 2,6 mkr"; item 5 gives 200 000 kr to each of three areas.
#    The used amounts are invented.
# ---------------------------------------------------------------------------------------------
GRANTS = [
    # Projekt/aktivitet, Ansvarig, Beviljat, Förbrukat, Återredovisas
    ("1. Levande biblioteket", "Hälsoval", 210_000, 236_500, "Ja, till regiondirektören"),
    ("2. Patientkontrakt och kommunsamverkan", "Strateg patientkontrakt", 700_000, 512_300, "Ja, till regiondirektören"),
    ("3. Primärvårdens medverkan i lokala arbetsgrupper", "Chef hälsovalet", 700_000, 655_800, "Ja, till regiondirektören"),
    ("4. Lokal arbetsgrupp inom psykiatri", "Områdeschef psykiatri", 500_000, 188_000, "Ja, till regiondirektören"),
    ("5a. Lokal arbetsgrupp område HNR", "Områdeschef HNR", 200_000, 200_000, "Ja, till regiondirektören"),
    ("5b. Lokal arbetsgrupp område HIM AN/OP/IVA", "Områdeschef HIM", 200_000, 143_900, "Ja, till regiondirektören"),
    ("5c. Lokal arbetsgrupp ortopedi", "Områdeschef ortopedi", 200_000, 0, "Ja, till regiondirektören"),
    ("6. Område diagnostik, vårdförlopp och SVF", "Områdeschef diagnostik", 400_000, 377_250, "Ja, till regiondirektören"),
]


def make_statsbidrag() -> None:
    wb, ws = new_sheet(
        "Stimulansmedel",
        "Personcentrerade och sammanhållna vårdförlopp – fördelning av stimulansmedel 2020 (exempeldata)",
        "Belopp i kr",
    )
    first = 4
    header_row(ws, first, ["Projekt/aktivitet", "Ansvarig", "Beviljat", "Förbrukat", "Återredovisas"])
    row = first + 1
    tot_a = tot_u = 0
    for name, resp, alloc, used, back in GRANTS:
        for col, v in enumerate([name, resp, alloc, used, back], start=1):
            c = ws.cell(row=row, column=col, value=v)
            if col in (3, 4):
                c.number_format = AMOUNT
        tot_a += alloc
        tot_u += used
        row += 1
    total_row(ws, row, 1, "Summa", ((3, tot_a), (4, tot_u)), AMOUNT)
    save(
        wb,
        ws,
        {"A": 50, "B": 26, "C": 12, "D": 12, "E": 26},
        "Stimulansmedel vårdförlopp 2020 (exempel)",
        "riktade_statsbidrag_2020.xlsx",
    )


# ---------------------------------------------------------------------------------------------
# 4. Balanskravsutredning 2021–2024 (balance-requirement), mnkr, in the row layout of a Swedish
#    annual report; from 2024 the resultatutjämningsreserv is replaced by the resultatreserv.
#    All amounts invented.
# ---------------------------------------------------------------------------------------------
YEARS = [2021, 2022, 2023, 2024]
BALANCE = {
    "Årets resultat": [412.3, -186.4, -612.8, 95.6],
    "Samtliga realisationsvinster": [-3.1, -0.8, -12.4, -1.2],
    "Vissa realisationsvinster enligt undantagsmöjlighet": [0.0, 0.0, 10.9, 0.0],
    "Vissa realisationsförluster enligt undantagsmöjlighet": [0.0, 0.0, 0.0, 0.0],
    "Orealiserade förluster i värdepapper": [0.0, 148.6, 0.0, 0.0],
    "Återföring av orealiserade förluster i värdepapper": [-25.0, 0.0, -61.2, -87.4],
    "Medel till resultatutjämningsreserv": [-150.0, 0.0, 0.0, None],
    "Medel från resultatutjämningsreserv": [0.0, 38.6, 150.0, None],
    "Medel till resultatreserv": [None, None, None, 0.0],
    "Medel från resultatreserv": [None, None, None, 0.0],
}
TAX = {
    "Skatteintäkter": [6_504.2, 6_812.9, 7_120.4, 7_402.8],
    "Generella statsbidrag och utjämning": [2_611.7, 2_640.3, 2_702.5, 2_915.1],
}


def make_balanskrav() -> None:
    wb, ws = new_sheet("Balanskrav", "Balanskravsutredning 2021–2024 (exempeldata)", "Belopp i mnkr")
    first = 4
    header_row(ws, first, ["Balanskravsutredning", *YEARS])
    row = first + 1

    def put(label, values, bold=False):
        nonlocal row
        c = ws.cell(row=row, column=1, value=label)
        if bold:
            c.font = BOLD
        for i, v in enumerate(values):
            if v is not None:
                cell = ws.cell(row=row, column=2 + i, value=round(v, 1))
                cell.number_format = AMOUNT_1
                if bold:
                    cell.font = BOLD
        row += 1

    order = list(BALANCE)
    for label in order[:6]:
        put(label, BALANCE[label])
    after = [sum(BALANCE[l][i] or 0 for l in order[:6]) for i in range(len(YEARS))]
    put("Årets resultat efter balanskravsjusteringar", after, bold=True)
    for label in order[6:]:
        put(label, BALANCE[label])
    bkr = [after[i] + sum(BALANCE[l][i] or 0 for l in order[6:]) for i in range(len(YEARS))]
    put("Årets balanskravsresultat", bkr, bold=True)
    for label, values in TAX.items():
        put(label, values)
    save(
        wb,
        ws,
        {"A": 56, "B": 11, "C": 11, "D": 11, "E": 11},
        "Balanskravsutredning 2021–2024 (exempel)",
        "balanskravsutredning_2021_2024.xlsx",
    )


if __name__ == "__main__":
    make_driftredovisning()
    make_driftredovisning(DRIFT_LINES_2023, 2023)
    make_handlingsplan()
    make_statsbidrag()
    make_balanskrav()
    print("wrote samples to", HERE)
