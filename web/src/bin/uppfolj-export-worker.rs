//! The export worker's bundle: Trunk builds it as a Web Worker (`data-type="worker"` in
//! index.html) and the page starts it for each Excel export. See `uppfolj_web::export_worker`.

fn main() {
    console_error_panic_hook::set_once();
    uppfolj_web::export_worker::serve();
}
