//! The benchmark of issue #13 (`cargo xtask bench`): reproducible Swedish ledgers written as xlsx
//! ([`ledger`]), the practical limit of reading one ([`limit`]: inflate + XML tokenise only), and
//! the measurements the runner binary makes on one file ([`measure`]).

pub mod ledger;
pub mod limit;
pub mod measure;
