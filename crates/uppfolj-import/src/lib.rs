//! Import: turns the bytes of a user's spreadsheet into [`Dataset`]s, the same way natively and in
//! WebAssembly, and says in an [`ImportSummary`] what it understood.
//!
//! Entry point: [`import_bytes`].

use uppfolj_model::Dataset;
