//! The components of the page, one function component per file.

pub mod app;
pub mod chart_view;
pub mod clear_data;
pub mod drop_zone;
pub mod export_button;
pub mod file_list;
pub mod gallery;
pub mod input_choice;
pub mod key_figures;
pub mod language_toggle;
pub mod later;
pub mod mapping_editor;
pub mod messages;
pub mod params_form;
pub mod plugin_picker;
pub mod progress;
pub mod report_view;
pub mod table_view;
