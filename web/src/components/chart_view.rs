//! A report chart as inline SVG, drawn by uppfolj-chart on the page's main thread.

use uppfolj_model::report::{Chart, ChartSemantics};
use yew::prelude::*;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The chart.
    pub chart: Chart,
    /// How its Report says to read it (`Report::semantics_of`): status labels, which direction is
    /// better. Without it the chart is read the default way.
    #[prop_or_default]
    pub semantics: Option<ChartSemantics>,
}

/// Inline SVG with an accessible title; a message if the chart cannot be drawn.
#[function_component(ChartView)]
pub fn chart_view(props: &Props) -> Html {
    let svg = use_memo((props.chart.clone(), props.semantics.clone()), |(chart, semantics)| {
        let semantics = semantics.clone().unwrap_or_else(|| ChartSemantics::new(&chart.id));
        uppfolj_chart::svg_with(chart, &semantics, &uppfolj_chart::SvgOptions::for_chart(chart))
            .map_err(|e| e.to_string())
    });
    match &*svg {
        Ok(svg) => html! {
            <figure class="chart" data-testid={format!("chart-{}", props.chart.id)}>
                { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
            </figure>
        },
        Err(err) => html! {
            <div class="message error" role="alert">{err.clone()}</div>
        },
    }
}
