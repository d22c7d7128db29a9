//! Colours: a calm series palette and the traffic-light status colours.
//!
//! The series colours are distinguishable with the common colour-vision deficiencies (blue,
//! orange, teal, purple…) and keep at least 3:1 contrast to white. Status colours are the usual
//! green / amber / red / grey; a status is never shown by colour alone (the legend names it and
//! the description lists it).

use plotters::style::RGBColor;
use uppfolj_model::report::Status;

/// Series colours in order.
pub(crate) const SERIES: [RGBColor; 6] = [
    RGBColor(0x2B, 0x5F, 0x9E), // blue
    RGBColor(0xD9, 0x7B, 0x29), // orange
    RGBColor(0x2F, 0x8F, 0x83), // teal
    RGBColor(0x7A, 0x5C, 0xA8), // purple
    RGBColor(0x9C, 0x6B, 0x3F), // brown
    RGBColor(0x5E, 0x6B, 0x7A), // slate
];

/// The colour of series `i`.
pub(crate) fn series(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

/// Status colours.
pub(crate) fn status(status: Status) -> RGBColor {
    match status {
        Status::Good => RGBColor(0x2E, 0x7D, 0x32),
        Status::Warning => RGBColor(0xE0, 0x9B, 0x00),
        Status::Bad => RGBColor(0xC6, 0x28, 0x28),
        Status::Neutral => RGBColor(0x8A, 0x8F, 0x98),
    }
}

/// Body text.
pub(crate) const TEXT: RGBColor = RGBColor(0x1F, 0x23, 0x28);
/// Secondary text: ticks, axis titles, notes.
pub(crate) const MUTED: RGBColor = RGBColor(0x55, 0x5D, 0x66);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(0xE1, 0xE4, 0xE8);
/// The zero line and axis lines.
pub(crate) const AXIS: RGBColor = RGBColor(0x6E, 0x76, 0x80);
/// Reference lines.
pub(crate) const REFERENCE: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Waterfall: an increase.
pub(crate) const INCREASE: RGBColor = RGBColor(0x2B, 0x5F, 0x9E);
/// Waterfall: a decrease.
pub(crate) const DECREASE: RGBColor = RGBColor(0xD9, 0x7B, 0x29);
/// Waterfall: the total.
pub(crate) const TOTAL: RGBColor = RGBColor(0x3D, 0x45, 0x4F);
/// Bullet: the target marker.
pub(crate) const TARGET: RGBColor = RGBColor(0x1F, 0x23, 0x28);
/// Bullet: the track behind the value bar.
pub(crate) const TRACK: RGBColor = RGBColor(0xEE, 0xF0, 0xF3);
