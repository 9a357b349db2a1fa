//! Chart specs and drawing options read from the plain JS objects the shell hands back, field by
//! field. Not through serde: its deserializer, with the float printer its error messages bring,
//! cost the wasm 16.8 KB gzip (`npm run bench:size`). Reading follows the spec's serde defaults.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

use crate::choose::{ChartKind, ChartSpec, Confidence, Point};

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A text field; `None` when absent or null, an error when of another type.
fn text(object: &JsValue, name: &str) -> Result<Option<String>, String> {
    let value = field(object, name);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| format!("`{name}` is not text"))
}

fn number(object: &JsValue, name: &str) -> Result<Option<f64>, String> {
    let value = field(object, name);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_f64()
        .map(Some)
        .ok_or_else(|| format!("`{name}` is not a number"))
}

fn required<T>(value: Result<Option<T>, String>, name: &str) -> Result<T, String> {
    value?.ok_or_else(|| format!("missing `{name}`"))
}

/// A chart spec as `extractPost` gave it (or a page wrote it).
pub fn chart_spec(value: &JsValue) -> Result<ChartSpec, String> {
    if !value.is_object() {
        return Err("a chart spec is an object".into());
    }
    let kind = match required(text(value, "kind"), "kind")?.as_str() {
        "bar" => ChartKind::Bar,
        "hbar" => ChartKind::Hbar,
        "line" => ChartKind::Line,
        "pie" => ChartKind::Pie,
        "kpi" => ChartKind::Kpi,
        other => return Err(format!("unknown kind `{other}`")),
    };
    let points = field(value, "points");
    if !Array::is_array(&points) {
        return Err("missing `points`".into());
    }
    let points = Array::from(&points)
        .iter()
        .map(|p| point(&p))
        .collect::<Result<Vec<Point>, String>>()?;
    let drawn = field(value, "drawn");
    Ok(ChartSpec {
        kind,
        title: required(text(value, "title"), "title")?,
        unit: text(value, "unit")?,
        points,
        source: text(value, "source")?,
        lang: text(value, "lang")?.unwrap_or_else(|| "zh".into()),
        confidence: number(value, "confidence")?.unwrap_or(Confidence::STRONG),
        drawn: drawn.as_bool().unwrap_or(true),
        block: None,
    })
}

fn point(value: &JsValue) -> Result<Point, String> {
    if !value.is_object() {
        return Err("a point is an object".into());
    }
    let sign = number(value, "sign")?.unwrap_or(1.0);
    if sign.fract() != 0.0 || !(-128.0..=127.0).contains(&sign) {
        return Err("`sign` is not a small whole number".into());
    }
    Ok(Point {
        label: required(text(value, "label"), "label")?,
        value: required(number(value, "value"), "value")?,
        scale: number(value, "scale")?.unwrap_or(1.0),
        unit: text(value, "unit")?,
        qualifier: text(value, "qualifier")?,
        sign: sign as i8,
        group: text(value, "group")?,
    })
}

/// How `PreparedChart.render` is asked to draw: `{pixelRatio, theme, fontFamily, accent}`.
#[derive(Default)]
pub struct DrawOptions {
    pub pixel_ratio: Option<f64>,
    pub theme: Option<String>,
    pub font_family: Option<String>,
    pub accent: Option<String>,
}

pub fn draw_options(value: &JsValue) -> Result<DrawOptions, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(DrawOptions::default());
    }
    Ok(DrawOptions {
        pixel_ratio: number(value, "pixelRatio")?,
        theme: text(value, "theme")?,
        font_family: text(value, "fontFamily")?,
        accent: text(value, "accent")?,
    })
}
