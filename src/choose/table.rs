//! Tables are data. A table of figures is read as a table: its header rows name each column's
//! measure, period and unit (`利润总额` / `1-11月（亿元）`), its first column the subjects, and
//! each column of figures becomes a chart of its own, for each group of rows the table sets
//! apart (`其中：` …). Scale words in headers count (`单位：亿元`, `$ billions`).

use super::{display_width, ChartKind, ChartSpec, Confidence, Point, MAX_SERIES_POINTS};
use crate::extract;
use crate::extract::Fact;
use crate::post::{Post, Table};

/// The most columns a table is read to: wider is a data dump, not a story's table.
const MAX_COLUMNS: usize = 32;

/// Rows whose label names the whole (`总计`): the parts are charted, not the total.
const TOTALS: &[&str] = &["总计", "合计", "全国", "总体", "全部", "total", "all"];

/// Every table's charts, the columns the headline names first.
pub(super) fn charts(post: &Post, lang: &str, source: &Option<String>) -> Vec<ChartSpec> {
    let headline = post.front_matter.title.clone().unwrap_or_default();
    let mut out = Vec::new();
    for table in &post.tables {
        let before = post
            .paragraphs
            .get(table.paragraph.wrapping_sub(1))
            .map_or("", |p| p.text.as_str());
        // Columns the headline names are what the story is about: they come first. A table
        // whose columns the headline does not name is charted by its first column (its row
        // groups); the other columns stay candidates, below the drawing line.
        let mut mine = table_charts(table, before, &headline, lang, source);
        if mine.is_empty() {
            // A table of measures by period: a line a row, each its own measure, so none is
            // held back for being a second column.
            out.extend(
                by_rows(table)
                    .into_iter()
                    .map(|row| row.chart(table, lang, source)),
            );
            continue;
        }
        if !mine.iter().any(|c| c.confidence >= Confidence::STRONG) {
            let first_title = mine.first().map(|c| latest_of(&mine, &c.title).to_string());
            for chart in &mut mine {
                if Some(&chart.title) != first_title.as_ref() {
                    chart.confidence = Confidence::TABLE_COLUMN;
                }
            }
        } else {
            for chart in &mut mine {
                if chart.confidence < Confidence::STRONG {
                    chart.confidence = Confidence::TABLE_COLUMN;
                }
            }
        }
        let mut named = out.len();
        for chart in mine {
            if chart.confidence >= Confidence::STRONG {
                out.insert(named, chart);
                named += 1;
            } else {
                out.push(chart);
            }
        }
    }
    out
}

/// Words that set a column in time against another (`上季失业率` / `今季失业率`): the earlier
/// and the latest. News reports the latest; the earlier column is what it is read against.
const EARLIER: &[&str] = &[
    "上季度",
    "上季",
    "上月",
    "上年",
    "去年",
    "上期",
    "上周",
    "上週",
    "前值",
];
const LATEST: &[&str] = &[
    "本季度",
    "今季",
    "本季",
    "本月",
    "今年",
    "本年",
    "本期",
    "本周",
    "本週",
    "最新",
    "现值",
    "現值",
];

/// The column a table is charted by when the headline names none: the first, unless a later
/// column is the same measure at the latest time and the first is it at an earlier one.
fn latest_of<'a>(charts: &'a [ChartSpec], first: &'a str) -> &'a str {
    let Some(measure) = EARLIER.iter().find_map(|w| first.strip_prefix(w)) else {
        return first;
    };
    charts
        .iter()
        .map(|c| c.title.as_str())
        .find(|t| LATEST.iter().any(|w| t.strip_prefix(w) == Some(measure)))
        .unwrap_or(first)
}

