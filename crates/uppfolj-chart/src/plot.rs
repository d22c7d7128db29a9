//! The category plot shared by every chart kind: categories along one axis, values along the
//! other, drawn as marks (bars, target ticks, connectors, lines, notes).
//!
//! Each chart kind turns its series into [`Mark`]s (see `kinds.rs`); this module lays out the
//! header, the category labels, the value axis with Swedish tick labels and its title, the
//! reference lines, and draws the marks.

use crate::canvas::{Canvas, DrawResult, TextOpts};
use crate::header::{Header, LegendItem, MARGIN, Marker};
use crate::palette;
use crate::scale::{self, Scale, ValueFormat};
use crate::text;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{RGBColor, WHITE};
use uppfolj_model::report::ReferenceLine;

/// Category label font size.
const CAT_SIZE: f64 = 13.0;
/// Tick label font size.
const TICK_SIZE: f64 = 12.0;
/// Value label font size.
const VALUE_SIZE: f64 = 12.0;
/// Axis title font size.
const AXIS_TITLE_SIZE: f64 = 12.5;
/// Room after a value label for a status symbol.
const SYMBOL_ROOM: f64 = 14.0;
/// Line height of wrapped category labels.
const CAT_LINE: f64 = 15.0;

/// A value label on a bar.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarLabel {
    pub text: String,
    /// Inside the bar (stacked segments) rather than beyond its end.
    pub inside: bool,
    /// Dropped when it does not fit (grouped and stacked bars) instead of always drawn.
    pub optional: bool,
    /// Anchor the label at this value instead of the bar's end (bullet: beyond the target).
    pub at: Option<f64>,
}

/// Something drawn in the plot.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A bar from `v0` to `v1` in the part `slot` (fractions 0..1) of category `cat`'s band.
    Bar {
        cat: usize,
        slot: (f64, f64),
        v0: f64,
        v1: f64,
        color: RGBColor,
        label: Option<BarLabel>,
        /// A status symbol drawn inside the bar near its base.
        symbol: Option<Marker>,
    },
    /// A target marker across `slot` at `value`.
    Tick { cat: usize, slot: (f64, f64), value: f64, color: RGBColor },
    /// A thin line from the end of one waterfall step to the start of the next.
    Connector { from: (usize, f64), to: (usize, f64), value: f64 },
    /// A text in place of a missing value, next to the zero line.
    Note { cat: usize, text: String },
    /// A text beyond `at` on the side of its sign (stack totals).
    EndLabel { cat: usize, at: f64, text: String },
    /// A line through the band centres; `None` breaks the line.
    Line { values: Vec<Option<f64>>, color: RGBColor, marker: Marker, labels: Option<ValueFormat> },
}

/// A plot ready to draw.
#[derive(Debug, Clone)]
pub(crate) struct Plot<'c> {
    pub title: &'c str,
    pub categories: &'c [String],
    pub horizontal: bool,
    pub marks: Vec<Mark>,
    pub legend: Vec<LegendItem>,
    pub axis_title: String,
    pub reference_lines: &'c [ReferenceLine],
    /// Format of reference-line values.
    pub format: ValueFormat,
    /// Whether the value axis must contain zero (bars).
    pub include_zero: bool,
    /// The widest a category band may be drawn, in pixels (bars do not grow without bound).
    pub max_band: f64,
    /// A light track behind each category across the whole value axis (bullet).
    pub track: Option<(f64, f64)>,
}

/// Pixel geometry of the plot area.
#[derive(Debug, Clone)]
struct Frame {
    horizontal: bool,
    scale: Scale,
    /// Pixel of `scale.lo` and of `scale.hi` on the value axis.
    val0: f64,
    val1: f64,
    /// Pixel where the category axis starts, and the band size.
    cat0: f64,
    band: f64,
    /// The drawn part of a band (at most `max_band`).
    inner: f64,
    /// The plot rectangle (x0, y0, x1, y1).
    rect: (f64, f64, f64, f64),
}

impl Frame {
    fn v(&self, value: f64) -> f64 {
        self.val0 + self.scale.fraction(value) * (self.val1 - self.val0)
    }

