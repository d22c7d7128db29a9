//! Drawing in steps: a part of the page that may wait is drawn in the animation frame after the
//! one that shows what it belongs to, so that no single task holds the page for long (issue #12:
//! the longest pause under 100 ms). A report comes as its header, then its sections with their
//! first rows, then its charts; the tables add their rows a frame at a time (`table_view.rs`).

use gloo::render::{AnimationFrame, request_animation_frame};
use yew::prelude::*;

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
