//! The Swedish vocabulary of follow-up tables (total and subtotal rows, months and periods,
//! years, numbers, units): the one the import uses too, from [`uppfolj_model::vocab`].

pub use uppfolj_model::vocab::*;