fn table_charts(
    table: &Table,
    before: &str,
    headline: &str,
    lang: &str,
    source: &Option<String>,
) -> Vec<ChartSpec> {
    let Some(read) = read_table(table, before) else {
        return Vec::new();
    };
    let rows = body_rows(&read);
    let columns = &read.columns;
    let groups = row_groups(&rows);
    // The total row, when there is one: a rate's total is the average the parts are read
    // against (`总计` 6.98% beside each industry's margin), a level's total dwarfs them.
    let total = rows.iter().position(|(label, _)| is_total(label));
    // Neighbouring columns of one measure and unit for different periods (`2022年`,
    // `2023年`) are one two-way chart: a bar per period for each row.
    let mut sets: Vec<Vec<usize>> = Vec::new();
    for k in 0..columns.len() {
        let joins = sets.last().is_some_and(|set| {
            let (prev_col, prev) = &columns[*set.last().expect("non-empty")];
            let (col, this) = &columns[k];
            *col == prev_col + 1
                && !this.period.is_empty()
                && !prev.period.is_empty()
                && this.period != prev.period
                && (this.measure.as_str(), this.unit.as_str(), this.change)
                    == (prev.measure.as_str(), prev.unit.as_str(), prev.change)
                && this.scale == prev.scale
        });
        match sets.last_mut() {
            Some(set) if joins => set.push(k),
            _ => sets.push(vec![k]),
        }
    }
    let mut charts = Vec::new();
    for set in sets {
        let (_, column) = &columns[set[0]];
        let two_way = set.len() >= 2;
        for (g, group) in groups.iter().enumerate() {
            let with_total: Vec<usize> = match total {
                Some(t) if g == 0 && column.unit == "%" && !column.change => {
                    std::iter::once(t).chain(group.iter().copied()).collect()
                }
                _ => group.clone(),
            };
            let mut points: Vec<Point> = Vec::new();
            for &r in &with_total {
                let (label, row) = &rows[r];
                for &k in &set {
                    let (col, this) = &columns[k];
                    let Some((value, sign)) = row.get(*col).and_then(|c| number(c)) else {
                        continue;
                    };
                    points.push(Point {
                        label: label.clone(),
                        value,
                        scale: this.scale,
                        unit: Some(this.unit.clone()),
                        qualifier: None,
                        sign,
                        group: two_way.then(|| this.period.clone()),
                    });
                }
            }
            points.truncate(MAX_SERIES_POINTS * 4);
            let subjects = points.iter().filter(|p| p.group == points[0].group).count();
            if subjects < 2 {
                continue;
            }
            let periods = points
                .iter()
                .all(|p| extract::leading_period_of(&p.label).as_deref() == Some(p.label.as_str()));
            let long = points.iter().any(|p| display_width(&p.label) > 12);
            let kind = if periods {
                ChartKind::Line
            } else if points.len() > 6 || long {
                ChartKind::Hbar
            } else {
                ChartKind::Bar
            };
            let title = if !two_way {
                column.title.clone()
            } else if !column.measure.is_empty() {
                format!("{}{}", column.measure, column.change_word)
            } else {
                table.caption.clone().unwrap_or_default()
            };
            let named = !column.measure.is_empty() && headline.contains(&column.measure);
            charts.push(ChartSpec {
                kind,
                title,
                unit: Some(column.unit.clone()),
                points,
                source: source.clone(),
                lang: lang.to_string(),
                // A table states its figures as plainly as a list; the headline's measure first.
                confidence: if named {
                    Confidence::STRONG
                } else {
                    Confidence::TABLE
                },
                drawn: true,
                // After the table: its caption and rows are paragraphs from `paragraph` on.
                block: Some(
                    table.paragraph
                        + usize::from(table.caption.is_some())
                        + table.rows.len().saturating_sub(1),
                ),
            });
        }
    }
    charts
}

/// A table as read: its cells, how many rows are headers, and each column of figures with
/// what its header says.
struct Read {
    grid: Vec<Vec<String>>,
    header_rows: usize,
    columns: Vec<(usize, Column)>,
}

fn read_table(table: &Table, before: &str) -> Option<Read> {
    let grid = grid(table);
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    if width < 2 {
        return None;
    }
    // Header rows: those before the first row with a figure beyond its first cell.
    let header_rows = grid
        .iter()
        .position(|row| row.iter().skip(1).any(|c| number(c).is_some()))
        .unwrap_or(grid.len());
    if header_rows == 0 || header_rows == grid.len() {
        return None;
    }
    // A unit for the whole table: `单位：亿元` in its caption or the line before it.
    let table_unit = [table.caption.as_deref().unwrap_or(""), before]
        .iter()
        .find_map(|t| stated_unit(t));
    let mut columns: Vec<(usize, Column)> = Vec::new();
    for col in 1..width.min(MAX_COLUMNS) {
        let mut header: Vec<String> = Vec::new();
        for row in &grid[..header_rows] {
            let text = row.get(col).map_or("", |t| t.trim());
            if !text.is_empty() && !header.iter().any(|h| h == text) {
                header.push(text.to_string());
            }
        }
        // Without a unit in the header or over the table, the cells' own (`5.8%`).
        let column_unit = table_unit.clone().or_else(|| {
            cells_unit(
                grid[header_rows..]
                    .iter()
                    .filter_map(|row| row.get(col).map(String::as_str)),
            )
        });
        if let Some(column) = read_header(&header, column_unit.as_ref()) {
            columns.push((col, column));
        }
    }
    Some(Read {
        grid,
        header_rows,
        columns,
    })
}

