//! A report chart as inline SVG, drawn by uppfolj-chart on the page's main thread, with buttons
//! that save it as SVG or PNG (`crate::chart_image`).

use super::later::use_drawn_after_a_frame;
use crate::chart_image;
use crate::i18n::{Lang, Text, use_lang};
use uppfolj_model::report::{Chart, ChartSemantics};
use yew::prelude::*;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The chart.
    pub chart: Chart,
    /// How its Report says to read it (`Report::semantics_of`): status labels, which direction is
    /// better. Without it the chart is read the default way.
    #[prop_or_default]
    pub semantics: Option<ChartSemantics>,
    /// What the chart belongs to (the report's address): a chart of a new report is drawn in the
    /// animation frame after the report's text and first rows, not in the same task (issue #12:
    /// the longest pause under 100 ms).
    #[prop_or_default]
    pub of: usize,
}

/// The two save buttons of a chart; a failure is shown under them.
fn save_buttons(svg: &str, title: &str, error: &UseStateHandle<Option<Text>>, lang: Lang) -> Html {
    let stem = chart_image::file_stem(title);
    let on_svg = {
        let (svg, stem, error) = (svg.to_owned(), stem.clone(), error.clone());
        Callback::from(move |_| error.set(chart_image::save_svg(&svg, &stem).err()))
    };
    let on_png = {
        let (svg, error) = (svg.to_owned(), error.clone());
        Callback::from(move |_| {
            let late = error.clone();
            error.set(chart_image::save_png(&svg, &stem, move |e| late.set(Some(e))).err());
        })
    };
    html! {
        <div class="chart-actions" lang={lang.code()}>
            <button type="button" class="button small" onclick={on_svg} data-testid="save-svg"
                aria-label={Text::key("chart.save_svg_named").with("title", title).show(lang)}>{lang.text("chart.save_svg")}</button>
            <button type="button" class="button small" onclick={on_png} data-testid="save-png"
                aria-label={Text::key("chart.save_png_named").with("title", title).show(lang)}>{lang.text("chart.save_png")}</button>
        </div>
    }
}

/// Inline SVG with an accessible title and its save buttons; a message if the chart cannot be drawn.
#[function_component(ChartView)]
pub fn chart_view(props: &Props) -> Html {
    // A chart the same as the one drawn here before (the report computed again, as it was) is
    // drawn at once: no placeholder between two equal charts.
    let drawn = use_mut_ref(|| None::<Chart>);
    let same = drawn.borrow().as_ref() == Some(&props.chart);
    if use_drawn_after_a_frame(props.of) || same {
        if !same {
            *drawn.borrow_mut() = Some(props.chart.clone());
        }
        html! { <DrawnChart ..props.clone() /> }
    } else {
        // The place the chart takes, kept until it is drawn.
        html! {
            <figure class="chart pending" data-testid={format!("chart-{}", props.chart.id)} aria-busy="true">
                <p class="chart-title">{&props.chart.title}</p>
            </figure>
        }
    }
}

/// The chart drawn.
#[function_component(DrawnChart)]
fn drawn_chart(props: &Props) -> Html {
    let lang = use_lang();
    let error = use_state(|| None::<Text>);
    let svg = use_memo((props.chart.clone(), props.semantics.clone()), |(chart, semantics)| {
        let semantics = semantics.clone().unwrap_or_else(|| ChartSemantics::new(&chart.id));
        uppfolj_chart::svg_with(chart, &semantics, &uppfolj_chart::SvgOptions::for_chart(chart))
            .map_err(|e| e.to_string())
    });
    match &*svg {
        Ok(svg) => html! {
            <figure class="chart" data-testid={format!("chart-{}", props.chart.id)}>
                { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
                { save_buttons(svg, &props.chart.title, &error, lang) }
                if let Some(message) = &*error {
                    <p class="message error" role="alert">{message.show(lang)}</p>
                }
            </figure>
        },
        Err(err) => html! {
            <div class="message error" role="alert">{err.clone()}</div>
        },
    }
}
