//! The browser's store of the workspace: an IndexedDB database (through the `idb` crate) that
//! keeps the [`SavedWorkspace`], the bytes of each loaded file and the remembered mappings, so that
//! a reload or a crash loses nothing. Three object stores:
//!
//! ```text
//! workspace  "current"    → the SavedWorkspace as JSON
//! files      file name    → the file's bytes (Uint8Array); the bundled sample is not stored
//! layouts    layout key   → a Mapping as JSON (crate::fingerprint)
//! ```
//!
//! Errors are the library's text; the caller wraps them in a Swedish sentence.

use crate::saved::{Restored, SavedWorkspace, VERSION};
use idb::{Database, Factory, ObjectStoreParams, Transaction, TransactionMode, TransactionResult};
use js_sys::Uint8Array;
use std::collections::BTreeMap;
use std::sync::Arc;
use uppfolj_import::Mapping;
use wasm_bindgen::{JsCast, JsValue};

const DB: &str = "uppfolj";
const DB_VERSION: u32 = 1;
const WORKSPACE: &str = "workspace";
const FILES: &str = "files";
const LAYOUTS: &str = "layouts";
const STORES: [&str; 3] = [WORKSPACE, FILES, LAYOUTS];
const CURRENT: &str = "current";

/// What to write: the workspace, the files whose bytes are not stored yet, and the mappings.
#[derive(Debug)]
pub struct Save {
    /// The workspace; `None` to keep nothing (the first-visit state).
    pub workspace: Option<SavedWorkspace>,
    /// The bytes to write, by file name (files already stored are left out).
    pub new_files: Vec<(String, Arc<Vec<u8>>)>,
    /// The remembered mappings by layout key.
    pub layouts: BTreeMap<String, Mapping>,
}

fn text(err: impl std::fmt::Display) -> String {
    err.to_string()
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(text)?;
    let mut request = factory.open(DB, Some(DB_VERSION)).map_err(text)?;
    request.on_upgrade_needed(|event| {
        let Ok(db) = idb::DatabaseEvent::database(&event) else { return };
        let existing = db.store_names();
        for store in STORES {
            if !existing.iter().any(|s| s == store) {
                // A failure here aborts the upgrade, and the open request reports it.
                let _ = db.create_object_store(store, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(text)
}

async fn finish(tx: Transaction) -> Result<(), String> {
    match tx.commit().map_err(text)?.await.map_err(text)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err("the transaction was aborted".to_owned()),
    }
}

/// Reads the saved workspace, with the bytes of its files (`sample` gives the bundled sample's
/// name and bytes) and the remembered mappings; `None` when nothing is saved.
pub async fn load(sample: (&str, &Arc<Vec<u8>>)) -> Result<Option<Restored>, String> {
    let db = open().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadOnly).map_err(text)?;
    let saved = tx.object_store(WORKSPACE).map_err(text)?.get(JsValue::from_str(CURRENT)).map_err(text)?.await;
    let Some(json) = saved.map_err(text)?.and_then(|v| v.as_string()) else { return Ok(None) };
    let workspace: SavedWorkspace = serde_json::from_str(&json).map_err(text)?;
    if workspace.version != VERSION {
        return Ok(None);
    }
    let files = tx.object_store(FILES).map_err(text)?;
    let mut bytes = BTreeMap::new();
    for f in &workspace.files {
        if f.is_sample {
            bytes.insert(f.name.clone(), sample.1.clone());
            continue;
        }
        let value = files.get(JsValue::from_str(&f.name)).map_err(text)?.await.map_err(text)?;
        if let Some(array) = value.and_then(|v| v.dyn_into::<Uint8Array>().ok()) {
            bytes.insert(f.name.clone(), Arc::new(array.to_vec()));
        }
    }
    let layouts_store = tx.object_store(LAYOUTS).map_err(text)?;
    let mut layouts = BTreeMap::new();
    for key in layouts_store.get_all_keys(None, None).map_err(text)?.await.map_err(text)? {
        let value = layouts_store.get(key.clone()).map_err(text)?.await.map_err(text)?;
        let mapping = value.and_then(|v| v.as_string()).and_then(|j| serde_json::from_str::<Mapping>(&j).ok());
        if let (Some(key), Some(mapping)) = (key.as_string(), mapping) {
            layouts.insert(key, mapping);
        }
    }
    drop(tx);
    db.close();
    Ok(Some(Restored { workspace, bytes, layouts }))
}

/// Writes `save` in one transaction: the workspace, the new files' bytes, the mappings; the bytes
/// of files no longer loaded are deleted.
pub async fn save(save: Save) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite).map_err(text)?;
    let workspace = tx.object_store(WORKSPACE).map_err(text)?;
    let files = tx.object_store(FILES).map_err(text)?;
    let kept: Vec<String> = save.workspace.iter().flat_map(|w| w.files.iter().map(|f| f.name.clone())).collect();
    match &save.workspace {
        Some(w) => {
            let json = serde_json::to_string(w).map_err(text)?;
            workspace
                .put(&JsValue::from_str(&json), Some(&JsValue::from_str(CURRENT)))
                .map_err(text)?
                .await
                .map_err(text)?;
        }
        None => workspace.delete(JsValue::from_str(CURRENT)).map_err(text)?.await.map_err(text)?,
    }
    for key in files.get_all_keys(None, None).map_err(text)?.await.map_err(text)? {
        if !key.as_string().is_some_and(|k| kept.contains(&k)) {
            files.delete(key).map_err(text)?.await.map_err(text)?;
        }
    }
    for (name, bytes) in &save.new_files {
        let array = Uint8Array::from(bytes.as_slice());
        files.put(&array, Some(&JsValue::from_str(name))).map_err(text)?.await.map_err(text)?;
    }
    let layouts = tx.object_store(LAYOUTS).map_err(text)?;
    layouts.clear().map_err(text)?.await.map_err(text)?;
    for (key, mapping) in &save.layouts {
        let json = serde_json::to_string(mapping).map_err(text)?;
        layouts.put(&JsValue::from_str(&json), Some(&JsValue::from_str(key))).map_err(text)?.await.map_err(text)?;
    }
    let done = finish(tx).await;
    db.close();
    done
}

/// Removes everything stored ("Rensa all data").
pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(&STORES, TransactionMode::ReadWrite).map_err(text)?;
    for store in STORES {
        tx.object_store(store).map_err(text)?.clear().map_err(text)?.await.map_err(text)?;
    }
    let done = finish(tx).await;
    db.close();
    done
}