/// The rows under the header with a subject in their first cell.
fn body_rows(read: &Read) -> Vec<(String, &Vec<String>)> {
    read.grid[read.header_rows..]
        .iter()
        .filter_map(|row| {
            let label = row_label(row.first()?);
            (!label.is_empty()).then_some((label, row))
        })
        .collect()
}

/// Every figure of the post's tables as a fact: subject from its row, measure, period and
/// change from its column's header, unit and scale from the header or the table's unit line.
/// A figure the text already states (same magnitude and unit) is not told twice.
pub fn table_facts(post: &Post, known: &[Fact]) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for table in &post.tables {
        let before = post
            .paragraphs
            .get(table.paragraph.wrapping_sub(1))
            .map_or("", |p| p.text.as_str());
        let first_row = table.paragraph + usize::from(table.caption.is_some());
        let read = read_table(table, before).filter(|read| !read.columns.is_empty());
        let Some(read) = read else {
            // A table of measures by period, a row each: its cells are facts of the row.
            for row in by_rows(table) {
                // A cell of the row: (header, value, sign, text), its scale and unit, and the
                // period or the change its column names.
                let fact = |cell: &(String, f64, i8, String),
                            (scale, unit): (f64, Option<String>),
                            period: Option<String>,
                            change: Option<String>| Fact {
                    value: crate::extract::Value::One(cell.1),
                    scale,
                    unit,
                    label: format!("{} {}", row.measure, cell.0),
                    qualifier: None,
                    sign: cell.2,
                    text: cell.3.clone(),
                    subject: None,
                    measure: Some(row.measure.clone()),
                    period,
                    change,
                    place: crate::extract::Place {
                        paragraph: first_row + row.index,
                        ..Default::default()
                    },
                };
                // (A change column's cells are in the row's scale, their own unit when written:
                // `-0.4 pp`.)
                for cell in &row.others {
                    let written = cells_unit(std::iter::once(cell.3.as_str()));
                    let scaled = match written {
                        Some((scale, unit)) => (scale, Some(unit)),
                        None if row.unit.as_deref() == Some("%") => continue,
                        None => (row.scale, row.unit.clone()),
                    };
                    out.push(fact(cell, scaled, None, Some("change".into())));
                }
                for cell in &row.cells {
                    let scaled = (row.scale, row.unit.clone());
                    out.push(fact(cell, scaled, Some(cell.0.clone()), None));
                }
            }
            continue;
        };
        for (r, (subject, row)) in body_rows(&read).iter().enumerate() {
            for (col, column) in &read.columns {
                let Some(cell) = row.get(*col) else { continue };
                let Some((value, sign)) = number(cell) else {
                    continue;
                };
                let magnitude = value * column.scale;
                let unit = Some(column.unit.clone());
                let told =
                    |f: &Fact| f.unit == unit && f.magnitude() == magnitude && f.sign == sign;
                if known.iter().any(told) || out.iter().any(told) {
                    continue;
                }
                out.push(Fact {
                    value: crate::extract::Value::One(value),
                    scale: column.scale,
                    unit,
                    label: format!("{subject}{}{}", column.measure, column.change_word),
                    qualifier: None,
                    sign,
                    text: cell.trim().to_string(),
                    subject: Some(subject.clone()),
                    measure: (!column.measure.is_empty()).then(|| column.measure.clone()),
                    period: (!column.period.is_empty()).then(|| column.period.clone()),
                    // What a change column is compared with, as the frame of a text's figure.
                    change: column.change.then(|| {
                        let words = format!("{}{}", column.measure, column.change_word);
                        ["同比", "环比"]
                            .into_iter()
                            .find(|base| words.contains(base))
                            .unwrap_or("变动")
                            .to_string()
                    }),
                    place: crate::extract::Place {
                        paragraph: first_row + r,
                        ..Default::default()
                    },
                });
            }
        }
    }
    out
}

/// One row of a table whose columns are periods (`Indicator | November 2025 | October 2025`):
/// a measure over time.
struct RowSeries {
    /// The row among the table's body rows.
    index: usize,
    measure: String,
    scale: f64,
    unit: Option<String>,
    /// (period, value, sign, the cell's text), oldest first.
    cells: Vec<(String, f64, i8, String)>,
    /// The row's other figures (`Monthly change`): (header, value, sign, text), facts only.
    others: Vec<(String, f64, i8, String)>,
}

