//! Lists written as lines, one subject or item a line: `Bronx: Obama 88% 300,327 | Smith 11%
//! 38,560`, or `New elevators at 13 stations - $561 million`. Lines of one shape are a table
//! without its rules: each place of a figure in the line is a column, charted across the
//! lines and labelled by each line's head.

use super::group::Series;
use super::{Confidence, MAX_SERIES_POINTS};
use crate::extract::list_line::{label_of, read_line, Line};
use crate::extract::Fact;
use crate::post::Post;

/// Fewer lines than this are as often a note and its source as a list.
const MIN_LINES: usize = 3;
/// The series of every list written as lines in the post.
pub(super) fn line_lists(post: &Post, texts: &[Vec<char>], facts: &[Fact]) -> Vec<Series> {
    let mut by_paragraph: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for (k, fact) in facts.iter().enumerate() {
        if let Some(list) = by_paragraph.get_mut(fact.place.paragraph) {
            list.push(k);
        }
    }
    let mut lines: Vec<Option<Line>> = (0..texts.len())
        .map(|p| read_line(p, &texts[p], facts, &by_paragraph[p]))
        .collect();
    // A line broken in two (`Reconfigure areas … to improve passenger` / `circulation - $185
    // million`): the figureless part opens the head of the line it runs on into.
    for p in 1..lines.len() {
        let runs_on = texts[p].first().is_some_and(|c| c.is_ascii_lowercase())
            && by_paragraph[p - 1].is_empty()
            && lines[p - 1].is_none()
            && !post.paragraphs[p - 1]
                .text
                .trim_end()
                .ends_with(['.', ':', '!', '?']);
        if let (true, Some(line)) = (runs_on, lines[p].as_mut()) {
            line.head = format!("{} {}", post.paragraphs[p - 1].text.trim(), line.head);
            line.paragraph = p - 1;
        }
    }
    let mut out = Vec::new();
    let mut p = 0;
    while p < lines.len() {
        let Some(first) = &lines[p] else {
            p += 1;
            continue;
        };
        let mut end = p + 1;
        while end < lines.len()
            && end - p < MAX_SERIES_POINTS
            && lines[end]
                .as_ref()
                .is_some_and(|l| same_shape(facts, first, l))
        {
            end += 1;
        }
        // (A line broken in two stands where it starts.)
        while end < lines.len()
            && lines[end].is_none()
            && lines
                .get(end + 1)
                .and_then(Option::as_ref)
                .is_some_and(|l| l.paragraph == end && same_shape(facts, first, l))
        {
            end += 1;
            while end < lines.len()
                && end - p < MAX_SERIES_POINTS + 1
                && lines[end]
                    .as_ref()
                    .is_some_and(|l| same_shape(facts, first, l))
            {
                end += 1;
            }
        }
        let run: Vec<&Line> = lines[p..end].iter().flatten().collect();
        if run.len() >= MIN_LINES {
            out.extend(columns(post, facts, &run));
        }
        p = end;
    }
    out
}

/// Two lines of one list: the same form, and figures in the same units at the same places.
fn same_shape(facts: &[Fact], a: &Line, b: &Line) -> bool {
    a.form == b.form
        && a.figures.len() == b.figures.len()
        && a.figures
            .iter()
            .zip(&b.figures)
            .all(|(&x, &y)| facts[x].unit == facts[y].unit)
}

