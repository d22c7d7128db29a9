//! Charts: draws a Report [`Chart`] as an accessible SVG with plotters.
//!
//! ```text
//! report::Chart ──► svg(chart, options) ──► "<svg role=\"img\" …><title>…</title><desc>…</desc>…</svg>"
//! ```
//!
//! One entry point, [`svg`], for every chart kind: bars (vertical, or horizontal with the
//! category names on the left, the usual choice for deviation per unit), grouped and stacked
//! bars, lines, waterfalls (steps and a final total bar) and bullet charts (value against
//! target). Reference lines are drawn dashed with their label.
//!
//! * **Accessible:** the SVG has `role="img"`, a `<title>` (the chart title) and a `<desc>`
//!   that lists the figures in Swedish, both referenced by `aria-labelledby`. Statuses are shown
//!   by colour *and* named in the legend and the description; bar labels carry the value with
//!   an explicit sign when a chart has both positive and negative values.
//! * **Read as the Report says** ([`svg_with`], `report::ChartSemantics`): the legend label of
//!   each status in this chart ("Överskridet" rather than "Ej uppnått"), and which direction of a
//!   series is better, so that a waterfall's steps are coloured better/worse, not by sign (a
//!   cost that falls is good). Without it, charts draw as they always have.
//! * **Swedish numbers** on the value axis and on labels ("−1 200", "12,5 %") through
//!   [`uppfolj_model::format`]; the unit goes into the axis title ("Avvikelse, tkr").
//! * **Robust:** missing values are skipped (and marked "uppgift saknas"), never drawn as zero;
//!   non-finite values count as missing; a chart without data shows "Inga data".
//!
//! ## Text without a font backend
//!
//! plotters' SVG backend writes `<text>` elements and leaves the glyphs to the viewer, so no
//! font file or `ttf` feature is needed. The layout (label columns, wrapping, label fitting)
//! estimates text widths from a table of Arial-like advance widths (`text.rs`) instead of asking
//! plotters, which would measure through a DOM `<span>` on wasm32. The SVG is therefore the same
//! natively and in the browser, and can be drawn in a Web Worker or under Node as well.
//!
//! The crate does no I/O and builds for native and `wasm32-unknown-unknown`.

mod canvas;
mod desc;
mod header;
mod kinds;
mod palette;
mod plot;
mod scale;
mod text;

use canvas::{Canvas, TextOpts};
use header::Header;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use uppfolj_model::report::{Chart, ChartKind, ChartSemantics};
use uppfolj_model::unit::Unit;

/// Size of the drawn SVG in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SvgOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self { width: 760, height: 420 }
    }
}

impl SvgOptions {
    /// The default size for `chart` (see [`default_size`]).
    pub fn for_chart(chart: &Chart) -> Self {
        let (width, height) = default_size(chart);
        Self { width, height }
    }
}

/// A size that fits `chart`: 760 px wide; horizontal bar and bullet charts grow in height with
/// the number of categories (and series), so that every category name gets its own row.
pub fn default_size(chart: &Chart) -> (u32, u32) {
    let width = 760;
    let n = chart.categories.len() as f64;
    let horizontal = chart.horizontal && chart.kind != ChartKind::Line;
    if !horizontal || chart.categories.is_empty() {
        return (width, 420);
    }
    let row = match chart.kind {
        ChartKind::GroupedBar => 14.0 * chart.series.len().max(1) as f64 + 14.0,
        ChartKind::Bullet => 38.0,
        _ => 34.0,
    };
    let legend = if chart.series.len() > 1 || chart.series.iter().any(|s| !s.statuses.is_empty()) { 24.0 } else { 0.0 };
    let refs = if chart.reference_lines.is_empty() { 0.0 } else { 18.0 };
    let height = (56.0 + legend + refs + n * row + 60.0).clamp(180.0, 4000.0);
    (width, height.round() as u32)
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The requested size cannot hold a chart.
    #[error("Diagrammet \"{title}\" kan inte ritas i storleken {width}×{height} bildpunkter; ange minst 120×80.")]
    TooSmall {
        /// The chart's title.
        title: String,
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
    },
    /// plotters failed while drawing.
    #[error("Diagrammet \"{title}\" kunde inte ritas: {message}")]
    Draw {
        /// The chart's title.
        title: String,
        /// plotters' message.
        message: String,
    },
}