impl RowSeries {
    fn chart(&self, table: &Table, lang: &str, source: &Option<String>) -> ChartSpec {
        let points = self
            .cells
            .iter()
            .map(|(period, value, sign, _)| Point {
                label: period.clone(),
                value: *value,
                scale: self.scale,
                unit: self.unit.clone(),
                qualifier: None,
                sign: *sign,
                group: None,
            })
            .collect::<Vec<_>>();
        ChartSpec {
            kind: if points.len() >= 3 {
                ChartKind::Line
            } else {
                ChartKind::Bar
            },
            title: self.measure.clone(),
            unit: self.unit.clone(),
            points,
            source: source.clone(),
            lang: lang.to_string(),
            confidence: Confidence::TABLE,
            drawn: true,
            block: Some(
                table.paragraph
                    + usize::from(table.caption.is_some())
                    + table.rows.len().saturating_sub(1),
            ),
        }
    }
}

/// The rows of a table whose header names periods, not measures (`| Indicator | November
/// 2025 | October 2025 | November 2024 |`): each row is one measure over those periods, its
/// scale and unit in its own header (`Employment (thousands)`) or its cells (`6.5%`).
fn by_rows(table: &Table) -> Vec<RowSeries> {
    let grid = grid(table);
    let Some(header) = grid.first() else {
        return Vec::new();
    };
    // Columns whose header is a period and nothing else.
    let periods: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, cell)| {
            let cell = cell.trim();
            extract::leading_period_of(cell)
                .filter(|p| p.as_str() == cell)
                .map(|p| (k, p))
        })
        .collect();
    if periods.len() < 2 {
        return Vec::new();
    }
    // Oldest first, when the periods say their year (and month).
    let key = |p: &str| -> Option<(u32, u32)> {
        let year = p
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 4)?
            .parse()
            .ok()?;
        let lower = p.to_ascii_lowercase();
        let month = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]
        .iter()
        .position(|m| lower.starts_with(m))
        .map_or(0, |m| m as u32 + 1);
        Some((year, month))
    };
    let mut order: Vec<usize> = (0..periods.len()).collect();
    if periods.iter().all(|(_, p)| key(p).is_some()) {
        order.sort_by_key(|&i| key(&periods[i].1));
    }
    let mut out = Vec::new();
    for (index, row) in grid[1..].iter().enumerate() {
        let Some(first) = row.first() else { continue };
        let label = row_label(first);
        let (name, bracket) = split_bracket(&label);
        let name = name.trim().to_string();
        if name.is_empty() {
            continue;
        }
        let cells: Vec<&str> = periods
            .iter()
            .filter_map(|(k, _)| row.get(*k).map(String::as_str))
            .collect();
        // `(thousands)`, `($ millions)`, or the cells' own `%`.
        let stated =
            bracket
                .as_deref()
                .and_then(|b| match b.trim().to_ascii_lowercase().as_str() {
                    "thousands" | "000s" | "'000" => Some((1e3, None)),
                    "millions" => Some((1e6, None)),
                    "billions" => Some((1e9, None)),
                    other => unit_of(other).map(|(scale, unit)| (scale, Some(unit))),
                });
        let (scale, unit) = match stated {
            Some(found) => found,
            None => match cells_unit(cells.iter().copied()) {
                Some((scale, unit)) => (scale, Some(unit)),
                None => (1.0, None),
            },
        };
        let mut read = Vec::new();
        for &i in &order {
            let (k, period) = &periods[i];
            if let Some(cell) = row.get(*k) {
                if let Some((value, sign)) = number(cell) {
                    read.push((period.clone(), value, sign, cell.trim().to_string()));
                }
            }
        }
        // The other columns' figures (`+53.6` under `Monthly change`), in the row's scale
        // when the row states one.
        let others = header
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(k, _)| !periods.iter().any(|(p, _)| p == k))
            .filter_map(|(k, head)| {
                let cell = row.get(k)?;
                let (value, sign) = number(cell)?;
                Some((
                    head.trim().to_string(),
                    value,
                    sign,
                    cell.trim().to_string(),
                ))
            })
            .collect();
        if read.len() >= 2 {
            out.push(RowSeries {
                index,
                measure: name,
                scale,
                unit,
                cells: read,
                others,
            });
        }
    }
    out
}