    /// Pixel along the category axis at fraction `f` of category `cat`'s drawn band.
    fn c(&self, cat: usize, f: f64) -> f64 {
        self.cat0 + cat as f64 * self.band + (self.band - self.inner) / 2.0 + f * self.inner
    }

    fn centre(&self, cat: usize) -> f64 {
        self.cat0 + (cat as f64 + 0.5) * self.band
    }

    /// A point from (category pixel, value pixel) to (x, y).
    fn xy(&self, cat_px: f64, val_px: f64) -> (f64, f64) {
        if self.horizontal { (val_px, cat_px) } else { (cat_px, val_px) }
    }

    /// The direction in which values grow, in pixels (+1 or −1).
    fn growth(&self) -> f64 {
        if self.val1 >= self.val0 { 1.0 } else { -1.0 }
    }
}

/// The label of a reference line: its own label, plus the value when the label has no number.
pub(crate) fn reference_label(line: &ReferenceLine, format: &ValueFormat) -> String {
    if line.label.chars().any(|c| c.is_ascii_digit()) {
        line.label.clone()
    } else {
        format!("{}: {}", line.label, format.unsigned().write(line.value))
    }
}

impl Plot<'_> {
    fn n(&self) -> usize {
        self.categories.len().max(1)
    }

    /// The range of values the axis must show.
    fn extent(&self) -> (f64, f64) {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        let mut add = |v: f64| {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        };
        for mark in &self.marks {
            match mark {
                Mark::Bar { v0, v1, .. } => {
                    add(*v0);
                    add(*v1);
                }
                Mark::Tick { value, .. } | Mark::Connector { value, .. } => add(*value),
                Mark::EndLabel { at, .. } => add(*at),
                Mark::Line { values, .. } => values.iter().flatten().for_each(|v| add(*v)),
                Mark::Note { .. } => {}
            }
        }
        for line in self.reference_lines {
            add(line.value);
        }
        if !self.include_zero && lo.is_finite() && lo > 0.0 && lo < 0.3 * hi {
            lo = 0.0;
        }
        if !self.include_zero && hi.is_finite() && hi < 0.0 && hi > 0.3 * lo {
            hi = 0.0;
        }
        if lo > hi { (0.0, 1.0) } else { (lo, hi) }
    }

    /// Labels drawn beyond the end of a bar: (width in pixels, including room for a status
    /// symbol drawn after the label; value side is positive).
    fn end_labels(&self) -> Vec<(f64, bool)> {
        let mut out = Vec::new();
        for mark in &self.marks {
            match mark {
                Mark::Bar { v0, v1, label: Some(label), symbol, .. } if !label.inside => {
                    let at = label.at.unwrap_or(*v1);
                    let room = if symbol.is_some() && self.horizontal { SYMBOL_ROOM } else { 0.0 };
                    let w = text::width(&label.text, VALUE_SIZE, false) + room;
                    out.push((w, at >= *v0 && !(at == *v0 && *v1 < *v0)));
                }
                Mark::EndLabel { at, text, .. } => out.push((text::width(text, VALUE_SIZE, false), *at >= 0.0)),
                Mark::Note { text, .. } => out.push((text::width(text, VALUE_SIZE, false), true)),
                _ => {}
            }
        }
        out
    }

    /// Lays out and draws the plot on a `width` × `height` canvas.
    pub fn draw(&self, canvas: &Canvas<'_>, width: f64, height: f64) -> DrawResult {
        let header = Header::layout(self.title, &self.legend, width);
        header.draw(canvas)?;
        let (lo, hi) = self.extent();
        let frame = if self.horizontal {
            self.layout_horizontal(canvas, &header, width, height, lo, hi)?
        } else {
            self.layout_vertical(canvas, &header, width, height, lo, hi)?
        };
        self.draw_grid(canvas, &frame)?;
        self.draw_shapes(canvas, &frame)?;
        self.draw_reference_lines(canvas, &frame, false)?;
        // Optional labels (grouped bars) are drawn for every bar or for none, never for some.
        let optional = self.marks.iter().all(|m| self.optional_label_fits(&frame, m));
        for mark in &self.marks {
            self.draw_label(canvas, &frame, mark, optional)?;
        }
        self.draw_reference_lines(canvas, &frame, true)
    }

    fn layout_horizontal(
        &self,
        canvas: &Canvas<'_>,
        header: &Header,
        width: f64,
        height: f64,
        lo: f64,
        hi: f64,
    ) -> Result<Frame, String> {
        let n = self.n() as f64;
        // One row of reference-line labels above the plot per line (at most three), so that
        // labels of nearby lines can be stacked instead of overlapping.
        let ref_h = 16.0 * self.reference_lines.iter().filter(|r| r.value.is_finite()).count().min(3) as f64
            + if self.reference_lines.is_empty() { 0.0 } else { 2.0 };
        let top = header.bottom + ref_h;
        let bottom = (height - MARGIN - 18.0 - 20.0).max(top + n * 4.0);
        let band = (bottom - top) / n;
        let lines = if band >= 2.0 * CAT_LINE + 4.0 { 2 } else { 1 };
        let widest = self.categories.iter().map(|c| text::width(c, CAT_SIZE, false)).fold(0.0, f64::max);
        let label_w = widest.min((width * 0.4).max(60.0));
        // Wrap first, then size the column to the widest wrapped line.
        let wrapped: Vec<Vec<String>> =
            self.categories.iter().map(|c| text::wrap(c, CAT_SIZE, label_w, lines, false).0).collect();
        let label_w = wrapped.iter().flatten().map(|l| text::width(l, CAT_SIZE, false)).fold(0.0, f64::max);
        let left = MARGIN + label_w + 10.0;
        let right = width - MARGIN;
        let (pad_lo, pad_hi) = self.end_labels().iter().fold((0.0f64, 0.0f64), |(l, h), (w, pos)| {
            let w = w + 8.0;
            if *pos { (l, h.max(w)) } else { (l.max(w), h) }
        });
        let val0 = left + pad_lo.min((right - left) * 0.35);
        let val1 = (right - pad_hi.min((right - left) * 0.35)).max(val0 + 10.0);
        let scale = scale::nice(lo, hi, self.include_zero, ((val1 - val0) / 90.0).clamp(2.0, 10.0) as usize);
        let inner = band.min(self.max_band);
        let frame =
            Frame { horizontal: true, scale, val0, val1, cat0: top, band, inner, rect: (left, top, right, bottom) };
        // Category labels, right-aligned left of the plot, centred on the band.
        for (i, lines) in wrapped.iter().enumerate() {
            let cy = frame.centre(i);
            let y0 = cy - (lines.len() as f64 - 1.0) * CAT_LINE / 2.0;
            for (k, line) in lines.iter().enumerate() {
                canvas.text(
                    line,
                    left - 10.0,
                    y0 + k as f64 * CAT_LINE,
                    TextOpts::new(CAT_SIZE, palette::TEXT).anchor(HPos::Right, VPos::Center),
                )?;
            }
        }
        // Tick labels under the plot and the axis title under them.
        for &t in &frame.scale.ticks {
            let x = frame.v(t);
            canvas.text(
                &frame.scale.tick_label(t),
                x,
                bottom + 6.0,
                TextOpts::new(TICK_SIZE, palette::MUTED).anchor(HPos::Center, VPos::Top),
            )?;
        }
        let title = text::truncate(&self.axis_title, AXIS_TITLE_SIZE, right - left);
        canvas.text(
            &title,
            (val0 + val1) / 2.0,
            bottom + 26.0,
            TextOpts::new(AXIS_TITLE_SIZE, palette::MUTED).anchor(HPos::Center, VPos::Top),
        )?;
        Ok(frame)
    }

    fn layout_vertical(
        &self,
        canvas: &Canvas<'_>,
        header: &Header,
        width: f64,
        height: f64,
        lo: f64,
        hi: f64,
    ) -> Result<Frame, String> {
        let n = self.n() as f64;
        let top = header.bottom + 4.0;
        let guess_h = (height - top - 60.0).max(40.0);
        let has_end_labels = self.end_labels().iter().fold((false, false), |(l, h), (_, pos)| (l || !pos, h || *pos));
        let has_point_labels = self.marks.iter().any(|m| matches!(m, Mark::Line { labels: Some(_), .. }));
        let pad_hi = if has_end_labels.1 || has_point_labels { 18.0 } else { 4.0 };
        let pad_lo = if has_end_labels.0 { 18.0 } else { 0.0 };
        let scale = scale::nice(lo, hi, self.include_zero, (guess_h / 55.0).clamp(2.0, 8.0) as usize);
        let tick_w =
            scale.ticks.iter().map(|t| text::width(&scale.tick_label(*t), TICK_SIZE, false)).fold(0.0, f64::max);
        let left = MARGIN + 18.0 + tick_w.min(width * 0.3) + 8.0;
        let right = width - MARGIN - self.right_labels_width();
        let band = (right - left) / n;
        // Category labels: wrapped under each band, in a smaller size if need be, or turned
        // upright when they do not fit even so.
        let avail = (band - 6.0).max(10.0);
        let mut cat_size = CAT_SIZE;
        let mut wrapped: Vec<Vec<String>> = Vec::new();
        let mut upright = true;
        for (size, hyphenate) in [(CAT_SIZE, false), (12.0, false), (11.0, false), (12.0, true)] {
            let attempt: Vec<(Vec<String>, bool)> =
                self.categories.iter().map(|c| text::wrap(c, size, avail, 3, hyphenate)).collect();
            if attempt.iter().all(|(_, fitted)| *fitted) {
                cat_size = size;
                wrapped = attempt.into_iter().map(|(l, _)| l).collect();
                upright = false;
                break;
            }
        }
        let upright_labels: Vec<String> = if upright {
            cat_size = 12.0;
            let max = (height * 0.35).max(40.0);
            self.categories.iter().map(|c| text::truncate(c, cat_size, max)).collect()
        } else {
            Vec::new()
        };
        let label_h = if upright {
            upright_labels.iter().map(|l| text::width(l, cat_size, false)).fold(0.0, f64::max) + 10.0
        } else {
            wrapped.iter().map(Vec::len).max().unwrap_or(1) as f64 * CAT_LINE + 8.0
        };
        let bottom = (height - MARGIN - label_h).max(top + 20.0);
        let val0 = bottom - pad_lo;
        let val1 = (top + pad_hi).min(val0 - 10.0);
        let inner = band.min(self.max_band);
        let frame =
            Frame { horizontal: false, scale, val0, val1, cat0: left, band, inner, rect: (left, top, right, bottom) };
        for i in 0..self.categories.len() {
            let cx = frame.centre(i);
            if upright {
                canvas.text(
                    &upright_labels[i],
                    cx,
                    bottom + 8.0,
                    TextOpts::new(cat_size, palette::TEXT).anchor(HPos::Right, VPos::Center).rotated(),
                )?;
            } else {
                for (k, line) in wrapped[i].iter().enumerate() {
                    canvas.text(
                        line,
                        cx,
                        bottom + 6.0 + k as f64 * CAT_LINE,
                        TextOpts::new(cat_size, palette::TEXT).anchor(HPos::Center, VPos::Top),
                    )?;
                }
            }
        }
        for &t in &frame.scale.ticks {
            canvas.text(
                &frame.scale.tick_label(t),
                left - 8.0,
                frame.v(t),
                TextOpts::new(TICK_SIZE, palette::MUTED).anchor(HPos::Right, VPos::Center),
            )?;
        }
        let title = text::truncate(&self.axis_title, AXIS_TITLE_SIZE, (val0 - val1).abs().max(40.0));
        canvas.text(
            &title,
            MARGIN,
            (val0 + val1) / 2.0,
            TextOpts::new(AXIS_TITLE_SIZE, palette::MUTED).anchor(HPos::Center, VPos::Top).rotated(),
        )?;
        Ok(frame)
    }

    fn draw_grid(&self, canvas: &Canvas<'_>, f: &Frame) -> DrawResult {
        let (x0, y0, x1, y1) = f.rect;
        let (c_lo, c_hi) = if f.horizontal { (y0, y1) } else { (x0, x1) };
        for &t in &f.scale.ticks {
            let p = f.v(t);
            canvas.line(&[f.xy(c_lo, p), f.xy(c_hi, p)], palette::GRID, 1)?;
        }
        if let Some((lo, hi)) = self.track {
            for cat in 0..self.categories.len() {
                let (a, b) = (f.xy(f.c(cat, lo), f.v(f.scale.lo)), f.xy(f.c(cat, hi), f.v(f.scale.hi)));
                canvas.rect(a.0, a.1, b.0, b.1, palette::TRACK)?;
            }
        }
        Ok(())
    }

    fn draw_shapes(&self, canvas: &Canvas<'_>, f: &Frame) -> DrawResult {
        let (x0, y0, x1, y1) = f.rect;
        let (c_lo, c_hi) = if f.horizontal { (y0, y1) } else { (x0, x1) };
        let zero_visible = f.scale.lo <= 0.0 && f.scale.hi >= 0.0;
        // Bars first, then connectors and the zero line over them, then labels on top.
        for mark in &self.marks {
            match mark {
                Mark::Bar { cat, slot, v0, v1, color, symbol, .. } => {
                    let a = f.xy(f.c(*cat, slot.0), f.v(*v0));
                    let b = f.xy(f.c(*cat, slot.1), f.v(*v1));
                    canvas.rect(a.0, a.1, b.0, b.1, *color)?;
                    let (p0, p1) = (f.v(*v0), f.v(*v1));
                    let thickness = (f.c(*cat, slot.1) - f.c(*cat, slot.0)).abs();
                    if let Some(symbol) = symbol.filter(|_| symbol_inside(f, *cat, *slot, *v0, *v1)) {
                        let r = (thickness * 0.28).clamp(3.0, 4.5);
                        let (x, y) = f.xy(f.c(*cat, (slot.0 + slot.1) / 2.0), p0 + (p1 - p0).signum() * (r + 5.0));
                        symbol.draw(canvas, x, y, r, text_on(*color))?;
                    }
                }
                Mark::Tick { cat, slot, value, color } => {
                    let p = f.v(*value);
                    let a = f.xy(f.c(*cat, slot.0), p - 1.5);
                    let b = f.xy(f.c(*cat, slot.1), p + 1.5);
                    canvas.rect(a.0, a.1, b.0, b.1, *color)?;
                }
                Mark::Connector { from, to, value } => {
                    let p = f.v(*value);
                    canvas.line(&[f.xy(f.c(from.0, from.1), p), f.xy(f.c(to.0, to.1), p)], palette::AXIS, 1)?;
                }
                Mark::Line { values, color, marker, .. } => {
                    let mut run: Vec<(f64, f64)> = Vec::new();
                    for (i, v) in values.iter().enumerate() {
                        match v {
                            Some(v) if v.is_finite() => run.push(f.xy(f.centre(i), f.v(*v))),
                            _ => {
                                if run.len() > 1 {
                                    canvas.line(&run, *color, 2)?;
                                }
                                run.clear();
                            }
                        }
                    }
                    if run.len() > 1 {
                        canvas.line(&run, *color, 2)?;
                    }
                    for (i, v) in values.iter().enumerate() {
                        if let Some(v) = v.filter(|v| v.is_finite()) {
                            let (x, y) = f.xy(f.centre(i), f.v(v));
                            marker.draw(canvas, x, y, 4.0, *color)?;
                        }
                    }
                }
                Mark::Note { .. } | Mark::EndLabel { .. } => {}
            }
        }
        if zero_visible {
            let p = f.v(0.0);
            canvas.line(&[f.xy(c_lo, p), f.xy(c_hi, p)], palette::AXIS, 1)?;
        }
        Ok(())
    }

    /// Whether `mark`'s label, if it is an optional end label, fits beside its bar.
    fn optional_label_fits(&self, f: &Frame, mark: &Mark) -> bool {
        match mark {
            Mark::Bar { cat, slot, label: Some(label), .. } if label.optional && !label.inside => {
                let thickness = (f.c(*cat, slot.1) - f.c(*cat, slot.0)).abs();
                let tw = text::width(&label.text, VALUE_SIZE, false);
                if f.horizontal { thickness >= 10.0 } else { thickness >= tw * 0.95 }
            }
            _ => true,
        }
    }

    fn draw_label(&self, canvas: &Canvas<'_>, f: &Frame, mark: &Mark, optional: bool) -> DrawResult {
        let g = f.growth();
        match mark {
            Mark::Bar { cat, slot, v0, v1, color, label: Some(label), symbol } => {
                let thickness = (f.c(*cat, slot.1) - f.c(*cat, slot.0)).abs();
                let tw = text::width(&label.text, VALUE_SIZE, false);
                let centre = f.c(*cat, (slot.0 + slot.1) / 2.0);
                if label.inside {
                    let length = (f.v(*v1) - f.v(*v0)).abs();
                    let fits = if f.horizontal {
                        length >= tw + 6.0 && thickness >= 13.0
                    } else {
                        length >= 16.0 && thickness >= tw + 4.0
                    };
                    if !fits {
                        return Ok(());
                    }
                    let (x, y) = f.xy(centre, (f.v(*v0) + f.v(*v1)) / 2.0);
                    let opts = TextOpts::new(VALUE_SIZE, text_on(*color)).anchor(HPos::Center, VPos::Center);
                    return canvas.text(&label.text, x, y, opts);
                }
                if label.optional && !optional {
                    return Ok(());
                }
                let at = label.at.unwrap_or(*v1);
                let positive = at > *v0 || (at == *v0 && v1 >= v0);
                let background = if self.track.is_some() { palette::TRACK } else { WHITE };
                self.end_text(canvas, f, centre, f.v(at), positive, &label.text, palette::TEXT, g, Some(background))?;
                // A bar too short for its status symbol gets it after the label, in its colour.
                if let Some(symbol) = symbol.filter(|_| f.horizontal && !symbol_inside(f, *cat, *slot, *v0, *v1)) {
                    let dir = if positive { g } else { -g };
                    let x = f.v(at) + dir * (5.0 + tw + 4.0 + 4.5);
                    symbol.draw(canvas, x, centre, 4.5, *color)?;
                }
                Ok(())
            }
            Mark::EndLabel { cat, at, text } => {
                self.end_text(canvas, f, f.centre(*cat), f.v(*at), *at >= 0.0, text, palette::TEXT, g, Some(WHITE))
            }
            Mark::Note { cat, text } => {
                let base = if f.scale.lo <= 0.0 && f.scale.hi >= 0.0 { 0.0 } else { f.scale.lo };
                self.end_text(canvas, f, f.centre(*cat), f.v(base), true, text, palette::MUTED, g, None)
            }
            Mark::Line { values, labels: Some(format), .. } => {
                for (i, v) in values.iter().enumerate() {
                    if let Some(v) = v.filter(|v| v.is_finite()) {
                        let (x, y) = f.xy(f.centre(i), f.v(v));
                        let opts = TextOpts::new(VALUE_SIZE, palette::TEXT).anchor(HPos::Center, VPos::Bottom);
                        canvas.text(&format.write(v), x, y - 7.0, opts)?;
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// A text just beyond value pixel `p`, on the positive or negative side.
    #[allow(clippy::too_many_arguments)]
    fn end_text(
        &self,
        canvas: &Canvas<'_>,
        f: &Frame,
        cat_px: f64,
        p: f64,
        positive: bool,
        text: &str,
        color: RGBColor,
        growth: f64,
        background: Option<RGBColor>,
    ) -> DrawResult {
        let dir = if positive { growth } else { -growth };
        let w = text::width(text, VALUE_SIZE, false);
        // A white box behind the label keeps it readable over grid and reference lines.
        if f.horizontal {
            let h = if dir > 0.0 { HPos::Left } else { HPos::Right };
            let x = p + dir * 5.0;
            if let Some(bg) = background {
                canvas.rect(x - dir * 2.0, cat_px - 8.0, x + dir * (w + 2.0), cat_px + 8.0, bg)?;
            }
            canvas.text(text, x, cat_px, TextOpts::new(VALUE_SIZE, color).anchor(h, VPos::Center))
        } else {
            let v = if dir < 0.0 { VPos::Bottom } else { VPos::Top };
            let y = p + dir * 4.0;
            if let Some(bg) = background {
                canvas.rect(cat_px - w / 2.0 - 2.0, y, cat_px + w / 2.0 + 2.0, y + dir * 15.0, bg)?;
            }
            canvas.text(text, cat_px, y, TextOpts::new(VALUE_SIZE, color).anchor(HPos::Center, v))
        }
    }

    /// Reference lines (`labels == false`) or their labels (`labels == true`, drawn last so that
    /// nothing covers them). Labels sit outside the plot: above it for horizontal bars, right of
    /// it otherwise.
    fn draw_reference_lines(&self, canvas: &Canvas<'_>, f: &Frame, labels: bool) -> DrawResult {
        let (x0, y0, x1, y1) = f.rect;
        let lines: Vec<&ReferenceLine> = self.reference_lines.iter().filter(|r| r.value.is_finite()).collect();
        if !labels {
            for line in &lines {
                let p = f.v(line.value);
                if f.horizontal {
                    canvas.dashed((p, y0 - 4.0), (p, y1), palette::REFERENCE, 2)?;
                } else {
                    canvas.dashed((x0, p), (x1 + 4.0, p), palette::REFERENCE, 2)?;
                }
            }
            return Ok(());
        }
        let opts = TextOpts::new(VALUE_SIZE, palette::REFERENCE).bold();
        if f.horizontal {
            // Labels above the plot, centred on their line; a label that would overlap one
            // already placed goes a row higher.
            let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
            for line in &lines {
                let label = reference_label(line, &self.format);
                let w = text::width(&label, VALUE_SIZE, true);
                let x = f.v(line.value).clamp(MARGIN + w / 2.0, (x1 + MARGIN - w / 2.0).max(MARGIN + w / 2.0));
                let span = (x - w / 2.0 - 4.0, x + w / 2.0 + 4.0);
                let free = rows.iter().position(|r| r.iter().all(|(a, b)| span.1 <= *a || span.0 >= *b));
                let row = match free {
                    Some(row) => row,
                    None if rows.len() < 3 => {
                        rows.push(Vec::new());
                        rows.len() - 1
                    }
                    None => rows.len() - 1,
                };
                rows[row].push(span);
                canvas.text(&label, x, y0 - 6.0 - row as f64 * 16.0, opts.anchor(HPos::Center, VPos::Bottom))?;
            }
        } else {
            // Labels right of the plot at their line's height, pushed apart when they overlap.
            let avail = (self.right_labels_width() - 8.0).max(20.0);
            let mut placed: Vec<(f64, Vec<String>)> = lines
                .iter()
                .map(|line| {
                    (f.v(line.value), text::wrap(&reference_label(line, &self.format), VALUE_SIZE, avail, 2, false).0)
                })
                .collect();
            placed.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut next_free = f64::NEG_INFINITY;
            for (p, label_lines) in placed {
                let height = label_lines.len() as f64 * 14.0;
                let top = (p - height / 2.0).max(next_free);
                next_free = top + height + 2.0;
                for (k, l) in label_lines.iter().enumerate() {
                    canvas.text(l, x1 + 8.0, top + 7.0 + k as f64 * 14.0, opts.anchor(HPos::Left, VPos::Center))?;
                }
            }
        }
        Ok(())
    }

    /// Room right of a vertical plot for reference-line labels.
    fn right_labels_width(&self) -> f64 {
        self.reference_lines
            .iter()
            .filter(|r| r.value.is_finite())
            .map(|r| text::width(&reference_label(r, &self.format), VALUE_SIZE, true) + 10.0)
            .fold(0.0, f64::max)
            .min(110.0)
    }
}

/// Whether a bar is long and thick enough to carry its status symbol inside.
fn symbol_inside(f: &Frame, cat: usize, slot: (f64, f64), v0: f64, v1: f64) -> bool {
    let thickness = (f.c(cat, slot.1) - f.c(cat, slot.0)).abs();
    (f.v(v1) - f.v(v0)).abs() >= 18.0 && thickness >= 11.0
}

/// White or dark text, whichever reads better on `background`.
pub(crate) fn text_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    if luminance > 150.0 { palette::TEXT } else { RGBColor(0xFF, 0xFF, 0xFF) }
}
