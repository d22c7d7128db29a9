//! Drawing in steps: a part of the page that may wait is drawn in the animation frame after the
//! one that shows what it belongs to, so that no single task holds the page for long (issue #12:
//! the longest pause under 100 ms). A new report is drawn in the frame after the rest of the
//! page's answer, its charts a frame later; the tables add their rows a frame at a time
//! (`table_view.rs`).

use gloo::render::{AnimationFrame, request_animation_frame};
use std::rc::Rc;
use uppfolj_model::Report;
use yew::prelude::*;

/// The report to draw: a new report from the animation frame after it came (until then the one
/// drawn before, or none); no report at once, so that a report that cannot be made is never
/// shown beside the reason.
#[hook]
pub fn use_report_a_frame_later(report: Option<Rc<Report>>) -> Option<Rc<Report>> {
    let key = report.as_ref().map_or(0, |r| Rc::as_ptr(r) as usize);
    let ready = use_drawn_after_a_frame(key);
    let drawn = use_mut_ref(|| None::<Rc<Report>>);
    let now = match report {
        Some(_) if !ready => drawn.borrow().clone(),
        other => other,
    };
    drawn.borrow_mut().clone_from(&now);
    now
}

/// Whether what belongs to `of` (a report's address) may be drawn: not in the render that first
/// shows it, but from the next animation frame on.
#[hook]
pub fn use_drawn_after_a_frame(of: usize) -> bool {
    let ready_for = use_state_eq(|| None::<usize>);
    let ready = *ready_for == Some(of);
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    use_effect_with((of, ready), move |&(of, ready)| {
        // Replacing the handle cancels a frame asked for earlier.
        *frame.borrow_mut() = (!ready).then(|| request_animation_frame(move |_| ready_for.set(Some(of))));
    });
    ready
}
