//! Drawing primitives over a plotters drawing area, in pixel coordinates.
//!
//! The layout is computed here rather than by plotters' `ChartBuilder`, so that no text is ever
//! measured through the font backend: on wasm32 plotters would measure through a DOM `<span>`,
//! natively it would need a font file. The SVG is thereby the same on every target and renders
//! in a Web Worker too.

use crate::text::FONT_FAMILY;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What went wrong while drawing, as text.
pub(crate) type DrawResult = Result<(), String>;

/// A drawing area in pixels.
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

/// A pixel coordinate, clamped so that absurd values never overflow.
fn px(v: f64) -> i32 {
    if v.is_finite() { v.round().clamp(-100_000.0, 100_000.0) as i32 } else { 0 }
}

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// Text options.
#[derive(Clone, Copy)]
pub(crate) struct TextOpts {
    pub size: f64,
    pub color: RGBColor,
    pub h: HPos,
    pub v: VPos,
    pub bold: bool,
    pub rotate: bool,
}

impl TextOpts {
    pub fn new(size: f64, color: RGBColor) -> Self {
        Self { size, color, h: HPos::Left, v: VPos::Center, bold: false, rotate: false }
    }
    pub fn anchor(self, h: HPos, v: VPos) -> Self {
        Self { h, v, ..self }
    }
    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }
    /// Rotated a quarter turn counter-clockwise (reads bottom to top).
    pub fn rotated(self) -> Self {
        Self { rotate: true, ..self }
    }
}

impl<'a> Canvas<'a> {
    pub fn new(area: DrawingArea<SVGBackend<'a>, Shift>) -> Self {
        Self { area }
    }

    pub fn fill(&self, color: RGBColor) -> DrawResult {
        self.area.fill(&color).map_err(err)
    }

    pub fn present(&self) -> DrawResult {
        self.area.present().map_err(err)
    }

    /// A filled rectangle between two corners (in any order).
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> DrawResult {
        let (a, b) = ((px(x0.min(x1)), px(y0.min(y1))), (px(x0.max(x1)), px(y0.max(y1))));
        self.area.draw(&Rectangle::new([a, b], color.filled())).map_err(err)
    }

    /// A rectangle outline.
    pub fn rect_outline(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) -> DrawResult {
        let (a, b) = ((px(x0.min(x1)), px(y0.min(y1))), (px(x0.max(x1)), px(y0.max(y1))));
        self.area.draw(&Rectangle::new([a, b], color.stroke_width(width))).map_err(err)
    }

    /// A polyline.
    pub fn line(&self, points: &[(f64, f64)], color: RGBColor, width: u32) -> DrawResult {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&PathElement::new(pts, color.stroke_width(width))).map_err(err)
    }

    /// A dashed line between two points.
    pub fn dashed(&self, a: (f64, f64), b: (f64, f64), color: RGBColor, width: u32) -> DrawResult {
        let pts = vec![(px(a.0), px(a.1)), (px(b.0), px(b.1))];
        self.area.draw(&DashedPathElement::new(pts, 6, 4, color.stroke_width(width))).map_err(err)
    }

    /// A filled circle.
    pub fn circle(&self, x: f64, y: f64, r: f64, color: RGBColor) -> DrawResult {
        self.area.draw(&Circle::new((px(x), px(y)), px(r).max(1), color.filled())).map_err(err)
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], color: RGBColor) -> DrawResult {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&Polygon::new(pts, color.filled())).map_err(err)
    }

    /// Text at a point.
    pub fn text(&self, text: &str, x: f64, y: f64, opts: TextOpts) -> DrawResult {
        if text.is_empty() {
            return Ok(());
        }
        // plotters writes `font-size` as size / 1.24; pass a size that comes out whole.
        let style = if opts.bold { FontStyle::Bold } else { FontStyle::Normal };
        let mut font = FontDesc::new(FontFamily::Name(FONT_FAMILY), opts.size * 1.24, style);
        if opts.rotate {
            font = font.transform(FontTransform::Rotate270);
        }
        let text_style = font.color(&opts.color).pos(Pos::new(opts.h, opts.v));
        self.area.draw(&Text::new(text.to_owned(), (px(x), px(y)), text_style)).map_err(err)
    }
}
