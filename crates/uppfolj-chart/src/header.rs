//! The visible title and the legend above the plot.

use crate::canvas::{Canvas, DrawResult, TextOpts};
use crate::palette;
use crate::text;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

/// Title font size.
const TITLE_SIZE: f64 = 16.0;
/// Legend font size.
const LEGEND_SIZE: f64 = 12.0;
/// Outer margin.
pub(crate) const MARGIN: f64 = 14.0;

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A filled square (bars).
    Box(RGBColor),
    /// A line with a point marker (line series).
    Line(RGBColor, Marker),
    /// A short upright bar (bullet target).
    Target(RGBColor),
    /// A status: a filled square with the status symbol in it.
    Status(RGBColor, Marker),
}

/// The symbol of a status, drawn in bars and in the legend so that a status is told by shape as
/// well as by colour: ● uppnått, ▲ delvis, × ej uppnått, – ej bedömd.
pub(crate) fn status_marker(status: uppfolj_model::report::Status) -> Marker {
    use uppfolj_model::report::Status;
    match status {
        Status::Good => Marker::Circle,
        Status::Warning => Marker::Triangle,
        Status::Bad => Marker::Cross,
        Status::Neutral => Marker::Dash,
    }
}

/// Point marker shapes; series differ in shape as well as colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    /// An ×.
    Cross,
    /// A short horizontal bar.
    Dash,
}

impl Marker {
    /// The marker of series `i`.
    pub fn nth(i: usize) -> Self {
        [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond][i % 4]
    }

    /// Draws the marker centred at (x, y) with "radius" r.
    pub fn draw(self, canvas: &Canvas<'_>, x: f64, y: f64, r: f64, color: RGBColor) -> DrawResult {
        match self {
            Marker::Circle => canvas.circle(x, y, r, color),
            Marker::Square => canvas.rect(x - r * 0.9, y - r * 0.9, x + r * 0.9, y + r * 0.9, color),
            Marker::Triangle => {
                canvas.polygon(&[(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)], color)
            }
            Marker::Cross => {
                let r = r * 0.9;
                canvas.line(&[(x - r, y - r), (x + r, y + r)], color, 2)?;
                canvas.line(&[(x - r, y + r), (x + r, y - r)], color, 2)
            }
            Marker::Dash => canvas.rect(x - r, y - r * 0.3, x + r, y + r * 0.3, color),
            Marker::Diamond => {
                canvas.polygon(&[(x, y - r * 1.25), (x + r * 1.1, y), (x, y + r * 1.25), (x - r * 1.1, y)], color)
            }
        }
    }
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegendItem {
    pub label: String,
    pub swatch: Swatch,
}

/// The laid-out header.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    title_lines: Vec<String>,
    /// Legend rows: (item, x) per row.
    legend_rows: Vec<Vec<(LegendItem, f64)>>,
    title_top: f64,
    legend_top: f64,
    /// Where the content below the header starts.
    pub bottom: f64,
}

const SWATCH: f64 = 12.0;
const ITEM_GAP: f64 = 18.0;
const LEGEND_ROW: f64 = 20.0;
const TITLE_LINE: f64 = 21.0;

impl Header {
    /// Lays out `title` and `legend` across `width`.
    pub fn layout(title: &str, legend: &[LegendItem], width: f64) -> Self {
        let avail = (width - 2.0 * MARGIN).max(40.0);
        let (title_lines, _) = if title.trim().is_empty() {
            (Vec::new(), true)
        } else {
            text::wrap(title, TITLE_SIZE * 1.06, avail, 2, false)
        };
        let title_top = MARGIN;
        let mut y = title_top + title_lines.len() as f64 * TITLE_LINE;
        let mut rows: Vec<Vec<(LegendItem, f64)>> = Vec::new();
        let mut x = MARGIN;
        for item in legend {
            let label = text::truncate(&item.label, LEGEND_SIZE, avail - SWATCH - 6.0);
            let w = SWATCH + 6.0 + text::width(&label, LEGEND_SIZE, false);
            if rows.is_empty() || (x + w > width - MARGIN && x > MARGIN) {
                rows.push(Vec::new());
                x = MARGIN;
            }
            if let Some(row) = rows.last_mut() {
                row.push((LegendItem { label, swatch: item.swatch }, x));
            }
            x += w + ITEM_GAP;
        }
        let legend_top = y + if title_lines.is_empty() { 0.0 } else { 6.0 };
        if !rows.is_empty() {
            y = legend_top + rows.len() as f64 * LEGEND_ROW;
        }
        Self { title_lines, legend_rows: rows, title_top, legend_top, bottom: y + 8.0 }
    }

    /// Draws the title and legend.
    pub fn draw(&self, canvas: &Canvas<'_>) -> DrawResult {
        for (i, line) in self.title_lines.iter().enumerate() {
            let y = self.title_top + i as f64 * TITLE_LINE;
            canvas.text(
                line,
                MARGIN,
                y,
                TextOpts::new(TITLE_SIZE, palette::TEXT).anchor(HPos::Left, VPos::Top).bold(),
            )?;
        }
        for (r, row) in self.legend_rows.iter().enumerate() {
            let cy = self.legend_top + r as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
            for (item, x) in row {
                draw_swatch(canvas, item.swatch, *x, cy)?;
                canvas.text(
                    &item.label,
                    x + SWATCH + 6.0,
                    cy,
                    TextOpts::new(LEGEND_SIZE, palette::TEXT).anchor(HPos::Left, VPos::Center),
                )?;
            }
        }
        Ok(())
    }
}

fn draw_swatch(canvas: &Canvas<'_>, swatch: Swatch, x: f64, cy: f64) -> DrawResult {
    let half = SWATCH / 2.0;
    match swatch {
        Swatch::Box(color) => canvas.rect(x, cy - half, x + SWATCH, cy + half, color),
        Swatch::Line(color, marker) => {
            canvas.line(&[(x - 2.0, cy), (x + SWATCH + 2.0, cy)], color, 2)?;
            marker.draw(canvas, x + half, cy, 3.5, color)
        }
        Swatch::Target(color) => canvas.rect(x + half - 1.5, cy - half, x + half + 1.5, cy + half, color),
        Swatch::Status(color, marker) => {
            canvas.rect(x - 1.0, cy - half - 1.0, x + SWATCH + 1.0, cy + half + 1.0, color)?;
            marker.draw(canvas, x + half, cy, 3.5, crate::plot::text_on(color))
        }
    }
}