/// The value-axis title with the unit: "Avvikelse, tkr". A label that already names the unit is
/// kept as it is.
pub fn value_axis_title(chart: &Chart) -> String {
    let label = chart.value_label.trim();
    let Some(unit) = &chart.unit else { return label.to_owned() };
    let unit_label = unit.label();
    let has_unit = label
        .split(|c: char| !(c.is_alphanumeric() || c == '%' || c == '/'))
        .any(|word| word.eq_ignore_ascii_case(unit_label))
        || (unit_label.contains(' ') && label.to_lowercase().contains(&unit_label.to_lowercase()))
        || (matches!(unit, Unit::Percent) && label.contains('%'));
    if label.is_empty() {
        unit_label.to_owned()
    } else if has_unit {
        label.to_owned()
    } else {
        format!("{label}, {unit_label}")
    }
}

/// Draws `chart` as an SVG document of `options.width` × `options.height` pixels, read the
/// default way: each status with its [`Status::label_sv`](uppfolj_model::Status::label_sv),
/// waterfall steps coloured by direction. [`svg_with`] reads it as its Report says.
pub fn svg(chart: &Chart, options: &SvgOptions) -> Result<String, ChartError> {
    svg_with(chart, &ChartSemantics::new(&chart.id), options)
}

/// Draws `chart` as [`svg`] does, read as `semantics` says (from
/// [`Report::semantics_of`](uppfolj_model::Report::semantics_of)): its statuses with their labels
/// in this chart, in the legend and the description; waterfall steps of a series whose better
/// direction is given coloured as better (the good status's colour and symbol) or worse (the bad
/// one's), not by their sign. A status given with a value still wins.
pub fn svg_with(chart: &Chart, semantics: &ChartSemantics, options: &SvgOptions) -> Result<String, ChartError> {
    let (width, height) = (options.width, options.height);
    if width < 120 || height < 80 {
        return Err(ChartError::TooSmall { title: chart.title.clone(), width, height });
    }
    let clean = kinds::Clean::new(chart, semantics);
    let axis_title = value_axis_title(chart);
    let description = desc::describe(chart, &clean, &axis_title);
    let mut out = String::new();
    {
        let canvas = Canvas::new(SVGBackend::with_string(&mut out, (width, height)).into_drawing_area());
        let drawn = draw(&canvas, chart, &clean, axis_title, f64::from(width), f64::from(height))
            .and_then(|()| canvas.present());
        drawn.map_err(|message| ChartError::Draw { title: chart.title.clone(), message })?;
    }
    Ok(accessible(&tidy_font_sizes(&out), chart, &description))
}

fn draw(
    canvas: &Canvas<'_>,
    chart: &Chart,
    clean: &kinds::Clean,
    axis_title: String,
    width: f64,
    height: f64,
) -> Result<(), String> {
    canvas.fill(WHITE)?;
    if chart.categories.is_empty() || !clean.has_values() {
        let header = Header::layout(&chart.title, &[], width);
        header.draw(canvas)?;
        let cy = (header.bottom + height) / 2.0;
        canvas.rect_outline(
            header::MARGIN,
            header.bottom,
            width - header::MARGIN,
            height - header::MARGIN,
            palette::GRID,
            1,
        )?;
        return canvas.text(
            "Inga data",
            width / 2.0,
            cy,
            TextOpts::new(14.0, palette::MUTED).anchor(HPos::Center, VPos::Center),
        );
    }
    kinds::plot(chart, clean, axis_title).draw(canvas, width, height)
}

/// plotters writes font sizes as `size / 1.24`, which leaves float noise ("13.000000000000002");
/// rounds them to two decimals.
fn tidy_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(pos) = rest.find(KEY) {
        let (head, tail) = rest.split_at(pos + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        match tail[..end].parse::<f64>() {
            Ok(size) => {
                let rounded = format!("{size:.2}");
                out.push_str(rounded.trim_end_matches('0').trim_end_matches('.'));
            }
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// An id usable in XML attributes, from the chart id.
fn xml_id(chart_id: &str) -> String {
    let cleaned: String =
        chart_id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    format!("uppfolj-chart-{cleaned}")
}

/// Adds `role="img"`, `aria-labelledby`, `<title>` and `<desc>` to the SVG plotters wrote.
fn accessible(svg: &str, chart: &Chart, description: &str) -> String {
    let id = xml_id(&chart.id);
    let Some(start) = svg.find("<svg") else { return svg.to_owned() };
    let Some(end) = svg[start..].find('>').map(|e| start + e + 1) else { return svg.to_owned() };
    let open = &svg[start..end];
    let open = open.replacen("<svg", &format!("<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\""), 1);
    let title = text::xml_escape(&chart.title);
    let desc = text::xml_escape(description);
    format!(
        "{}{open}\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>{}",
        &svg[..start],
        &svg[end..]
    )
}
