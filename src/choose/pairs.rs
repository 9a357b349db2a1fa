//! A figure and the one it is set against in the same sentence, in English: `from $99 to
//! $108`, `70,000 per month, up from 28,000 in 2012`, `$4.5 billion, compared with $4.1
//! billion`. The earlier figure and the later one are a two-bar chart, labelled by their
//! periods when the text gives them, else as before and after.

use super::group::{kind_of, Kind, Series};
use super::words::is_face_label;
use super::Confidence;
use crate::extract::Fact;

/// Words that set the figure after them as the earlier one (`X, up from Y`).
const EARLIER_AFTER: &[&str] = &[
    "up from",
    "down from",
    "from",
    "compared with",
    "compared to",
    "compared from",
    "versus",
    "vs.",
    "vs",
];

/// Words that make `from X to Y` a span of values, not a move (`ranging from $5 to $10`).
const SPANS: &[&str] = &[
    "ranging", "range", "ranges", "varying", "varies", "vary", "anywhere", "between",
];

/// Hedges that stand between a connecting word and its figure (`up from about $310 million`).
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "approx.",
    "some",
    "an estimated",
    "a",
];

/// The most words between the two figures: further apart, they are two statements.
const MAX_BETWEEN: usize = 8;

/// A paragraph this short with a head before a colon is a line of a list.
const MAX_LIST_LINE: usize = 160;

/// Every before-and-after pair of the post's English sentences.
pub(super) fn then_and_now(texts: &[Vec<char>], facts: &[Fact], taken: &[bool]) -> Vec<Series> {
    let mut out = Vec::new();
    let mut used = vec![false; facts.len()];
    for a in 0..facts.len() {
        if taken[a] || used[a] {
            continue;
        }
        let Some(b) = (a + 1..facts.len()).find(|&b| {
            facts[b].place.paragraph == facts[a].place.paragraph
                && facts[b].place.sentence == facts[a].place.sentence
                && facts[b].unit == facts[a].unit
        }) else {
            continue;
        };
        let (first, second) = (&facts[a], &facts[b]);
        if taken[b]
            || used[b]
            || first.unit.is_none()
            || kind_of(first) != Kind::Level
            || kind_of(second) != Kind::Level
            || first.magnitude() == second.magnitude()
        {
            continue;
        }
        let text = &texts[first.place.paragraph];
        // (A list line, `Day pass: from $5 to $6`, is one row of a table the list makes; its
        // pair alone is no chart of the list.)
        let list_line = text.len() <= MAX_LIST_LINE
            && text[..first.place.start]
                .windows(2)
                .any(|w| w == [':', ' ']);
        if list_line || text.iter().any(|c| !c.is_ascii() && c.is_alphabetic()) {
            continue;
        }
        let words = |from: usize, to: usize| -> String {
            text.get(from..to)
                .map(|c| c.iter().collect::<String>().to_ascii_lowercase())
                .unwrap_or_default()
        };
        let between = words(first.place.end, second.place.start);
        let between = between.trim().trim_start_matches(',').trim();
        if between.contains(['.', ';', '!', '?']) && !between.ends_with("vs.")
            || between.split_whitespace().count() > MAX_BETWEEN
        {
            continue;
        }
        let connector = unhedged(between);
        let lead = words(first.place.start.saturating_sub(40), first.place.start);
        let lead = unhedged(lead.trim_end());
        // `from Y to X`: the first figure is the earlier one.
        let from_to = (lead == "from" || lead.ends_with(" from"))
            && (connector == "to" || connector.ends_with(" to"))
            && !SPANS.iter().any(|w| {
                lead.strip_suffix("from")
                    .is_some_and(|l| l.trim_end().ends_with(w))
            });
        // `X, up from Y`: the second is.
        let set_against = EARLIER_AFTER
            .iter()
            .any(|w| connector == *w || connector.ends_with(&format!(" {w}")));
        let (earlier, later) = match (from_to, set_against) {
            (true, _) => (a, b),
            (false, true) => (b, a),
            _ => continue,
        };
        let labels = match (&facts[earlier].period, &facts[later].period) {
            (Some(then), Some(now)) if then != now => vec![then.clone(), now.clone()],
            (Some(then), None) if !from_to => vec![then.clone(), "Now".to_string()],
            _ => vec!["Before".to_string(), "After".to_string()],
        };
        // The measure both figures are of names the chart, when it is a name.
        let title = [&facts[later].label, &facts[earlier].label]
            .into_iter()
            .find(|l| is_face_label(l) && l.chars().next().is_some_and(char::is_alphanumeric))
            .map(|l| crate::format::capitalised(l));
        used[a] = true;
        used[b] = true;
        out.push(Series {
            members: vec![earlier, later],
            periods: None,
            whole: None,
            labels: Some(labels),
            groups: None,
            title,
            confidence: Confidence::MEDIUM,
        });
    }
    out
}