/// The table as a grid of cell texts, spans repeated into the cells they cover.
fn grid(table: &Table) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<Option<String>>> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        while grid.len() <= r {
            grid.push(Vec::new());
        }
        let mut col = 0;
        for cell in row {
            while grid[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            if col >= MAX_COLUMNS {
                break;
            }
            for dr in 0..cell.rowspan.min(table.rows.len() - r) {
                while grid.len() <= r + dr {
                    grid.push(Vec::new());
                }
                let line = &mut grid[r + dr];
                for dc in 0..cell.colspan.min(MAX_COLUMNS - col) {
                    if line.len() <= col + dc {
                        line.resize(col + dc + 1, None);
                    }
                    line[col + dc] = Some(cell.text.clone());
                }
            }
            col += cell.colspan;
        }
    }
    grid.into_iter()
        .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
        .collect()
}

/// A cell's figure: `1143083.8`, `-28.2` (a fall: value 28.2, sign -1), `1,234`, `12.5%`.
fn number(cell: &str) -> Option<(f64, i8)> {
    let text: String = cell
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '−' | '—' => '-',
            _ => c,
        })
        .collect();
    // A unit written in the cell (`5.8%`, `20000元`) is the column's; a scale word (`1.2万`)
    // would change the figure, and a date word (`2021年`) makes it a header, not a figure.
    let text = CELL_UNITS
        .iter()
        .find_map(|u| text.strip_suffix(u))
        .unwrap_or(&text)
        .trim_end();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let plain = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
        && digits.matches('.').count() <= 1;
    let value: f64 = digits.parse().ok().filter(|_| plain)?;
    value.is_finite().then_some((value, sign))
}

/// Units a cell may write after its number (never a scale or date word).
const CELL_UNITS: &[&str] = &[
    "%", "％", "‰", "美元", "港元", "欧元", "日元", "英镑", "元", "人", "户", "戶", "家", "个",
    "個", "吨", "噸", "辆", "輛", "台", "件", "次",
];

/// The unit a column's cells write after their numbers, when they all write the same one
/// (`5.8%` … `11.2%`; `20000元` … `17500元`).
fn cells_unit<'a>(cells: impl Iterator<Item = &'a str>) -> Option<(f64, String)> {
    let mut found: Option<String> = None;
    for cell in cells {
        let cell = cell.trim();
        if number(cell).is_none() {
            continue;
        }
        let digits_end = cell
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_ascii_digit())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let unit = cell[digits_end..].trim();
        match &found {
            None => found = Some(unit.to_string()),
            Some(u) if u == unit => {}
            Some(_) => return None,
        }
    }
    let unit = found.filter(|u| !u.is_empty())?;
    unit_of(&unit)
}

/// A row's subject: its first cell without the table's marks (`其中：`, indentation, `（注1）`).
fn row_label(cell: &str) -> String {
    let mut label = cell
        .trim()
        .trim_start_matches('\u{3000}')
        .trim()
        .to_string();
    for mark in ["其中：", "其中:", "其中"] {
        if let Some(rest) = label.strip_prefix(mark) {
            label = rest.trim().to_string();
        }
    }
    if let Some(pos) = label.find("（注") {
        label.truncate(pos);
    }
    let label = label.trim_end_matches(['*', '＊', ' ']).to_string();
    if number(&label).is_some() {
        return String::new();
    }
    label
}

/// Rows in groups a chart each: a `其中：` row after indented ones opens a new group, and
/// neighbouring groups whose subjects end alike (`国有控股企业`, `私营企业`) are one; a total
/// row (`总计`) is in none.
fn is_total(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    TOTALS.iter().any(|t| lower == *t)
}

fn row_groups(rows: &[(String, &Vec<String>)]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut previous_marked = true;
    for (k, (label, row)) in rows.iter().enumerate() {
        if is_total(label) {
            continue;
        }
        let raw = row.first().map_or("", |c| c.trim());
        let marked = raw.starts_with("其中");
        if groups.is_empty() || (marked && !previous_marked) {
            groups.push(Vec::new());
        }
        previous_marked = marked;
        groups.last_mut().expect("pushed above").push(k);
    }
    let tail = |k: usize| -> String {
        let chars: Vec<char> = rows[k].0.chars().collect();
        chars[chars.len().saturating_sub(2)..].iter().collect()
    };
    let mut merged: Vec<Vec<usize>> = Vec::new();
    for group in groups {
        if let Some(last) = merged.last_mut() {
            let all_alike = last.iter().chain(&group).all(|&k| tail(k) == tail(last[0]));
            if all_alike || last.len() < 2 && group.len() < 2 {
                last.extend(group);
                continue;
            }
        }
        merged.push(group);
    }
    merged
}

