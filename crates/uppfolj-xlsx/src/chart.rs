//! Native Excel charts mirroring the Report's charts, next to a small table of their data (the
//! chart reads its values from those cells, so editing a figure redraws the chart).
//!
//! * bar, grouped bar, stacked bar and line charts map to Excel's own kinds, horizontal when the
//!   Report asks for it; bars with a status are coloured by it, and so are the markers of a
//!   line's points with a status (the comparison's rank band per year);
//! * a waterfall is a stacked column chart with an invisible base series; its steps are coloured
//!   by direction (increase, decrease), or as better and worse when the Report says which
//!   direction of the series is better (`report::ChartSemantics`);
//! * a bullet chart is approximated by the value as a bar and the target as an outlined bar around it;
//! * reference lines ("Krav 325 mnkr") are line series of a constant value (vertical charts only:
//!   Excel cannot combine a line with horizontal bars on the same axis; they are listed instead).

use crate::formats::{self, CellStyle, Styles};
use crate::sheet::SheetWriter;
use crate::{Context, ExportOptions, XlsxError};
use rust_xlsxwriter::{
    Chart as XlChart, ChartAxisCrossing, ChartAxisLabelPosition, ChartFont, ChartFormat, ChartLegendPosition,
    ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartPoint, ChartSolidFill, ChartType, Color,
};
use uppfolj_model::Unit;
use uppfolj_model::report::{Chart, ChartKind, ChartSemantics};

/// Chart size in pixels.
const WIDTH: u32 = 640;
const HEIGHT: u32 = 340;
/// Rows the chart covers (default row height 20 px).
pub(crate) const CHART_ROWS: u32 = HEIGHT / 20 + 1;
/// Series colours (a calm palette readable in grey print).
const PALETTE: [u32; 6] = [0x1F4E79, 0xED7D31, 0x7F7F7F, 0x2E75B6, 0x70AD47, 0xFFC000];
/// Waterfall: an increase and a decrease, when the Report does not say which is better (the SVG's
/// colours: a direction, not a judgement).
const INCREASE: u32 = 0x2B5F9E;
const DECREASE: u32 = 0xD97B29;
const TOTAL: u32 = 0x1F4E79;

/// The value axis number format for a unit (chart values are as in the Report).
fn axis_code(unit: Option<&Unit>) -> String {
    match unit {
        Some(Unit::Percent) => "0\" %\"".to_owned(),
        _ => "#,##0".to_owned(),
    }
}

/// Waterfall helper series: invisible base, increase, decrease, total, and the parts of a step
/// that crosses zero below the axis.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Waterfall {
    pub(crate) base: Vec<f64>,
    pub(crate) up: Vec<f64>,
    pub(crate) down: Vec<f64>,
    pub(crate) total: Vec<f64>,
    pub(crate) up_below: Vec<f64>,
    pub(crate) down_below: Vec<f64>,
}

impl Waterfall {
    /// Splits steps into stacked parts: each value is a step from the running total; the last
    /// category is the total, drawn from zero.
    pub(crate) fn new(values: &[Option<f64>]) -> Self {
        let n = values.len();
        let mut w = Waterfall {
            base: vec![0.0; n],
            up: vec![0.0; n],
            down: vec![0.0; n],
            total: vec![0.0; n],
            up_below: vec![0.0; n],
            down_below: vec![0.0; n],
        };
        let mut running = 0.0;
        for (i, v) in values.iter().enumerate() {
            let v = v.filter(|v| v.is_finite()).unwrap_or(0.0);
            if i + 1 == n && n > 1 {
                w.total[i] = if values[i].is_some() { v } else { running };
                break;
            }
            let (start, end) = (running, running + v);
            let (lo, hi) = if start <= end { (start, end) } else { (end, start) };
            let (above, below) = if v >= 0.0 { (&mut w.up, &mut w.up_below) } else { (&mut w.down, &mut w.down_below) };
            if lo >= 0.0 {
                w.base[i] = lo;
                above[i] = hi - lo;
            } else if hi <= 0.0 {
                // Negative stack: the base runs from 0 to hi, the step from hi down to lo.
                w.base[i] = hi;
                below[i] = lo - hi;
            } else {
                above[i] = hi;
                below[i] = lo;
            }
            running = end;
        }
        w
    }
}

/// The legend name and colour of a waterfall's steps in direction `sign`: "Ökning" in the increase
/// colour, or, when the Report says which direction of the series is better, "Ökning (sämre)" in
/// the bad status's colour (a cost that rises), "Minskning (bättre)" in the good one's.
fn step_look(semantics: &ChartSemantics, sign: f64) -> (String, u32) {
    let word = if sign > 0.0 { "Ökning" } else { "Minskning" };
    match semantics.judge(0, sign) {
        Some(trend) => {
            (format!("{word} ({})", trend.label_sv().to_lowercase()), formats::status_chart_color(trend.status()))
        }
        None => (word.to_owned(), if sign > 0.0 { INCREASE } else { DECREASE }),
    }
}

