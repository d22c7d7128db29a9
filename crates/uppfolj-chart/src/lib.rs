//! Charts: draws a Report chart as SVG.
