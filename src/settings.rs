//! An editor's settings for a post's charts: off, a cap, the kinds allowed, figures or charts
//! left out, the charts picked, new titles, and where the charts go. They come from the front
//! matter (`postchart:` in YAML or TOML), from `data-postchart-*` attributes and from JS
//! options, all read here from `(key, value)` text pairs; the attribute wins over the front
//! matter, which wins over the defaults ([`Settings::over`]). A bad setting is named in a
//! warning and the rest still apply.

use serde::Serialize;

use crate::choose::{ChartKind, ChartSpec};
use crate::post::values::{list, map, unquote};

/// Where the widget puts the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Placement {
    /// After the paragraph each chart's figures end in (the default).
    Inline,
    /// All together after the post.
    End,
}

/// A chart an editor picks: by its place in the candidate list (from 0), or by its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Pick {
    Index(usize),
    Title(String),
}

/// An editor's settings; `None` or empty is "as postchart decides".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Settings {
    /// `false`: no charts for this post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The most comparison charts drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
    /// The kinds of chart drawn (`bar`, `hbar`, `line`, `pie`, `kpi`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<ChartKind>>,
    /// Charts (by title) or figures (by label or as written) left out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Only these charts are drawn, confident or not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<Pick>,
    /// New titles, by the chart's place in the candidate list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<(usize, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Placement>,
}

/// The keys a setting may have.
const KEYS: &[&str] = &[
    "", "enabled", "max", "kinds", "exclude", "only", "titles", "place",
];

impl Settings {
    /// Reads settings from `(key, value)` pairs: `("", "false")` or `("enabled", "false")`,
    /// `("max", "2")`, `("kinds", "[bar, line]")` or `"bar, line"`, `("exclude", "…")` (a list,
    /// or one item; repeated keys add up), `("only", "[0, Revenue]")`, `("titles", "{0: New
    /// title}")` or `("titles.0", "New title")`, `("place", "end")`. Each bad pair adds a
    /// warning and is skipped.
    pub fn read<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        warnings: &mut Vec<String>,
    ) -> Settings {
        let mut settings = Settings::default();
        for (key, value) in pairs {
            let key = key.trim();
            let value = value.trim();
            if let Some(index) = key.strip_prefix("titles.") {
                match index.trim().parse::<usize>() {
                    Ok(k) => settings.titles.push((k, unquote(value).to_string())),
                    Err(_) => warnings.push(format!(
                        "postchart: titles.{index}: a chart is named by its number (0, 1, …)"
                    )),
                }
                continue;
            }
            if !KEYS.contains(&key) {
                warnings.push(format!(
                    "postchart: unknown setting `{key}` (known: enabled, max, kinds, exclude, only, titles, place)"
                ));
                continue;
            }
            match key {
                "" | "enabled" => match unquote(value) {
                    "false" | "no" | "off" => settings.enabled = Some(false),
                    "true" | "yes" | "on" | "" => settings.enabled = Some(true),
                    other => warnings.push(format!(
                        "postchart: `{other}` is not true or false; charts stay on"
                    )),
                },
                "max" => match unquote(value).parse::<usize>() {
                    Ok(n) => settings.max = Some(n),
                    Err(_) => warnings.push(format!(
                        "postchart: max `{value}` is not a whole number; the default cap applies"
                    )),
                },
                "kinds" => {
                    let mut kinds = Vec::new();
                    for item in list(value) {
                        match kind_named(item) {
                            Some(kind) => kinds.push(kind),
                            None => warnings.push(format!(
                                "postchart: unknown chart kind `{item}` (known: bar, hbar, line, pie, kpi)"
                            )),
                        }
                    }
                    settings.kinds = Some(kinds);
                }
                "exclude" => settings
                    .exclude
                    .extend(list(value).into_iter().map(str::to_string)),
                "only" => settings.only.extend(list(value).into_iter().map(|item| {
                    match item.parse::<usize>() {
                        Ok(k) => Pick::Index(k),
                        Err(_) => Pick::Title(item.to_string()),
                    }
                })),
                "titles" => {
                    for (index, title) in map(value) {
                        match index.parse::<usize>() {
                            Ok(k) => settings.titles.push((k, title.to_string())),
                            Err(_) => warnings.push(format!(
                                "postchart: titles: `{index}` is not a chart's number (0, 1, …)"
                            )),
                        }
                    }
                }
                "place" => match unquote(value) {
                    "end" => settings.place = Some(Placement::End),
                    "inline" => settings.place = Some(Placement::Inline),
                    other => warnings.push(format!(
                        "postchart: place `{other}` is not end or inline; charts stay inline"
                    )),
                },
                _ => {}
            }
        }
        settings
    }

    /// These settings, with `lower`'s where these say nothing (an attribute over the front
    /// matter, the front matter over the defaults).
    pub fn over(self, lower: Settings) -> Settings {
        fn or_vec<T>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
            if a.is_empty() {
                b
            } else {
                a
            }
        }
        Settings {
            enabled: self.enabled.or(lower.enabled),
            max: self.max.or(lower.max),
            kinds: self.kinds.or(lower.kinds),
            exclude: or_vec(self.exclude, lower.exclude),
            only: or_vec(self.only, lower.only),
            titles: or_vec(self.titles, lower.titles),
            place: self.place.or(lower.place),
        }
    }

    /// Whether these settings change nothing.
    pub fn is_default(&self) -> bool {
        *self == Settings::default()
    }

    /// The editor's word on the charts: which are drawn, with which figures and titles. The
    /// candidate list keeps its order, so the numbers an editor reads in the preview stay
    /// the charts' numbers.
    pub fn apply(&self, charts: &mut [ChartSpec]) {
        if self.is_default() {
            return;
        }
        // The cap postchart chose for the post, unless the editor set one.
        let default_cap = charts
            .iter()
            .filter(|c| c.drawn && c.kind != ChartKind::Kpi)
            .count();
        // Picks and exclusions by title read the title postchart gave or the editor's new one.
        let named = |k: usize, chart: &ChartSpec, name: &str| {
            same_words(&chart.title, name)
                || self
                    .titles
                    .iter()
                    .any(|(i, title)| *i == k && same_words(title, name))
        };
        let picked: Vec<bool> = charts
            .iter()
            .enumerate()
            .map(|(k, chart)| {
                self.only.iter().any(|pick| match pick {
                    Pick::Index(i) => *i == k,
                    Pick::Title(t) => named(k, chart, t),
                })
            })
            .collect();
        let mut vetoed = vec![false; charts.len()];
        for (k, chart) in charts.iter_mut().enumerate() {
            let excluded_chart = self.exclude.iter().any(|x| named(k, chart, x));
            // A figure left out leaves its chart; a chart of one figure left is no comparison.
            let before = chart.points.len();
            chart.points.retain(|p| {
                !self.exclude.iter().any(|x| {
                    same_words(&p.full_label(), x)
                        || same_words(&p.stated(chart.unit.as_deref(), &chart.lang), x)
                })
            });
            let too_few = chart.points.len() < before
                && (chart.points.is_empty()
                    || (chart.kind != ChartKind::Kpi && chart.points.len() < 2));
            let kind_off = self
                .kinds
                .as_ref()
                .is_some_and(|k| !k.contains(&chart.kind));
            vetoed[k] = excluded_chart || too_few || kind_off;
        }
        let max = if self.enabled == Some(false) {
            0
        } else {
            self.max.unwrap_or(default_cap)
        };
        if self.only.is_empty() {
            crate::choose::select_with(charts, max, &|k| !vetoed[k]);
        } else {
            // The editor's picks are drawn as picked, confident or not (the cap still holds).
            let mut kept = 0;
            for (k, chart) in charts.iter_mut().enumerate() {
                let counts = chart.kind != ChartKind::Kpi;
                chart.drawn = picked[k] && !vetoed[k] && (!counts || kept < max) && max > 0;
                if chart.drawn && counts {
                    kept += 1;
                }
            }
        }
        for (k, title) in &self.titles {
            if let Some(chart) = charts.get_mut(*k) {
                chart.title = title.clone();
            }
        }
    }
}

