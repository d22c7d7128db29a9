//! Keeping the workspace between visits: at start the saved workspace is restored (the sample only
//! on a first visit), every change is saved a moment later, and "Rensa all data" removes it all.
//! Saving never stops the page: a failure (storage full, a private window) is one Swedish message,
//! gone when saving works again.

use crate::control::Control;
use crate::i18n::Text;
use crate::state::{Action, State};
use crate::store::{self, Save};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use yew::prelude::*;

/// How long after a change the workspace is saved (several quick changes make one save).
const DELAY_MS: u32 = 300;

/// The message when saving fails, with the browser's own words.
const SAVE_FAILED: &str = "msg.save_failed";

/// The message when the saved workspace cannot be read.
const READ_FAILED: &str = "msg.read_failed";

fn with_reason(key: &'static str, reason: &str) -> Text {
    Text::key(key).with("reason", reason)
}

/// At start: restores the saved workspace or, when nothing is saved, loads the sample.
pub fn start(control: Control) {
    wasm_bindgen_futures::spawn_local(async move {
        let sample = crate::load::sample_bytes();
        match store::load((crate::load::SAMPLE_NAME, &sample)).await {
            Ok(Some(restored)) => control.restore(restored),
            Ok(None) => crate::load::load_sample(&control),
            Err(reason) => {
                crate::load::load_sample(&control);
                control.dispatch(Action::Storage(Err(with_reason(READ_FAILED, &reason))));
            }
        }
    });
}

/// "Rensa all data": forgets the state at once (nothing more is saved), removes everything
/// stored, and starts again as on a first visit.
pub fn clear_all(control: Control) {
    control.dispatch(Action::Reset);
    control.reset();
    wasm_bindgen_futures::spawn_local(async move {
        let cleared = store::clear().await;
        crate::load::load_sample(&control);
        control.dispatch(match cleared {
            Ok(()) => Action::Notify { is_error: false, text: Text::key("msg.cleared") },
            Err(reason) => Action::Storage(Err(with_reason(SAVE_FAILED, &reason))),
        });
    });
}

/// What is stored of the files, by name: the bytes last written (compared by pointer, so a file's
/// bytes are written once, not on every change).
type Stored = Rc<RefCell<BTreeMap<String, Arc<Vec<u8>>>>>;

/// What to write for `state`, given what is stored.
fn to_save(state: &State, stored: &Stored) -> Save {
    if state.is_first_visit() {
        return Save { workspace: None, new_files: Vec::new(), layouts: BTreeMap::new() };
    }
    let stored = stored.borrow();
    let new_files = state
        .view
        .files
        .iter()
        .filter(|f| !f.is_sample)
        .filter_map(|f| state.bytes.get(&f.name).map(|b| (&f.name, b)))
        .filter(|(name, bytes)| !stored.get(*name).is_some_and(|b| Arc::ptr_eq(b, bytes)))
        .map(|(name, bytes)| (name.clone(), bytes.clone()))
        .collect();
    Save { workspace: Some(state.saved()), new_files, layouts: state.view.layouts.clone() }
}

/// Saves the state a moment after each change of what is kept (files, mappings, report,
/// parameters), once the start is done.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>) {
    let pending = use_mut_ref(|| None::<Timeout>);
    let stored: Stored = use_mut_ref(BTreeMap::new);
    let kept = (state.saved(), state.view.layouts.clone(), state.bytes.clone(), state.ready);
    let (handle, dispatcher) = (state.clone(), state.dispatcher());
    use_effect_with(kept, move |_| {
        if !handle.ready {
            // Not started yet, or just cleared: nothing to save, and nothing is known stored.
            *pending.borrow_mut() = None;
            stored.borrow_mut().clear();
            return;
        }
        let timeout = Timeout::new(DELAY_MS, move || {
            let save = to_save(&handle, &stored);
            let written: Vec<_> = handle.bytes.iter().map(|(n, b)| (n.clone(), b.clone())).collect();
            wasm_bindgen_futures::spawn_local(async move {
                let result = store::save(save).await;
                if result.is_ok() {
                    *stored.borrow_mut() = written.into_iter().collect();
                }
                dispatcher.dispatch(Action::Storage(result.map_err(|reason| with_reason(SAVE_FAILED, &reason))));
            });
        });
        // Replacing the pending save cancels it.
        *pending.borrow_mut() = Some(timeout);
    });
}