fn solid(color: u32) -> ChartFormat {
    let mut format = ChartFormat::new();
    format.set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(color)));
    format
}

/// Writes the chart's data table at the current row and the chart beside it.
pub(crate) fn write(
    sheet: &mut SheetWriter<'_>,
    styles: &mut Styles,
    chart: &Chart,
    semantics: &ChartSemantics,
    options: &ExportOptions,
) -> Result<(), XlsxError> {
    let heading = styles.heading.clone();
    sheet.heading(&chart.title, &heading)?;
    let top = sheet.row;
    let header_row = top;
    let n = chart.categories.len();
    let unit_suffix = chart.unit.as_ref().map(|u| format!(", {}", u.label())).unwrap_or_default();

    // Data columns: category, each series, then helpers.
    let mut headers: Vec<String> = vec!["Kategori".to_owned()];
    let mut columns: Vec<Vec<Option<f64>>> = Vec::new();
    for s in &chart.series {
        headers.push(format!("{}{unit_suffix}", s.name));
        columns.push((0..n).map(|i| s.values.get(i).copied().flatten().filter(|v| v.is_finite())).collect());
    }
    let waterfall = (chart.kind == ChartKind::Waterfall)
        .then(|| Waterfall::new(&chart.series.first().map(|s| s.values.clone()).unwrap_or_default()));
    // (data column, legend name, colour, shown in the legend)
    let mut helper_cols: Vec<(usize, String, u32, bool)> = Vec::new();
    if let Some(w) = &waterfall {
        let mut add = |name: &str, values: &[f64], color: u32, legend: bool, always: bool| {
            if always || values.iter().any(|v| *v != 0.0) {
                headers.push(format!("{name} (hjälpserie)"));
                columns.push(values.iter().map(|v| Some(*v)).collect());
                helper_cols.push((columns.len(), name.to_owned(), color, legend));
            }
        };
        add("Bas", &w.base, 0, false, true);
        // Each colour has one legend entry: the first of its parts that has values.
        let ((up, up_color), (down, down_color)) = (step_look(semantics, 1.0), step_look(semantics, -1.0));
        let up_main = w.up.iter().any(|v| *v != 0.0) || !w.up_below.iter().any(|v| *v != 0.0);
        add(&up, &w.up, up_color, true, false);
        let up_below = if up_main { format!("{up} under noll") } else { up.clone() };
        add(&up_below, &w.up_below, up_color, !up_main, false);
        let down_main = w.down.iter().any(|v| *v != 0.0) || !w.down_below.iter().any(|v| *v != 0.0);
        add(&down, &w.down, down_color, true, false);
        let down_below = if down_main { format!("{down} under noll") } else { down.clone() };
        add(&down_below, &w.down_below, down_color, !down_main, false);
        add("Summa", &w.total, TOTAL, true, true);
    }
    let can_combine = !chart.horizontal;
    let mut reference_cols = Vec::new();
    for line in &chart.reference_lines {
        if can_combine && line.value.is_finite() {
            headers.push(format!("{} (referenslinje)", line.label));
            columns.push(vec![Some(line.value); n]);
            reference_cols.push(columns.len());
        }
    }

    let num = CellStyle {
        num: Some(crate::formats::number_code(if chart.unit == Some(Unit::Percent) { 1 } else { 0 })),
        ..CellStyle::default()
    };
    let num_format = styles.cell(&num).clone();
    let header = styles.header.clone();
    let plain = styles.cell(&CellStyle::default()).clone();
    for (c, h) in headers.iter().enumerate() {
        sheet.text(header_row, c as u16, h, &header)?;
    }
    sheet.header_widths(header_row, 0, &headers)?;
    for i in 0..n {
        let row = header_row + 1 + i as u32;
        sheet.text(row, 0, &chart.categories[i], &plain)?;
        sheet.want_width(0, chart.categories[i].chars().count());
        for (c, values) in columns.iter().enumerate() {
            let col = (c + 1) as u16;
            match values[i] {
                Some(v) => sheet.ws.write_number_with_format(row, col, v, &num_format),
                None => sheet.ws.write_blank(row, col, &num_format),
            }
            .context(|| format!("diagramdata för '{}'", chart.title))?;
        }
    }
    let last_row = header_row + n as u32;
    sheet.row = last_row + 1;
    if !chart.reference_lines.is_empty() && !can_combine {
        let note = styles.note.clone();
        for line in &chart.reference_lines {
            let text = format!("Referenslinje: {} = {}", line.label, uppfolj_model::format::number(line.value, 1));
            let row = sheet.row;
            sheet.text(row, 0, &text, &note)?;
            sheet.row += 1;
        }
    }

    if options.charts && n > 0 && !chart.series.is_empty() {
        let xl = build(chart, &sheet.name, header_row, last_row, waterfall.is_some(), &helper_cols, &reference_cols);
        let chart_col = (headers.len() + 1) as u16;
        sheet
            .ws
            .insert_chart(top, chart_col, &xl)
            .context(|| format!("diagrammet '{}' i blad '{}'", chart.title, sheet.name))?;
        sheet.row = sheet.row.max(top + CHART_ROWS);
    }
    Ok(())
}