/// What a column's header says: its measure and period, its unit and scale, the title.
struct Column {
    measure: String,
    /// The period the header names (`1-11月`, `2023年`), or "".
    period: String,
    /// The change words the header adds to the measure (`同比增长`), or "".
    change_word: String,
    /// A change (`同比增长（%）`), not a level.
    change: bool,
    unit: String,
    scale: f64,
    title: String,
}

/// Reads a column's header cells, top to bottom (`利润总额`, `1-11月（亿元）`): the unit in
/// brackets (or the table's), a period, a change word.
fn read_header(header: &[String], table_unit: Option<&(f64, String)>) -> Option<Column> {
    let mut unit = None;
    let mut parts: Vec<String> = Vec::new();
    for cell in header {
        let (text, bracket) = split_bracket(cell);
        if let Some(found) = bracket.and_then(|b| unit_of(&b)) {
            unit = Some(found);
        }
        let text = text.trim().to_string();
        if !text.is_empty() {
            parts.push(text);
        }
    }
    let (scale, unit) = unit.or_else(|| table_unit.cloned())?;
    // The period a header cell names, alone (`1-11月`) or before the measure (`2023年产量`).
    let mut period = String::new();
    let mut rest: Vec<String> = Vec::new();
    for part in &parts {
        match extract::leading_period_of(part).filter(|_| period.is_empty()) {
            Some(p) => {
                let after = part[p.len()..].trim().to_string();
                period = p;
                if !after.is_empty() {
                    rest.push(after);
                }
            }
            None => rest.push(part.clone()),
        }
    }
    let measure = rest.first().map_or(String::new(), |m| m.to_string());
    let change = rest.get(1).map_or(String::new(), |m| m.to_string());
    let title = format!("{period}{measure}{change}");
    const MOVES: &[&str] = &[
        "增长", "下降", "增速", "增幅", "变化", "变动", "涨跌", "涨幅", "change", "growth",
    ];
    let is_change = parts
        .iter()
        .any(|p| MOVES.iter().any(|m| p.to_ascii_lowercase().contains(m)));
    (!title.is_empty()).then_some(Column {
        change: is_change,
        period: period.clone(),
        change_word: change.clone(),
        measure,
        unit,
        scale,
        title,
    })
}

/// `1-11月（亿元）` -> (`1-11月`, `亿元`); `Revenue ($ billions)` -> (`Revenue`, `$ billions`).
fn split_bracket(cell: &str) -> (String, Option<String>) {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let (Some(a), Some(b)) = (cell.rfind(open), cell.rfind(close)) {
            if a < b {
                let inner = cell[a + open.len_utf8()..b].trim().to_string();
                let outer = format!("{}{}", &cell[..a], &cell[b + close.len_utf8()..]);
                return (outer, Some(inner));
            }
        }
    }
    (cell.to_string(), None)
}

/// `单位：亿元`, `单位:万吨`, `Unit: $ billions` in a line of text.
fn stated_unit(text: &str) -> Option<(f64, String)> {
    for mark in ["单位：", "单位:", "Unit:", "unit:", "Units:"] {
        if let Some(pos) = text.find(mark) {
            let after: String = text[pos + mark.len()..]
                .trim()
                .chars()
                .take_while(|c| !matches!(c, '）' | ')' | '，' | ',' | '；' | ';' | '。'))
                .collect();
            return unit_of(after.trim());
        }
    }
    None
}