/// The words without a hedge at their end (`up from about` -> `up from`).
fn unhedged(words: &str) -> &str {
    let mut rest = words.trim_end();
    while let Some(shorter) = HEDGES.iter().find_map(|h| {
        rest.strip_suffix(h)
            .filter(|r| r.is_empty() || r.ends_with(' '))
            .map(str::trim_end)
    }) {
        rest = shorter;
    }
    rest
}

#[cfg(test)]
mod tests {
    use crate::choose::{choose, ChartKind, ChartSpec, Confidence};
    use crate::extract::extract;
    use crate::post::Post;

    fn pair(sentence: &str) -> Option<(String, Vec<(String, f64)>)> {
        let post = Post::parse(&format!("---\ntitle: t\nlang: en\n---\n\n{sentence}\n"));
        choose(&post, &extract(&post))
            .into_iter()
            .find(|c: &ChartSpec| c.kind != ChartKind::Kpi && c.confidence >= Confidence::DRAWN)
            .map(|c| {
                let points = c
                    .points
                    .iter()
                    .map(|p| (p.label.clone(), p.value))
                    .collect();
                (c.title, points)
            })
    }

    fn points(got: &[(&str, f64)]) -> Vec<(String, f64)> {
        got.iter().map(|(l, v)| (l.to_string(), *v)).collect()
    }

    #[test]
    fn from_one_figure_to_another() {
        let (title, got) = pair("The monthly pass will rise from $99 to $108.").unwrap();
        assert_eq!(got, points(&[("Before", 99.0), ("After", 108.0)]));
        assert_eq!(title, "Monthly pass");
        let (_, got) =
            pair("Operating margin fell from 46% in Q4 2018 to 42% in Q4 2019.").unwrap();
        assert_eq!(got, points(&[("Q4 2018", 46.0), ("Q4 2019", 42.0)]));
    }

    #[test]
    fn a_figure_set_against_an_earlier_one() {
        let (_, got) =
            pair("Complaints are running at 7,000 per month, up from 2,500 per month in 2019.")
                .unwrap();
        assert_eq!(got, points(&[("2019", 2500.0), ("Now", 7000.0)]));
        let (_, got) =
            pair("The gap narrowed to $41.2 billion from $44.9 billion the month before.").unwrap();
        assert_eq!(got, points(&[("Before", 44.9), ("After", 41.2)]));
        let (_, got) = pair("The grant is $120 million, down from about $150 million.").unwrap();
        assert_eq!(got, points(&[("Before", 150.0), ("After", 120.0)]));
    }

    #[test]
    fn a_span_of_values_is_no_move() {
        assert_eq!(
            pair("Seats ranging from $40 to $95 sold out within an hour."),
            None
        );
    }

    #[test]
    fn a_list_line_is_no_pair_of_its_own() {
        assert_eq!(
            pair("- Day pass: from $5 to $6; weekly pass: from $20 to $24."),
            None
        );
    }
}
