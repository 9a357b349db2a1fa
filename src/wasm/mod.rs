//! The only module that touches the browser: thin bindings from JS to the pipeline.
//!
//! Errors become JS `Error`s; a panic (a bug) is logged to the console once and the JS shell
//! turns the resulting trap into an error on the element, never an exception in the page.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

mod canvas;
mod from_js;

use crate::render::{self, RenderOptions, Theme};
use crate::{ChartSpec, SourceFormat};

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("postchart: internal error: {info}").into());
    }));
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects and arrays (not Maps), as JSON would give.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn spec_from_js(spec: JsValue) -> Result<ChartSpec, JsError> {
    from_js::chart_spec(&spec).map_err(|why| JsError::new(&format!("invalid chart spec: {why}")))
}

#[derive(Serialize)]
struct Extraction<'a> {
    title: Option<&'a str>,
    date: Option<&'a str>,
    lang: String,
    facts: &'a [crate::Fact],
    charts: &'a [ChartSpec],
    /// Where the editor's settings put the charts (`inline` or `end`), when they say.
    place: Option<crate::settings::Placement>,
    /// Settings that could not be read, for the shell to warn of.
    warnings: &'a [String],
}

/// `[key, value, key, value, …]` from JS as pairs.
fn pairs(flat: Vec<String>) -> Vec<(String, String)> {
    let mut items = flat.into_iter();
    let mut out = Vec::new();
    while let (Some(key), Some(value)) = (items.next(), items.next()) {
        out.push((key, value));
    }
    out
}

/// Whether this build reads Markdown bodies (the full build; the lean one does not).
#[wasm_bindgen(js_name = readsMarkdown)]
pub fn reads_markdown() -> bool {
    cfg!(feature = "markdown")
}

/// Whether a post source's body needs a Markdown reader (`js/markdown.js` asks the same before
/// any wasm is loaded; this is the answer that counts).
#[wasm_bindgen(js_name = bodyNeedsMarkdown)]
pub fn body_needs_markdown(source: &str) -> bool {
    crate::post::body_needs_markdown(source)
}

/// Reads a post (`format` = "post": front matter + Markdown/HTML; "text": an article's text)
/// and returns `{title, date, lang, facts, charts, place, warnings}`; `lang`, when given, is
/// the post's language, `page_lang` the language of the page around it (see
/// [`crate::analyze_in`]); `page` the element's `data-postchart-*` settings and `defaults` the
/// JS options', each `[key, value, …]` (see [`crate::settings`]): the element's win over the
/// front matter's, which win over the options'.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(
    source: &str,
    format: &str,
    lang: Option<String>,
    page_lang: Option<String>,
    page: Vec<String>,
    defaults: Vec<String>,
) -> Result<JsValue, JsError> {
    let format = match format {
        "text" => SourceFormat::Text,
        _ => SourceFormat::Post,
    };
    let analysis = crate::analyze_with(
        source,
        format,
        lang.as_deref(),
        page_lang.as_deref(),
        &pairs(page),
        &pairs(defaults),
    )
    .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Extraction {
        title: analysis.post.front_matter.title.as_deref(),
        date: analysis.post.front_matter.date.as_deref(),
        lang: analysis.post.lang(),
        facts: &analysis.facts,
        charts: &analysis.charts,
        place: analysis.settings.place,
        warnings: &analysis.warnings,
    })
}

/// A chart spec read once from JS and kept in wasm: the shell asks it for its height, text
/// alternative, table and drawing without converting the spec again each time (four
/// conversions per chart were most of the cost of a page's first chart).
#[wasm_bindgen]
pub struct PreparedChart {
    spec: ChartSpec,
}

#[wasm_bindgen]
impl PreparedChart {
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<PreparedChart, JsError> {
        Ok(PreparedChart {
            spec: spec_from_js(spec)?,
        })
    }

    /// The height in CSS pixels the chart wants at `width` CSS pixels.
    pub fn height(&self, width: f64) -> f64 {
        render::chart_height(&self.spec, width)
    }

    /// The text alternative, in the chart's language.
    pub fn describe(&self) -> String {
        self.spec.describe()
    }

    /// `[[label, figure], …]`, figures exactly as stated.
    pub fn table(&self) -> Result<JsValue, JsError> {
        to_js(&self.spec.table_rows())
    }

    /// Draws on `canvas` (sized by the caller) and returns each point's region.
    pub fn render(&self, canvas: HtmlCanvasElement, options: JsValue) -> Result<JsValue, JsError> {
        draw(canvas, &self.spec, options)
    }
}

fn draw(canvas: HtmlCanvasElement, spec: &ChartSpec, options: JsValue) -> Result<JsValue, JsError> {
    let options = from_js::draw_options(&options)
        .map_err(|why| JsError::new(&format!("invalid options: {why}")))?;
    let mut theme = match options.theme.as_deref() {
        Some("dark") => Theme::dark(),
        _ => Theme::light(),
    };
    if let Some(color) = options.accent.as_deref().and_then(Theme::parse_color) {
        theme.series[0] = color;
        theme.accent = color;
    }
    let defaults = RenderOptions::default();
    let render_options = RenderOptions {
        pixel_ratio: options.pixel_ratio.unwrap_or(1.0),
        theme,
        font_family: options
            .font_family
            .filter(|f| !f.trim().is_empty())
            .unwrap_or(defaults.font_family),
    };
    let backend =
        canvas::Canvas::new(canvas).ok_or_else(|| JsError::new("canvas has no 2d context"))?;
    let regions = render::render_regions(spec, backend, &render_options)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&regions)
}