/// A unit as a header writes it, read the way the text's figures are: `亿元` -> (1e8, `元`),
/// `%` -> (1, `%`), `$ billions` -> (1e9, `$`).
fn unit_of(text: &str) -> Option<(f64, String)> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 12 {
        return None;
    }
    if text == "%" || text == "％" {
        return Some((1.0, "%".into()));
    }
    let english = text.is_ascii();
    let probe = if english {
        let (currency, rest) = match text.strip_prefix('$') {
            Some(rest) => ("$", rest.trim()),
            None => ("", text),
        };
        format!("{currency}1 {rest}")
    } else {
        format!("1{text}")
    };
    // Every number: a header's `天` is a unit, whether or not a sentence would measure it.
    let every = extract::ExtractOptions { every_number: true };
    let facts = extract::extract_text_with(&probe, every);
    let fact = facts.first().filter(|_| facts.len() == 1)?;
    let unit = fact.unit.clone()?;
    Some((fact.scale, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::Post;

    fn charts_of(source: &str) -> Vec<ChartSpec> {
        let post = Post::parse(source);
        charts(&post, "zh", &None)
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_table_of_measures_by_period_is_a_line_a_row() {
        let source = "---\ntitle: Jobs report\nlang: en\n---\n\n| Indicator | May 2025 | April 2025 | May 2024 |\n| --- | --- | --- | --- |\n\
             | Employment (thousands) | 2,135.5 | 2,081.9 | 2,026.4 |\n| Jobless rate | 6.5% | 6.9% | 6.8% |\n";
        let post = Post::parse(source);
        let got = charts(&post, "en", &None);
        let lines: Vec<(&str, Vec<&str>)> = got
            .iter()
            .map(|c| {
                (
                    c.title.as_str(),
                    c.points.iter().map(|p| p.label.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("Employment", vec!["May 2024", "April 2025", "May 2025"]),
                ("Jobless rate", vec!["May 2024", "April 2025", "May 2025"]),
            ]
        );
        assert_eq!(got[0].points[2].scale, 1e3);
        assert_eq!(got[1].unit.as_deref(), Some("%"));
        assert!(got
            .iter()
            .all(|c| c.kind == ChartKind::Line && c.confidence >= Confidence::DRAWN));
        // Each cell is a fact once, with the row's scale.
        let analysis = crate::analyze(source).expect("reads");
        let employment: Vec<f64> = analysis
            .facts
            .iter()
            .filter(|f| f.text == "2,135.5")
            .map(|f| f.scale)
            .collect();
        assert_eq!(employment, [1e3]);
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn cells_that_write_their_unit_give_the_column_its_unit() {
        let source = "---\ntitle: t\n---\n\n| **各行业失业率** | | |\n| --- | --- | --- |\n\
                      | 行业 | 上季失业率 | 今季失业率 |\n| 制造 | 5.8% | ***6.3%*** |\n\
                      | 建造 | 8.5% | 11.2% |\n| 批发 | 3.6% | 5.2% |\n";
        let got = charts_of(source);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].unit.as_deref(), Some("%"));
        let values: Vec<f64> = got[1].points.iter().map(|p| p.value).collect();
        assert_eq!(values, [6.3, 11.2, 5.2]);
        // A year in a header is not a figure with a unit.
        assert_eq!(number("2021年"), None);
        assert_eq!(number("20000元"), Some((20000.0, 1)));
        // Rows are no key figures.
        let post = Post::parse(source);
        let all = crate::choose::choose(&post, &crate::extract::extract(&post));
        assert!(all.iter().all(|c| c.kind != ChartKind::Kpi), "{all:?}");
    }

    #[test]
    fn a_table_becomes_one_chart_a_column() {
        let got = charts_of(
            "---\ntitle: 前三季度各区营业收入\n---\n<table><tr><td>地区</td><td>营业收入（亿元）</td><td>同比增长（%）</td></tr>\
             <tr><td>合计</td><td>300</td><td>5.0</td></tr>\
             <tr><td>甲区</td><td>120</td><td>6.1</td></tr><tr><td>乙区</td><td>100</td><td>-2.3</td></tr>\
             <tr><td>丙区</td><td>80</td><td>4.4</td></tr></table>",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        let revenue = &got[0];
        assert_eq!(revenue.title, "营业收入");
        assert_eq!(revenue.unit.as_deref(), Some("元"));
        let points: Vec<(&str, f64, f64)> = revenue
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.value, p.scale))
            .collect();
        assert_eq!(
            points,
            [
                ("甲区", 120.0, 1e8),
                ("乙区", 100.0, 1e8),
                ("丙区", 80.0, 1e8)
            ]
        );
        // The headline names the measure: drawn first.
        assert_eq!(revenue.confidence, Confidence::STRONG);
        let growth = &got[1];
        // A column the headline does not name stays a candidate, below the drawing line.
        assert!(growth.confidence < Confidence::DRAWN);
        assert_eq!(growth.unit.as_deref(), Some("%"));
        assert_eq!(growth.points[1].sign, -1);
        assert_eq!(growth.points[1].value, 2.3);
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn the_latest_of_two_columns_of_one_measure_is_drawn() {
        let got = charts_of(
            "| 行业 | 上季失业率 | 今季失业率 |\n| --- | --- | --- |\n\
             | 甲业 | 5.8% | 6.3% |\n| 乙业 | 8.5% | 11.2% |\n| 丙业 | 3.6% | 5.2% |\n",
        );
        let drawn: Vec<&str> = got
            .iter()
            .filter(|c| c.confidence >= Confidence::DRAWN)
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(drawn, ["今季失业率"], "{got:?}");
        assert_eq!(got[1].points[1].value, 11.2);
    }

    #[test]
    fn spanned_headers_give_measure_and_period() {
        let got = charts_of(
            "<table><tr><td rowspan=\"2\">分组</td><td colspan=\"2\">利润总额</td></tr>\
             <tr><td>1-11月（亿元）</td><td>同比增长（%）</td></tr>\
             <tr><td>其中：甲业</td><td>10</td><td>1.5</td></tr><tr><td>　乙业</td><td>20</td><td>2.5</td></tr>\
             <tr><td>其中：丙企业</td><td>30</td><td>3.5</td></tr><tr><td>其中：丁企业</td><td>40</td><td>4.5</td></tr></table>",
        );
        let titles: Vec<&str> = got.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "1-11月利润总额",
                "1-11月利润总额",
                "利润总额同比增长",
                "利润总额同比增长"
            ]
        );
        let labels: Vec<&str> = got[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["甲业", "乙业"]);
        let labels: Vec<&str> = got[1].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["丙企业", "丁企业"]);
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn a_markdown_table_of_periods_is_one_two_way_chart() {
        let got = charts_of(
            "单位：万吨\n\n| 品种 | 2022年产量 | 2023年产量 |\n| --- | --- | --- |\n| 小麦 | 1,200 | 1,350 |\n| 玉米 | 2,100 | 2,050 |\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].title, "产量");
        assert_eq!(got[0].unit.as_deref(), Some("吨"));
        let points: Vec<String> = got[0]
            .points
            .iter()
            .map(|p| format!("{}={}x{}", p.full_label(), p.value, p.scale))
            .collect();
        assert_eq!(
            points,
            [
                "小麦·2022年=1200x10000",
                "小麦·2023年=1350x10000",
                "玉米·2022年=2100x10000",
                "玉米·2023年=2050x10000"
            ]
        );
    }

    #[test]
    fn a_rate_keeps_its_total_to_compare_against() {
        let got = charts_of(
            "<table><tr><td>分组</td><td>利润率（%）</td><td>利润（亿元）</td></tr>\
             <tr><td>总计</td><td>6.9</td><td>300</td></tr><tr><td>甲业</td><td>9.5</td><td>100</td></tr>\
             <tr><td>乙业</td><td>4.1</td><td>200</td></tr></table>",
        );
        let labels = |c: &ChartSpec| c.points.iter().map(|p| p.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&got[0]), ["总计", "甲业", "乙业"]);
        assert_eq!(labels(&got[1]), ["甲业", "乙业"]);
    }

    #[test]
    fn a_tables_figures_are_facts_with_their_frame() {
        let post = Post::parse(
            "甲区营业收入120亿元。\n\n<table><tr><td>地区</td><td>2023年营业收入（亿元）</td><td>同比增长（%）</td></tr>\
             <tr><td>甲区</td><td>120</td><td>6.1</td></tr><tr><td>乙区</td><td>100</td><td>-2.3</td></tr></table>",
        );
        let known = crate::extract::extract(&post);
        let facts = table_facts(&post, &known);
        let got: Vec<String> = facts
            .iter()
            .map(|f| {
                format!(
                    "{}={}{}x{} {:?} {:?} {:?}",
                    f.label,
                    if f.sign < 0 { "-" } else { "" },
                    f.value.headline(),
                    f.scale,
                    f.subject,
                    f.period,
                    f.change
                )
            })
            .collect();
        // 甲区's revenue is in the text already: told once.
        assert_eq!(
            got,
            [
                "甲区同比增长=6.1x1 Some(\"甲区\") None Some(\"同比\")",
                "乙区营业收入=100x100000000 Some(\"乙区\") Some(\"2023年\") None",
                "乙区同比增长=-2.3x1 Some(\"乙区\") None Some(\"同比\")",
            ]
        );
    }

    #[test]
    fn text_tables_and_tables_without_figures() {
        assert!(charts_of(
            "<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>"
        )
        .is_empty());
        let post = Post::from_text("地区\t销量（万辆）\n甲省\t12\n乙省\t9\n说明文字");
        assert_eq!(post.tables.len(), 1);
        let got = charts(&post, "zh", &None);
        assert_eq!(got[0].points.len(), 2);
        assert_eq!(got[0].unit.as_deref(), Some("辆"));
    }
}
