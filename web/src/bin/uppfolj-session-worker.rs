//! The session worker's bundle: Trunk builds it as a Web Worker (`data-type="worker"` in
//! index.html, with opt-level 3: it is where the time goes) and the page starts it once, to import
//! files and compute the report off the page. See `uppfolj_web::session_worker`.

fn main() {
    console_error_panic_hook::set_once();
    uppfolj_web::session_worker::serve();
}