/// Each place of a figure across the lines of one list, as a series.
fn columns(post: &Post, facts: &[Fact], run: &[&Line]) -> Vec<Series> {
    let heads: Vec<String> = run.iter().map(|l| label_of(&l.head, l.form)).collect();
    if !crate::all_distinct(&heads) || heads.iter().any(String::is_empty) {
        return Vec::new();
    }
    let before = run[0].paragraph;
    let mut out = Vec::new();
    for j in 0..run[0].figures.len() {
        let members: Vec<usize> = run.iter().map(|l| l.figures[j]).collect();
        let word = &run[0].columns[j];
        let column =
            (!word.is_empty() && run.iter().all(|l| &l.columns[j] == word)).then(|| word.clone());
        // The figure the list adds up to, stated just before it (`$723 million:` over its
        // items): the items are its parts.
        let sum: f64 = members.iter().map(|&k| facts[k].magnitude()).sum();
        let whole = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.place.paragraph + 1 == before && f.unit == facts[members[0]].unit)
            .map(|(t, _)| t)
            .find(|&t| {
                let total = facts[t].magnitude();
                total > 0.0 && (sum - total).abs() <= total * 0.01
            });
        let title = column.or_else(|| heading_before(post, before));
        out.push(Series {
            members,
            periods: None,
            whole,
            labels: Some(heads.clone()),
            groups: None,
            title,
            confidence: Confidence::STRONG,
        });
    }
    out
}

/// The short heading a list stands under (`STATIONS` over `$2.898 billion:` and its items).
fn heading_before(post: &Post, first_line: usize) -> Option<String> {
    (first_line.saturating_sub(2)..first_line)
        .rev()
        .find_map(|p| crate::extract::heading_of(&post.paragraphs[p].text))
}

#[cfg(test)]
mod tests {
    use crate::choose::{choose, ChartKind, ChartSpec, Confidence};
    use crate::extract::extract;
    use crate::post::Post;

    fn drawn(source: &str) -> Vec<ChartSpec> {
        let post = Post::parse(source);
        choose(&post, &extract(&post))
            .into_iter()
            .filter(|c| c.confidence >= Confidence::DRAWN && c.kind != ChartKind::Kpi)
            .collect()
    }

    fn bars(chart: &ChartSpec) -> Vec<(&str, f64)> {
        chart
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.value))
            .collect()
    }

    #[test]
    fn lines_of_one_shape_are_columns() {
        let got = drawn(
            "---\ntitle: How the county voted\nlang: en\n---\n\n<p>Results by town:<br>\n<strong>Northfield:</strong> Adams 61% 12,040 | Baker 38% 7,513<br>\n<strong>Riverton:</strong> Adams 47% 9,880 | Baker 52% 10,931<br>\n<strong>Lake Hollow:</strong> Adams 55% 4,201 | Baker 44% 3,362</p>\n",
        );
        assert_eq!(got.len(), 4, "{got:#?}");
        assert_eq!(got[0].title, "Adams");
        assert_eq!(
            bars(&got[0]),
            vec![
                ("Northfield", 61.0),
                ("Riverton", 47.0),
                ("Lake Hollow", 55.0)
            ]
        );
        assert_eq!(got[0].unit.as_deref(), Some("%"));
        assert_eq!(
            bars(&got[3]),
            vec![
                ("Northfield", 7513.0),
                ("Riverton", 10931.0),
                ("Lake Hollow", 3362.0)
            ]
        );
    }

    #[test]
    fn item_lines_under_their_total_are_its_parts() {
        let got = drawn(
            "---\ntitle: Where the bond money goes\nlang: en\n---\n\n<p><strong>PARKS AND TRAILS</strong><br>\n$120 million:<br>\nNew playgrounds in 14 parks - $45 million<br>\nTrail repairs along the river - $50 million<br>\nField lights for six schools - $25 million</p>\n",
        );
        assert_eq!(got.len(), 1, "{got:#?}");
        assert_eq!(got[0].kind, ChartKind::Pie);
        assert_eq!(got[0].title, "Parks and trails");
        assert_eq!(
            bars(&got[0]),
            vec![
                ("New playgrounds", 45.0),
                ("Trail repairs", 50.0),
                ("Field lights", 25.0)
            ]
        );
    }

    #[test]
    fn two_lines_or_lines_of_other_shapes_are_no_list() {
        assert!(drawn(
            "---\ntitle: t\nlang: en\n---\n\n<p>Note: prices rose 3%<br>\nSource: a survey of 400 shops</p>\n"
        )
        .is_empty());
        assert!(drawn(
            "---\ntitle: t\nlang: en\n---\n\n<p>North: 12%<br>\nSouth: 400 homes<br>\nEast: $3 million</p>\n"
        )
        .is_empty());
    }
}
