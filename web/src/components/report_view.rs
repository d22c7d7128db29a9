//! The report: title, parameters, diagnostics and the sections with their blocks.

use super::{chart_view::ChartView, key_figures::KeyFigures, table_view::TableView};
use crate::i18n::{Lang, use_lang};
use std::rc::Rc;
use uppfolj_model::report::{Block, Report, Severity};
use yew::prelude::*;

/// The cell ranges a source note shows; the workbook's Källor sheet has them all.
const SHOWN_RANGES: usize = 12;

/// Props of [`ReportView`].
#[derive(Properties)]
pub struct Props {
    /// The report.
    pub report: Rc<Report>,
}

/// The same report is the same `Rc` (each answer of the session worker makes a new one): a
/// large report is never compared value by value on every change of the page.
impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

fn block(report: &Rc<Report>, section: usize, index: usize, b: &Block, lang: Lang) -> Html {
    match b {
        Block::Text(t) => html! {
            <div class={classes!("text", t.generated.then_some("generated"))}>
                if t.generated { <span class="tag" lang={lang.code()}>{lang.text("report.generated")}</span> }
                { for t.paragraphs.iter().map(|p| html! { <p>{p}</p> }) }
            </div>
        },
        Block::KeyFigures { figures } => html! { <KeyFigures figures={figures.clone()} /> },
        Block::Table(_) => html! { <TableView report={report.clone()} {section} block={index} /> },
        Block::Chart(c) => {
            let of = Rc::as_ptr(report) as usize;
            html! { <ChartView chart={c.clone()} semantics={Some(report.semantics_of(&c.id))} {of} /> }
        }
        Block::Provenance { notes } => html! {
            <details class="provenance">
                <summary lang={lang.code()}>{lang.text("report.sources")}</summary>
                <ul>
                { for notes.iter().map(|n| {
                    html! { <li>{format!("{}: {}, {}", n.what, n.source, n.cells_written(SHOWN_RANGES))}</li> }
                }) }
                </ul>
            </details>
        },
    }
}

/// Renders a [`Report`].
#[function_component(ReportView)]
pub fn report_view(props: &Props) -> Html {
    let lang = use_lang();
    let r = &props.report;
    let warnings: Vec<_> = r.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).collect();
    let infos: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == Severity::Info).collect();
    html! {
        <article class="report" lang="sv" data-testid="report">
            <header class="report-header">
                <h1>{&r.title}</h1>
                if let Some(sub) = &r.subtitle { <p class="subtitle">{sub}</p> }
                <dl class="report-meta">
                    if let Some(o) = &r.organisation { <dt lang={lang.code()}>{lang.text("report.organisation")}</dt><dd>{o}</dd> }
                    if let Some(p) = &r.period { <dt lang={lang.code()}>{lang.text("report.period")}</dt><dd>{p}</dd> }
                    { for r.parameters.iter().map(|(k, v)| html! { <><dt>{k}</dt><dd>{v}</dd></> }) }
                    <dt lang={lang.code()}>{lang.text("report.inputs")}</dt>
                    <dd>{ r.inputs.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ") }</dd>
                </dl>
                { for r.credits.iter().map(|c| html! { <p class="credit">{c}</p> }) }
            </header>
            if !warnings.is_empty() {
                <div class="diagnostics" role="note" data-testid="diagnostics">
                    <h2 lang={lang.code()}>{lang.text("report.to_check")}</h2>
                    <ul>
                    { for warnings.iter().map(|d| {
                        let place = match (&d.source, d.at) {
                            (Some(s), Some(at)) => format!(" ({s}, {at})"),
                            (Some(s), None) => format!(" ({s})"),
                            _ => String::new(),
                        };
                        html! { <li class={if d.severity == Severity::Error { "error" } else { "warning" }}>{&d.message}{place}</li> }
                    }) }
                    </ul>
                </div>
            }
            if !infos.is_empty() {
                <ul class="infos">{ for infos.iter().map(|d| html! { <li>{&d.message}</li> }) }</ul>
            }
            { for r.sections.iter().enumerate().map(|(si, s)| html! {
                <section class="report-section" id={format!("avsnitt-{}", s.id)}>
                    <h2>{&s.title}</h2>
                    { for s.blocks.iter().enumerate().map(|(bi, b)| block(r, si, bi, b, lang)) }
                </section>
            }) }
        </article>
    }
}
