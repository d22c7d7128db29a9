//! Excel export of a Report.