/// Where a chart's data table is: the sheet, the header row and the last data row. Column 0
/// holds the categories.
#[derive(Debug, Clone, Copy)]
struct DataRange<'s> {
    sheet: &'s str,
    header_row: u32,
    last_row: u32,
}

impl DataRange<'_> {
    /// The categories.
    fn categories(&self) -> (&str, u32, u16, u32, u16) {
        (self.sheet, self.header_row + 1, 0, self.last_row, 0)
    }

    /// The values of data column `col`.
    fn values(&self, col: u16) -> (&str, u32, u16, u32, u16) {
        (self.sheet, self.header_row + 1, col, self.last_row, col)
    }

    /// The header cell of data column `col`: a series' name.
    fn name(&self, col: u16) -> (&str, u32, u16) {
        (self.sheet, self.header_row, col)
    }
}

fn build(
    chart: &Chart,
    sheet: &str,
    header_row: u32,
    last_row: u32,
    waterfall: bool,
    helper_cols: &[(usize, String, u32, bool)],
    reference_cols: &[usize],
) -> XlChart {
    let data = DataRange { sheet, header_row, last_row };
    let chart_type = match (chart.kind, chart.horizontal) {
        (ChartKind::Line, _) => ChartType::Line,
        (ChartKind::StackedBar | ChartKind::Waterfall, false) => ChartType::ColumnStacked,
        (ChartKind::StackedBar | ChartKind::Waterfall, true) => ChartType::BarStacked,
        (_, false) => ChartType::Column,
        (_, true) => ChartType::Bar,
    };
    let mut xl = XlChart::new(chart_type);
    let mut hidden_legend = Vec::new();
    if waterfall {
        hidden_legend = add_waterfall_series(&mut xl, data, helper_cols);
    } else {
        add_series(&mut xl, chart, data);
    }
    add_reference_lines(&mut xl, chart, data, reference_cols);
    set_titles_and_axes(&mut xl, chart);
    xl.legend().set_position(ChartLegendPosition::Bottom);
    if chart.series.len() == 1 && !waterfall && reference_cols.is_empty() {
        xl.legend().set_hidden();
    }
    if !hidden_legend.is_empty() {
        xl.legend().delete_entries(&hidden_legend);
    }
    xl.set_width(WIDTH).set_height(HEIGHT);
    xl
}

/// A waterfall's helper series: the invisible base first, then the coloured parts. Returns the
/// series left out of the legend.
fn add_waterfall_series(
    xl: &mut XlChart,
    data: DataRange<'_>,
    helper_cols: &[(usize, String, u32, bool)],
) -> Vec<usize> {
    let mut hidden_legend = Vec::new();
    for (i, (col, name, color, legend)) in helper_cols.iter().enumerate() {
        let series = xl.add_series();
        series
            .set_name(name.as_str())
            .set_categories(data.categories())
            .set_values(data.values(*col as u16))
            .set_gap(50);
        if i == 0 {
            series.set_format(ChartFormat::new().set_no_fill().set_no_line());
        } else {
            series.set_format(&mut solid(*color));
        }
        if !legend {
            hidden_legend.push(i);
        }
    }
    hidden_legend
}