/// Two names alike for an editor: the same words, case and spacing aside.
fn same_words(a: &str, b: &str) -> bool {
    let squeeze = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let (a, b) = (squeeze(a), squeeze(b));
    !b.is_empty() && a == b
}

fn kind_named(name: &str) -> Option<ChartKind> {
    Some(match name.to_ascii_lowercase().as_str() {
        "bar" | "bars" | "column" => ChartKind::Bar,
        "hbar" => ChartKind::Hbar,
        "line" | "lines" => ChartKind::Line,
        "pie" => ChartKind::Pie,
        "kpi" | "card" | "cards" => ChartKind::Kpi,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_from_pairs_with_warnings_for_the_bad_ones() {
        let mut warnings = Vec::new();
        let got = Settings::read(
            [
                ("max", "2"),
                ("kinds", "[bar, line, donut]"),
                ("exclude", "[\"营业收入\", '2.5亿元']"),
                ("exclude", "Net income, Q4"),
                ("only", "[0, Revenue by region]"),
                ("titles", "{1: \"New: title\", x: Bad}"),
                ("titles.3", "Third"),
                ("place", "end"),
                ("colour", "red"),
            ],
            &mut warnings,
        );
        assert_eq!(got.max, Some(2));
        assert_eq!(got.kinds, Some(vec![ChartKind::Bar, ChartKind::Line]));
        assert_eq!(got.exclude, ["营业收入", "2.5亿元", "Net income", "Q4"]);
        assert_eq!(
            got.only,
            [Pick::Index(0), Pick::Title("Revenue by region".into())]
        );
        assert_eq!(got.titles, [(1, "New: title".into()), (3, "Third".into())]);
        assert_eq!(got.place, Some(Placement::End));
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings.iter().any(|w| w.contains("donut")));
        assert!(warnings.iter().any(|w| w.contains("colour")));
        let off = Settings::read([("", "false")], &mut warnings);
        assert_eq!(off.enabled, Some(false));
    }

    #[test]
    fn an_attribute_wins_over_the_front_matter() {
        let mut warnings = Vec::new();
        let front = Settings::read([("max", "2"), ("place", "end")], &mut warnings);
        let attribute = Settings::read([("max", "1")], &mut warnings);
        let got = attribute.over(front);
        assert_eq!((got.max, got.place), (Some(1), Some(Placement::End)));
    }
}