/// The Report's series, each in its colour; bars and line markers with a status in the
/// status's colour.
fn add_series(xl: &mut XlChart, chart: &Chart, data: DataRange<'_>) {
    for (s, series_data) in chart.series.iter().enumerate() {
        let col = (s + 1) as u16;
        let color = PALETTE[s % PALETTE.len()];
        let series = xl.add_series();
        series.set_name(data.name(col)).set_categories(data.categories()).set_values(data.values(col));
        match chart.kind {
            ChartKind::Line => {
                series
                    .set_format(
                        ChartFormat::new().set_line(ChartLine::new().set_color(Color::RGB(color)).set_width(2.25)),
                    )
                    .set_marker(
                        ChartMarker::new().set_type(ChartMarkerType::Circle).set_size(6).set_format(&mut solid(color)),
                    );
            }
            ChartKind::Bullet if s == 1 => {
                // The target: an outlined bar around the value bar.
                series.set_format(
                    ChartFormat::new()
                        .set_no_fill()
                        .set_line(ChartLine::new().set_color(Color::RGB(0x000000)).set_width(2.0)),
                );
            }
            _ => {
                series.set_format(&mut solid(color)).set_gap(60);
                if matches!(chart.kind, ChartKind::Bullet | ChartKind::StackedBar) {
                    series.set_overlap(100);
                }
            }
        }
        // A line's points with a status get markers in its colour (rust_xlsxwriter writes a line
        // series' point format into the point's marker); bars are filled with it.
        if !series_data.statuses.is_empty() {
            let points: Vec<ChartPoint> = (0..chart.categories.len())
                .map(|i| match series_data.statuses.get(i).copied().flatten() {
                    Some(status) => ChartPoint::new().set_format(&mut solid(formats::status_chart_color(status))),
                    None => ChartPoint::new(),
                })
                .collect();
            series.set_points(&points);
        }
    }
}

/// Reference lines as dashed line series: a line chart takes them as series of its own; other
/// kinds combine with a line chart holding them.
fn add_reference_lines(xl: &mut XlChart, chart: &Chart, data: DataRange<'_>, reference_cols: &[usize]) {
    if reference_cols.is_empty() {
        return;
    }
    let mut lines = (chart.kind != ChartKind::Line).then(XlChart::new_line);
    let target = lines.as_mut().unwrap_or(xl);
    for col in reference_cols {
        let col = *col as u16;
        target
            .add_series()
            .set_name(data.name(col))
            .set_categories(data.categories())
            .set_values(data.values(col))
            .set_format(ChartFormat::new().set_line(
                ChartLine::new().set_color(Color::RGB(0x000000)).set_width(1.5).set_dash_type(ChartLineDashType::Dash),
            ));
    }
    if let Some(lines) = &lines {
        xl.combine(lines);
    }
}

/// The chart's title and its axes: the value axis named and formatted for the unit.
fn set_titles_and_axes(xl: &mut XlChart, chart: &Chart) {
    xl.title().set_name(&chart.title).set_font(ChartFont::new().set_size(12).set_bold());
    let value_label = if chart.value_label.is_empty() {
        chart.unit.as_ref().map(|u| u.label().to_owned()).unwrap_or_default()
    } else {
        chart.value_label.clone()
    };
    let code = axis_code(chart.unit.as_ref());
    if chart.horizontal {
        xl.x_axis().set_name(&value_label).set_num_format(&code);
        // First category on top, value axis kept at the bottom.
        // Category labels beside the plot, not on the zero line among negative bars.
        xl.y_axis().set_reverse().set_crossing(ChartAxisCrossing::Max).set_label_position(ChartAxisLabelPosition::Low);
    } else {
        xl.y_axis().set_name(&value_label).set_num_format(&code);
        xl.x_axis().set_label_position(ChartAxisLabelPosition::Low);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waterfall_steps_stack_on_an_invisible_base() {
        // 100 up, −30, +50, total 120.
        let w = Waterfall::new(&[Some(100.0), Some(-30.0), Some(50.0), Some(120.0)]);
        assert_eq!(w.base, vec![0.0, 70.0, 70.0, 0.0]);
        assert_eq!(w.up, vec![100.0, 0.0, 50.0, 0.0]);
        assert_eq!(w.down, vec![0.0, 30.0, 0.0, 0.0]);
        assert_eq!(w.total, vec![0.0, 0.0, 0.0, 120.0]);
    }

    #[test]
    fn waterfall_handles_steps_below_and_across_zero() {
        // −50, then +80 crosses zero (−50 → 30), then −60 crosses back (30 → −30); total −30.
        let w = Waterfall::new(&[Some(-50.0), Some(80.0), Some(-60.0), None]);
        assert_eq!(w.base, vec![0.0, 0.0, 0.0, 0.0]);
        assert_eq!(w.down_below, vec![-50.0, 0.0, -30.0, 0.0]);
        assert_eq!(w.up, vec![0.0, 30.0, 0.0, 0.0]);
        assert_eq!(w.up_below, vec![0.0, -50.0, 0.0, 0.0]);
        assert_eq!(w.down, vec![0.0, 0.0, 30.0, 0.0]);
        assert_eq!(w.total, vec![0.0, 0.0, 0.0, -30.0], "a missing total is the running total");
        // Entirely below zero: base from 0 to the upper end, the step below it.
        let w = Waterfall::new(&[Some(-50.0), Some(-20.0), Some(-70.0)]);
        assert_eq!(w.base, vec![0.0, -50.0, 0.0]);
        assert_eq!(w.down_below, vec![-50.0, -20.0, 0.0]);
    }
}
