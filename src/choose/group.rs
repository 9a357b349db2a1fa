//! Which figures make one chart: lists, wholes and their parts, one sentence of parallel
//! clauses, parallel statements, time series and two-way groups, each with how plainly the
//! text states it; and what kind of figure each is (a level, or a change on a base).

use super::*;

/// A fact that can stand in a chart: a single stated value with a unit.
pub(super) fn chartable(fact: &Fact) -> bool {
    // (English counts go without a noun when the sentence names it once: `5,000 more in the
    // morning, 6,600 more during midday`; written with a thousands mark or a scale word, they
    // are figures all the same.)
    let english_count = fact.unit.is_none()
        && fact.text.is_ascii()
        && (fact.scale != 1.0 || fact.text.contains(','))
        && fact.text.chars().any(|c| c.is_ascii_digit());
    matches!(fact.value, Value::One(v) if v.is_finite())
        && (fact.unit.is_some() || english_count)
        && fact.scale.is_finite()
}

/// A group of facts charted together.
pub(super) struct Series {
    pub(super) members: Vec<usize>,
    /// Years labelling a time series, one per member, in order.
    pub(super) periods: Option<Vec<String>>,
    /// The stated total the members are parts of, when they add up to it.
    pub(super) whole: Option<usize>,
    /// Point labels when the facts' own labels do not tell them apart.
    pub(super) labels: Option<Vec<String>>,
    /// The period each member is of, when the same measure is given for two or more periods
    /// (`7月…`, `1-7月…`): a two-way chart.
    pub(super) groups: Option<Vec<String>>,
    /// A title the list states itself (the heading over lines of items), when it has one.
    pub(super) title: Option<String>,
    /// How plainly the text states the group ([`Confidence`]).
    pub(super) confidence: f64,
}

impl Series {
    /// A placeholder left where a series was moved out.
    fn empty() -> Series {
        Series {
            members: Vec::new(),
            periods: None,
            whole: None,
            labels: None,
            groups: None,
            title: None,
            confidence: 0.0,
        }
    }
}

/// `利率为3.85%，预期为3.85%，上月为3.85%`: the expectation and the previous reading, equal
/// to the figure itself, are context for it rather than more data.
pub(super) fn restates_previous(facts: &[Fact], k: usize) -> bool {
    let fact = &facts[k];
    let baseline = ["预期", "上月", "前值", "预测", "上期"]
        .iter()
        .any(|w| fact.label.ends_with(w));
    baseline
        && facts[..k]
            .iter()
            .rev()
            .find(|f| f.unit == fact.unit)
            .is_some_and(|f| f.magnitude() == fact.magnitude())
}

/// Two statements in separate sentences naming the same kind of thing (`非正常专利申请`,
/// `恶意商标注册申请`): a comparison even without a list mark.
pub(super) fn parallel(a: &Fact, b: &Fact) -> bool {
    let separate = a.place.paragraph != b.place.paragraph || a.place.sentence != b.place.sentence;
    let common = a
        .label
        .chars()
        .rev()
        .zip(b.label.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let shorter = a.label.chars().count().min(b.label.chars().count());
    separate && common >= 2 && common < shorter
}

pub(super) fn distinct(labels: &[String]) -> bool {
    crate::all_distinct(labels) && labels.iter().all(|l| !l.is_empty())
}

/// The measure noun a label ends with (`平均发行期限` -> `期限`), or "".
pub(super) fn measure_of(label: &str) -> &'static str {
    const MEASURES: &[&str] = &[
        "期限", "年限", "利率", "增速", "增幅", "占比", "比重", "余额", "限额", "价格",
    ];
    MEASURES
        .iter()
        .find(|m| label.ends_with(**m))
        .copied()
        .unwrap_or("")
}

/// A paragraph's opening time phrase (`7月，…`, `1-7月，…`, `截至2021年7月末，…`).
pub(super) fn leading_period(paragraph: &str) -> Option<String> {
    let head: String = paragraph
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .chars()
        .take(16)
        .take_while(|c| *c != '，' && *c != ',')
        .collect();
    let n = head.chars().count();
    // (A date has a number, or names its year or half: `月度支出` is no date.)
    let numbered = head
        .chars()
        .any(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        || ["今年", "去年", "上半年", "下半年", "全年", "本月", "上月"]
            .iter()
            .any(|w| head.contains(w));
    let dated = numbered && (head.contains('月') || head.contains('年') || head.contains("季度"));
    (dated && (2..=12).contains(&n)).then(|| head.trim_start_matches("截至").to_string())
}

/// Openings of a sentence that lists the other side of the same moves.
const DIRECTION_TURNS: &[&str] = &[
    "跌幅方面",
    "涨幅方面",
    "下跌方面",
    "上涨方面",
    "跌幅居前",
    "涨幅居前",
    "跌幅榜",
    "涨幅榜",
];

/// The most comparison charts one post gets (KPI cards come on top).
pub(super) const MAX_SERIES_CHARTS: usize = 24;

/// More points than this in one group is no longer one comparison; it is split by sentence.
pub(super) const MAX_SERIES_POINTS: usize = 12;

/// Which of `n` figures the series hold.
pub(super) fn members_of(series: &[Series], n: usize) -> Vec<bool> {
    let mut taken = vec![false; n];
    for series in series {
        for &k in &series.members {
            taken[k] = true;
        }
    }
    taken
}

/// Groups comparable facts: within a paragraph, those with the same unit and the same kind of
/// measure (a level or a change), two or more with distinct labels. `found` are the series
/// already read from plainer shapes (lists written as lines, then-and-now pairs); their figures
/// are taken.
pub(super) fn group_series(
    post: &Post,
    texts: &[Vec<char>],
    facts: &[Fact],
    found: Vec<Series>,
) -> Vec<Series> {
    let usable = |k: usize| chartable(&facts[k]) && !facts[k].label.is_empty();
    // Each figure's kind, read once: every pass below compares kinds.
    let kinds: Vec<Kind> = facts.iter().map(kind_of).collect();
    let mut taken = members_of(&found, facts.len());
    let mut out = found;
    // Parts of a stated whole first: `总量X，其中A…，B…`, when the parts add up to X.
    for (t, total) in facts.iter().enumerate() {
        if !usable(t) {
            continue;
        }
        let text = &texts[total.place.paragraph];
        let later: Vec<usize> = (t + 1..facts.len())
            .take_while(|&n| facts[n].place.paragraph == total.place.paragraph)
            .take(MAX_SERIES_POINTS * 2)
            .filter(|&n| usable(n) && !taken[n] && facts[n].unit == total.unit)
            .collect();
        let Some(&first_part) = later.first() else {
            continue;
        };
        let between: String = text
            .get(total.place.end..facts[first_part].place.start)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        // The parts are the figures after 其中 until they add up to the whole; without 其中,
        // figures of one statement that add up to it exactly (`资产总计141.07万亿元…；负债合计
        // 79.57万亿元…；所有者权益合计61.50万亿元`).
        let marked = between.contains("其中");
        let later: Vec<usize> = if marked {
            later
        } else {
            later
                .into_iter()
                .filter(|&n| {
                    facts[n].place.statement == total.place.statement
                        && facts[n].scale == total.scale
                        && kinds[n] == Kind::Level
                })
                .collect()
        };
        // (Unmarked, only a total named as one, `总计`, `合计`, and not shares of 100%, which add
        // up by chance: `本科50%，硕士30%，博士10%，其他10%`.)
        let lead: String = text
            .get(total.place.start.saturating_sub(4)..total.place.start)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        let named_total = (total.label.contains('总')
            || ["总计", "合计", "共计"].iter().any(|w| lead.contains(w)))
            && !matches!(total.unit.as_deref(), Some("%" | "‰" | "个百分点"));
        if kinds[t] != Kind::Level || (!marked && (later.len() < 2 || !named_total)) {
            continue;
        }
        let whole = total.magnitude();
        let mut sum = 0.0;
        let mut parts = Vec::new();
        for &n in &later {
            sum += facts[n].magnitude();
            parts.push(n);
            if sum >= whole * 0.98 {
                break;
            }
        }
        let tolerance = if marked { 0.02 } else { 0.001 };
        if parts.len() >= 2 && (sum - whole).abs() <= whole.abs() * tolerance {
            for &n in &parts {
                taken[n] = true;
            }
            out.push(Series {
                members: parts,
                periods: None,
                whole: Some(t),
                labels: None,
                groups: None,
                title: None,
                confidence: Confidence::STRONG,
            });
        }
    }
    // Then lists: figures the text enumerates together (A、B和C, 分别…).
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < facts.len() {
        if taken[k] {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < facts.len()
            && facts[end].place.listed_with_previous
            && facts[end].unit == facts[k].unit
            && facts[end].place.paragraph == facts[k].place.paragraph
        {
            end += 1;
        }
        let run: Vec<usize> = (k..end).filter(|&n| usable(n)).collect();
        // One figure stated for each subject of a list (`橡胶、LPG涨超1%`) is a clause of its
        // sentence, not a list of its own: it is charted with the clauses around it.
        let one_figure = run
            .windows(2)
            .all(|w| facts[w[0]].place.start == facts[w[1]].place.start);
        if one_figure {
            k = end;
            continue;
        }
        // A level and a change, or a change on the year and on the month, are not one list.
        for part in split_by_kind(&kinds, run) {
            // A list longer than a chart can show is charted in parts.
            for chunk in part.chunks(MAX_SERIES_POINTS) {
                if chunk.len() >= 2 {
                    lists.push(chunk.to_vec());
                }
            }
        }
        k = end;
    }
    // Lists of the same measure side by side (`同比分别增长26%和50%…；累计…分别增长8%及5%`)
    // are one comparison.
    let mut merged: Vec<(Vec<usize>, f64)> = Vec::new();
    for run in lists {
        if let Some((last, confidence)) = merged.last_mut() {
            let (i, j) = (*last.last().expect("non-empty"), run[0]);
            let (a, b) = (&facts[i], &facts[j]);
            // Side by side in one statement (`…；…`), or the same subjects again in the next
            // paragraph (`7月，一般债券…、专项债券…` / `1-7月，一般债券…、专项债券…`: two-way).
            // (Lists are short: a sort here would be one more copy of the sort in the wasm.)
            let same_subjects = || {
                last.len() == run.len()
                    && run
                        .iter()
                        .all(|&n| last.iter().any(|&m| facts[m].label == facts[n].label))
            };
            let close = if a.place.paragraph == b.place.paragraph {
                a.place.statement == b.place.statement
            } else {
                a.place.paragraph + 1 == b.place.paragraph && same_subjects()
            };
            if close
                && a.unit == b.unit
                && kinds[i] == kinds[j]
                && last.len() + run.len() <= MAX_SERIES_POINTS
            {
                let mut joined = last.clone();
                joined.extend(&run);
                if shape(post, texts, facts, joined.clone(), Confidence::MEDIUM).is_some() {
                    *last = joined;
                    *confidence = Confidence::MEDIUM;
                    continue;
                }
            }
        }
        merged.push((run, Confidence::STRONG));
    }
    for (run, confidence) in merged {
        if let Some(series) = shape(post, texts, facts, run, confidence) {
            for &n in &series.members {
                taken[n] = true;
            }
            out.push(series);
        }
    }
    // Then one sentence of parallel clauses (`道指跌0.6%，标普500指数跌0.8%，纳指跌1.1%`):
    // the same unit and kind of figure, each clause its own subject.
    // A sentence that opens on the other side of the same list (`跌幅方面，云集跌25.4%…`)
    // goes on with it.
    let goes_on = |n: usize| {
        let (a, b) = (&facts[n - 1], &facts[n]);
        a.place.paragraph == b.place.paragraph
            && (a.place.sentence == b.place.sentence
                || texts[b.place.paragraph]
                    .get(a.place.end..b.place.start)
                    .is_some_and(|between| {
                        let between: String = between.iter().collect();
                        DIRECTION_TURNS.iter().any(|w| between.contains(w))
                    }))
    };
    let mut k = 0;
    while k < facts.len() {
        let end = (k + 1..facts.len())
            .find(|&n| !goes_on(n) && !sector_of_the_market(texts, facts, k, n))
            .unwrap_or(facts.len());
        // A market's sectors, a sentence each, are one chart of the market: as long as two.
        let sectors = (k + 1..end).any(|n| !goes_on(n));
        let most = if sectors {
            MAX_SERIES_POINTS * 2
        } else {
            MAX_SERIES_POINTS
        };
        let free: Vec<usize> = (k..end)
            .filter(|&n| !taken[n] && usable(n) && !restates_previous(facts, n))
            .collect();
        let by_kind = gather(free, |a, b| {
            facts[a].unit == facts[b].unit && kinds[a] == kinds[b]
        });
        // Parallel clauses of different measures (`大市成交…，南向资金净买入…`) are no series.
        let one_measure = |g: &Vec<usize>| {
            let labels: Vec<&str> = g.iter().map(|&n| facts[n].label.as_str()).collect();
            !mixes_measures(&labels)
        };
        for group in by_kind
            .into_iter()
            .filter(|g| g.len() >= 3 && one_measure(g))
        {
            for chunk in group.chunks(most) {
                if chunk.len() < 2 {
                    continue;
                }
                if let Some(series) = shape(post, texts, facts, chunk.to_vec(), Confidence::MEDIUM)
                {
                    for &n in &series.members {
                        taken[n] = true;
                    }
                    out.push(series);
                }
            }
        }
        k = end;
    }
    // Then one statement of parallel sentences (`粗钢产量X，同比下降a；生铁产量Y，同比下降b。`):
    // each sentence gives one figure of a kind, and their labels name one measure or move.
    let mut k = 0;
    while k < facts.len() {
        let place = (facts[k].place.paragraph, facts[k].place.statement);
        let end = (k..facts.len())
            .find(|&n| (facts[n].place.paragraph, facts[n].place.statement) != place)
            .unwrap_or(facts.len());
        let free: Vec<usize> = (k..end)
            .filter(|&n| !taken[n] && usable(n) && !restates_previous(facts, n))
            .collect();
        let by_unit = gather(free, |a, b| facts[a].unit == facts[b].unit);
        // A change with no stated base goes with the changes on one (`同比增长7.3%；其中出口
        // 增长23.2%`).
        let by_kind: Vec<Vec<usize>> = by_unit
            .into_iter()
            .flat_map(|group| split_by_kind(&kinds, group))
            .collect();
        for group in by_kind {
            // An unbased change beside a based one in its sentence is an aside
            // (`同比增长21.1%，…，运输服务出口增幅高达107.5%`), not the sentence's figure.
            let based_in = |sentence: usize| {
                group
                    .iter()
                    .any(|&n| facts[n].place.sentence == sentence && kinds[n] != Kind::Change)
            };
            let group: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&n| kinds[n] != Kind::Change || !based_in(facts[n].place.sentence))
                .collect();
            let one_each = group
                .windows(2)
                .all(|w| facts[w[0]].place.sentence != facts[w[1]].place.sentence);
            if !one_each {
                // `10月，粗钢…、生铁…；1-10月，粗钢…、生铁…`: the same subjects again for another
                // period, a sentence each, are one two-way chart.
                let by_sentence = gather(group.clone(), |a, b| {
                    facts[a].place.sentence == facts[b].place.sentence
                });
                if let Some(series) = two_way(texts, facts, &by_sentence) {
                    for &n in &series.members {
                        taken[n] = true;
                    }
                    out.push(series);
                }
                continue;
            }
            if group.len() < 2 || group.len() > MAX_SERIES_POINTS {
                continue;
            }
            let labels: Vec<&str> = group.iter().map(|&n| facts[n].label.as_str()).collect();
            let named = (shared_measure(&labels).is_some_and(|m| names_a_measure(&m))
                || same_move(&labels))
                && !mixes_measures(&labels);
            // `培训7万人次；补贴性培训3万人次`: a total and its part, not a pair.
            let nested = labels.len() == 2
                && (labels[0].contains(labels[1]) || labels[1].contains(labels[0]));
            if !named || nested {
                continue;
            }
            if let Some(series) = shape(post, texts, facts, group, Confidence::MEDIUM) {
                for &n in &series.members {
                    taken[n] = true;
                }
                out.push(series);
            }
        }
        k = end;
    }
    // Then parallel statements: the same unit and kind of measure in neighbouring paragraphs
    // (铁路…27亿吨；公路…218.8亿吨；…).
    let mut groups: Vec<(String, bool, Vec<usize>)> = Vec::new();
    for (k, fact) in facts.iter().enumerate() {
        if taken[k] || !usable(k) || restates_previous(facts, k) {
            continue;
        }
        // Same unit, same kind (a level or a change) and the same measure noun (期限, 利率…).
        // (What the frame says is measured, when it says: `销售面积` and `销售额` changes
        // stated alike are two measures.)
        let unit = format!(
            "{}|{}",
            fact.unit.as_deref().unwrap_or(""),
            fact.measure
                .as_deref()
                .filter(|m| crate::extract::MEASURES.contains(m))
                .unwrap_or(measure_of(&fact.label))
        );
        // (Across sentences, indices and the shares in them are two kinds of thing:
        // `纳斯达克中国金龙指数涨1%` is not one of the stocks before it. In one sentence a list
        // of indices names some without the word: `上证指数…，北证50…`.)
        let unit = format!("{unit}|{}", is_index(fact));
        let change = kinds[k] != Kind::Level;
        let open = groups
            .iter_mut()
            .rev()
            .find(|g| g.0 == unit && g.1 == change);
        match open {
            Some(group)
                if facts[*group.2.last().expect("non-empty")].place.paragraph + 2
                    >= fact.place.paragraph =>
            {
                group.2.push(k)
            }
            _ => groups.push((unit, change, vec![k])),
        }
    }
    for (_, _, members) in groups {
        for group in split_by_kind(&kinds, members) {
            for part in split_long(facts, group) {
                // Statements that name one measure (`铁路累计完成货运量`, `公路累计完成货运量`)
                // are a parallel pattern; figures that only share a unit are a guess.
                let labels: Vec<&str> = part.iter().map(|&n| facts[n].label.as_str()).collect();
                // Two statements apart are as often a total and its part as a comparison.
                // Across paragraphs a move alone (`安进跌5%` / `韩国综合指数涨1.8%`) is a new
                // topic's; a named measure, or a move on a stated base (`铁路同比增长8.2%` /
                // `公路同比增长25.7%`, a line each), holds statements together.
                let one_paragraph = part
                    .iter()
                    .all(|&n| facts[n].place.paragraph == facts[part[0]].place.paragraph);
                let based = labels
                    .iter()
                    .all(|l| ["同比", "环比", "按年"].iter().any(|b| l.contains(b)));
                let named = (shared_measure(&labels).is_some_and(|m| names_a_measure(&m))
                    || ((one_paragraph || based) && same_move(&labels)))
                    && !mixes_measures(&labels);
                let confidence = if part.len() >= 3 && named {
                    Confidence::LOOSE
                } else {
                    Confidence::WEAK
                };
                if let Some(series) = shape(post, texts, facts, part, confidence) {
                    out.push(series);
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    crate::sort_indices(&mut order, &|a, b| {
        out[a].members[0].cmp(&out[b].members[0])
    });
    // Neighbouring charts of one statement, the same subjects for two periods a sentence each
    // (`2019年Q1为12万元，Q2为15万元；2020年Q1为14万元，Q2为16万元`), are one two-way chart.
    let mut merged: Vec<Series> = Vec::new();
    for series in order
        .iter()
        .map(|&k| std::mem::replace(&mut out[k], Series::empty()))
    {
        // (The nearest of the last few of one kind: a level's chart and its change's chart
        // alternate, `1-10月产量` / `1-10月同比` / `10月产量` / `10月同比`.)
        let plain = |s: &Series| {
            s.periods.is_none() && s.whole.is_none() && s.labels.is_none() && s.groups.is_none()
        };
        let b = &facts[series.members[0]];
        let earlier = merged.iter().rposition(|last| {
            let a = &facts[last.members[0]];
            a.place.paragraph == b.place.paragraph
                && a.unit == b.unit
                && kinds[last.members[0]] == kinds[series.members[0]]
        });
        let earlier = earlier.filter(|&j| j + 3 >= merged.len());
        if let Some(j) = earlier {
            let last = &merged[j];
            let a = &facts[last.members[0]];
            if plain(last) && plain(&series) && a.place.sentence != b.place.sentence {
                let parts = [last.members.clone(), series.members.clone()];
                if let Some(joined) = two_way(texts, facts, &parts) {
                    merged[j] = joined;
                    continue;
                }
            }
        }
        merged.push(series);
    }
    merged
}

/// A figure of an index (`标普500指数涨0.97%`, `道指`, `创业板指`), not of a share or a good.
pub(super) fn is_index(fact: &Fact) -> bool {
    let core = fact
        .label
        .trim_end_matches(|c| "涨跌增降升收超近约逾幅".contains(c));
    core.ends_with("指数") || core.ends_with('指')
}

/// How a sentence says a group moved as a whole before its figures (`黑色系全线上涨，…`).
const GROUP_MOVES: &[&str] = &[
    "全线上涨",
    "全线下跌",
    "全线收涨",
    "全线收跌",
    "普遍上涨",
    "普遍下跌",
    "多数上涨",
    "多数下跌",
    "多数收涨",
    "多数收跌",
    "涨跌不一",
    "涨跌互现",
    "涨多跌少",
    "跌多涨少",
    "集体上涨",
    "集体下跌",
];

/// The topics a sentence opens on before its first figure: what comes before each group move
/// (`国内商品期货夜盘收盘普遍上涨，能源化工品多数上涨，短纤涨3.1%` -> 国内商品期货夜盘收盘,
/// 能源化工品).
fn topics(lead: &str) -> Vec<&str> {
    lead.split(['，', ','])
        .filter_map(|clause| {
            let clause = clause.trim();
            GROUP_MOVES
                .iter()
                .find_map(|m| clause.strip_suffix(m))
                .filter(|t| !t.is_empty())
        })
        .collect()
}

/// `…，原油涨0.88%。黑色系全线上涨，焦煤涨2.87%…。农产品多数上涨，…`: a sentence that opens on
/// a group of its own moving as a whole goes on with the market's list it follows, in the same
/// paragraph, when that list opened on a market's close and a group move, and the new group
/// shares no name with it (`热门中概股普遍上涨…。中概新能源汽车股涨跌不一…` are two peer
/// groups, two charts).
fn sector_of_the_market(texts: &[Vec<char>], facts: &[Fact], first: usize, n: usize) -> bool {
    let (a, b, start) = (&facts[n - 1], &facts[n], &facts[first]);
    if a.place.paragraph != b.place.paragraph || start.place.paragraph != b.place.paragraph {
        return false;
    }
    let text = &texts[b.place.paragraph];
    // The lead of a sentence: from its start to its first figure.
    let lead_of = |fact: &Fact, from: usize| -> String {
        let before = text.get(from..fact.place.start).unwrap_or(&[]);
        let opens = before
            .iter()
            .rposition(|&c| crate::extract::is_sentence_end(c))
            .map_or(0, |p| p + 1);
        before[opens..].iter().collect()
    };
    let lead = lead_of(b, a.place.end);
    let first_lead = lead_of(start, start.place.start.saturating_sub(120));
    let (new, old) = (topics(&lead), topics(&first_lead));
    let shares = |x: &str, y: &str| {
        let x: Vec<char> = x.chars().collect();
        x.windows(2)
            .any(|w| y.contains(&w.iter().collect::<String>()))
    };
    // (A market's close opens the list: `国内商品期货夜盘收盘…`; peer groups of stocks,
    // `热门中概股多数上涨…。新能源汽车股集体上涨…`, are charts of their own.)
    let close = ["收盘", "收市"].iter().any(|w| first_lead.contains(w));
    match (new.as_slice(), old.is_empty()) {
        ([topic], false) => {
            close && topic.chars().count() <= 8 && !old.iter().any(|o| shares(topic, o))
        }
        _ => false,
    }
}

/// The same subjects in each part, one part a sentence opening on its own period: a two-way
/// chart, its groups the periods (`10月` / `1-10月`, `2019年` / `2020年`).
fn two_way(texts: &[Vec<char>], facts: &[Fact], parts: &[Vec<usize>]) -> Option<Series> {
    let n = parts.first()?.len();
    if parts.len() < 2 || n < 2 || parts.iter().any(|p| p.len() != n) {
        return None;
    }
    if n * parts.len() > MAX_SERIES_POINTS * 2 {
        return None;
    }
    // Each part's period: the last one its sentence writes before its first figure's label.
    let periods: Vec<String> = parts
        .iter()
        .map(|part| sentence_period(&texts[facts[part[0]].place.paragraph], &facts[part[0]]))
        .collect::<Option<_>>()?;
    if !crate::all_distinct(&periods) {
        return None;
    }
    // The same subjects in the same order: one label the end of the other, once the part's
    // period is off (`甲市粗钢产量同比下降` / `粗钢产量同比下降`, `Q1` / `Q1`).
    let core = |k: usize, period: &str| -> String {
        let label = facts[k].label.as_str();
        label.strip_prefix(period).unwrap_or(label).to_string()
    };
    let same = (0..n).all(|i| {
        let first = core(parts[0][i], &periods[0]);
        parts[1..].iter().zip(&periods[1..]).all(|(part, period)| {
            let other = core(part[i], period);
            !first.is_empty() && (first.ends_with(&other) || other.ends_with(&first))
        })
    });
    let distinct: Vec<String> = parts[0].iter().map(|&k| core(k, &periods[0])).collect();
    if !same || !crate::all_distinct(&distinct) {
        return None;
    }
    // Levels of a month beside the year so far (`10月产量7158万吨` / `1-10月87705万吨`) are
    // charted apart: side by side the month's bars would vanish.
    let mean = |part: &Vec<usize>| {
        part.iter()
            .map(|&k| facts[k].magnitude().abs())
            .sum::<f64>()
            / part.len() as f64
    };
    let means: Vec<f64> = parts.iter().map(mean).collect();
    let (low, high) = means
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(l, h), &m| (l.min(m), h.max(m)));
    let level = kind_of(&facts[parts[0][0]]) == Kind::Level;
    if level && high > low * 3.0 {
        return None;
    }
    let mut members = Vec::new();
    let mut groups = Vec::new();
    for (part, period) in parts.iter().zip(&periods) {
        members.extend(part);
        groups.extend(std::iter::repeat(period.clone()).take(part.len()));
    }
    Some(Series {
        members,
        periods: None,
        whole: None,
        labels: None,
        groups: Some(groups),
        title: None,
        confidence: Confidence::MEDIUM,
    })
}

/// The period a figure's sentence writes before the figure's own label (`10月，粗钢产量…` ->
/// `10月`; `其中2019年Q1为12万元` -> `2019年`, the label being `Q1`).
fn sentence_period(text: &[char], fact: &Fact) -> Option<String> {
    let window = text.get(fact.place.start.saturating_sub(80)..fact.place.start)?;
    let opens = window
        .iter()
        .rposition(|&c| crate::extract::is_sentence_end(c))
        .map_or(0, |p| p + 1);
    let lead: String = window[opens..].iter().collect();
    let lead = lead.trim_end_matches(['为', '是', '达', '约', ' ']);
    let lead = lead
        .strip_suffix(fact.label.as_str())
        .unwrap_or(lead)
        .trim_end_matches(['，', ',', ' ']);
    // The last period in what is left (`其中，10月全国粗钢、生铁产量分别` -> `10月`).
    let chars: Vec<char> = lead.chars().collect();
    let mut found = None;
    let mut i = 0;
    while i < chars.len() {
        let glued = i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.');
        let rest: String = chars[i..].iter().take(12).collect();
        match crate::extract::leading_period_of(&rest).filter(|_| !glued) {
            Some(period) => {
                i += period.chars().count();
                found = Some(period);
            }
            None => i += 1,
        }
    }
    found
}

/// `members` gathered into groups, in order of first appearance: a member joins the first
/// group whose first member it goes with.
fn gather(members: Vec<usize>, together: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for n in members {
        match groups.iter_mut().find(|g| together(g[0], n)) {
            Some(group) => group.push(n),
            None => groups.push(vec![n]),
        }
    }
    groups
}

/// What kind of figure a fact is: a level, or a change and what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Level,
    /// A change on the same period a year before (同比).
    OnYear,
    /// A change on the period before (环比).
    OnPeriod,
    /// A change with no stated base (`增长5%`, `跌0.6%`).
    Change,
    /// A change on a base the text names (`比2019年同期下降37.4%`).
    OnNamedBase,
    /// An average rate over a stretch (`两年平均增长10.2%`, `年均增长8%`): another measure than
    /// the change of the period.
    Average,
}

pub(super) fn kind_of(fact: &Fact) -> Kind {
    let label = fact.label.as_str();
    let base = fact.change.as_deref().unwrap_or("");
    let has = |w: &str| label.contains(w) || base.contains(w);
    let rate_of_change = is_change(fact) || fact.sign < 0 || moved(fact);
    // `比2019年同期下降37.4%`: a change on a base the text names, not on the period before.
    let named_base = ["比", "较", "与"].iter().any(|w| {
        label
            .find(w)
            .is_some_and(|p| label[p + w.len()..].starts_with(|c: char| c.is_ascii_digit()))
    });
    if rate_of_change && (label.contains("平均") || label.contains("年均")) {
        Kind::Average
    } else if rate_of_change && named_base {
        Kind::OnNamedBase
    } else if has("环比") || has("上月") || has("按季") || has("按月") {
        Kind::OnPeriod
    } else if has("同比") || has("上年") || has("去年") || has("按年") {
        Kind::OnYear
    } else if is_change(fact) || fact.sign < 0 || fact.change.is_some() || moved(fact) {
        Kind::Change
    } else {
        Kind::Level
    }
}

/// `道指跌`, `欧元涨`, `存款增加`: a label that ends on a move is a change. One-character
/// moves count only for rates (`新增` 12万人 is a level).
pub(super) fn moved(fact: &Fact) -> bool {
    const MOVES: &[&str] = &[
        "增长", "下降", "增加", "减少", "上涨", "下跌", "上升", "回落", "提高", "降低", "涨幅",
        "跌幅", "增速", "增幅", "持平",
    ];
    const SHORT_MOVES: &[&str] = &["涨", "跌", "增", "降", "升"];
    let label = fact.label.as_str();
    let rate = matches!(
        fact.unit.as_deref(),
        Some("%" | "个百分点" | "个基点" | "bp" | "‰")
    );
    MOVES.iter().any(|w| label.ends_with(w))
        || (rate && SHORT_MOVES.iter().any(|w| label.ends_with(w)))
}

/// Splits facts into runs of one kind; a change with no stated base joins the changes beside
/// it whatever their base (`同比增长5%和8%`).
pub(super) fn split_by_kind(kinds: &[Kind], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut parts: Vec<(Kind, Vec<usize>)> = Vec::new();
    for k in members {
        let kind = kinds[k];
        let based = |k: Kind| matches!(k, Kind::OnYear | Kind::OnPeriod | Kind::Change);
        let fits = |part: &(Kind, Vec<usize>)| {
            part.0 == kind
                || (based(part.0) && kind == Kind::Change)
                || (part.0 == Kind::Change && based(kind))
        };
        match parts.iter_mut().find(|p| fits(p)) {
            Some(part) => {
                if part.0 == Kind::Change {
                    part.0 = kind;
                }
                part.1.push(k)
            }
            None => parts.push((kind, vec![k])),
        }
    }
    parts.into_iter().map(|(_, p)| p).collect()
}

/// One label holds the other (`上调` and `钢厂上调废钢采购价`): the same figure told twice.
pub(super) fn labels_overlap(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(b) || b.contains(a) {
        return true;
    }
    // `铁路预计` and `铁路预计今天`, `钢厂上调废钢采购价` and `上调调废钢采购价`: most of the
    // shorter label's characters are in the longer one.
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let shared = short.chars().filter(|c| long.contains(*c)).count();
    shared * 4 >= short.chars().count() * 3
}

/// Three in four characters of each label are in the other.
pub(super) fn alike_both_ways(a: &str, b: &str) -> bool {
    let share = |x: &str, y: &str| {
        let n = x.chars().count();
        x.chars().filter(|c| y.contains(*c)).count() * 4 >= n * 3
    };
    share(a, b) && share(b, a)
}

/// Most points in a chart built from statements that are not one list: more is a wall of bars.
pub(super) const MAX_LOOSE_POINTS: usize = 6;

/// Splits a group at sentence boundaries into parts of at most [`MAX_LOOSE_POINTS`], keeping
/// each sentence's figures together.
pub(super) fn split_long(facts: &[Fact], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for k in members {
        let place = (facts[k].place.paragraph, facts[k].place.sentence);
        match blocks.last_mut() {
            Some(block)
                if (
                    facts[block[0]].place.paragraph,
                    facts[block[0]].place.sentence,
                ) == place =>
            {
                block.push(k)
            }
            _ => blocks.push(vec![k]),
        }
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for block in blocks {
        match parts.last_mut() {
            Some(part) if part.len() + block.len() <= MAX_LOOSE_POINTS => part.extend(block),
            _ => parts.push(block),
        }
    }
    parts.retain(|p| p.len() <= MAX_SERIES_POINTS);
    parts
}

/// Decides what a group is: a time series, parts of a whole, or a plain comparison.
pub(super) fn shape(
    post: &Post,
    texts: &[Vec<char>],
    facts: &[Fact],
    mut members: Vec<usize>,
    confidence: f64,
) -> Option<Series> {
    // The same figure said twice (title and body, `上调…10家` and `10家钢厂上调`) is one point.
    let mut kept: Vec<usize> = Vec::new();
    for k in members {
        // Within a paragraph the labels must be alike both ways: `进出口总值同比增长6.5%` holds
        // every character of `出口增长6.5%`, and they are two figures.
        let restated = kept.iter().any(|&j| {
            let (a, b) = (&facts[j], &facts[k]);
            let same_words = if a.place.paragraph == b.place.paragraph {
                a.label.contains(b.label.as_str())
                    || b.label.contains(a.label.as_str())
                    || (labels_overlap(&a.label, &b.label) && alike_both_ways(&a.label, &b.label))
            } else {
                labels_overlap(&a.label, &b.label)
            };
            // (Copies of one figure for each subject of its list are not restatements.)
            a.magnitude() == b.magnitude()
                && a.sign == b.sign
                && same_words
                && a.place.start != b.place.start
        });
        if !restated {
            kept.push(k);
        }
    }
    members = kept;
    if members.len() < 2 {
        return None;
    }
    // A time series: each figure has its own year.
    // (English writes the period after the figure, `10.4% in January`: the frame has it.)
    let periods: Vec<Option<String>> = members
        .iter()
        .map(|&k| {
            // (A period the label opens with is the text's before the figure: `Q1为12万元`.)
            let english = facts[k].label.is_ascii() && !facts[k].label.is_empty();
            match &facts[k].period {
                Some(period) if english && !facts[k].label.starts_with(period.as_str()) => {
                    Some(period.clone())
                }
                _ => period_before(&texts[facts[k].place.paragraph], facts, k),
            }
        })
        .collect();
    if members.len() >= 3 && periods.iter().all(Option::is_some) {
        let years: Vec<String> = periods.into_iter().flatten().collect();
        // Periods of one form (years with years, months with months): a dateline's `12月8日`
        // beside `2020年` is not a series.
        let form = |p: &String| {
            if p.starts_with('周') || p.starts_with("星期") {
                Some('周')
            } else if p.is_ascii() {
                // English: a month (`March 2009`, `January`), a quarter or half, a year.
                let first = p.chars().next();
                if first.is_some_and(|c| c.is_ascii_digit()) || p.starts_with("FY") {
                    Some('Y')
                } else if matches!(first, Some('Q' | 'H' | 'q' | 'h')) && p.len() <= 7 {
                    Some('Q')
                } else {
                    first.filter(|c| c.is_ascii_uppercase()).map(|_| 'M')
                }
            } else {
                p.chars().next_back()
            }
        };
        let one_form = years.iter().all(|p| form(p) == form(&years[0]));
        if one_form && crate::all_distinct(&years) {
            // Each figure with its own period, and the labels ending on one measure (`销量`),
            // or each statement apart opening on its period: a time series stated as one.
            let tails: Vec<Vec<char>> = members
                .iter()
                .map(|&k| facts[k].label.chars().rev().take(2).collect())
                .collect();
            let one_measure =
                tails.len() >= 3 && tails.iter().all(|t| t.len() == 2 && *t == tails[0]);
            let opening = members.iter().zip(&years).all(|(&k, y)| {
                crate::extract::leading_period_of(&facts[k].label).as_ref() == Some(y)
            });
            let confidence = if one_measure || opening {
                confidence.max(Confidence::LOOSE)
            } else {
                confidence
            };
            // Years are put in order; other periods stay in the text's (一季度 < 三季度 < 二季度
            // as characters).
            let mut order: Vec<usize> = (0..members.len()).collect();
            let all_years = years
                .iter()
                .all(|y| y.chars().count() == 5 && y.ends_with('年'));
            if all_years {
                crate::sort_indices(&mut order, &|a, b| years[a].cmp(&years[b]));
            }
            let members = order.iter().map(|&i| members[i]).collect();
            let years = order.iter().map(|&i| years[i].clone()).collect();
            return Some(Series {
                members,
                periods: Some(years),
                whole: None,
                labels: None,
                groups: None,
                title: None,
                confidence,
            });
        }
    }
    // Statements apart that each open on their own period (`一月份订单数10万单。二月份12万单。
    // 三月份回落至11万单。`): a time series, labelled by the periods.
    if confidence <= Confidence::WEAK && members.len() >= 3 {
        let periods: Option<Vec<String>> = members
            .iter()
            .map(|&k| crate::extract::leading_period_of(&facts[k].label))
            .collect();
        if let Some(periods) = periods.filter(|p| crate::all_distinct(p)) {
            return Some(Series {
                members,
                periods: Some(periods),
                whole: None,
                labels: None,
                groups: None,
                title: None,
                confidence: Confidence::LOOSE,
            });
        }
    }
    // Two figures make a comparison only when the text lists them together (A、B); apart,
    // two figures in one unit are as often a total and its part (70639人次, 补贴性培训32498人次).
    // (A pair of parallel sentences of one statement comes vetted, at MEDIUM.)
    if members.len() == 2
        && confidence < Confidence::MEDIUM
        && !facts[members[1]].place.listed_with_previous
        && !parallel(&facts[members[0]], &facts[members[1]])
    {
        return None;
    }
    let labels: Vec<String> = members.iter().map(|&k| facts[k].label.clone()).collect();
    if distinct(&labels) {
        return Some(Series {
            members,
            periods: None,
            whole: None,
            labels: None,
            groups: None,
            title: None,
            confidence,
        });
    }
    // The same measure for two periods (7月…, 1-7月…): the period is the second way the
    // figures vary, a group each.
    let periods: Vec<Option<String>> = members
        .iter()
        .map(|&k| leading_period(&post.paragraphs[facts[k].place.paragraph].text))
        .collect();
    let dated: Vec<String> = members
        .iter()
        .zip(&periods)
        .map(|(&k, period)| match period {
            Some(period) => format!("{period} {}", facts[k].label),
            None => facts[k].label.clone(),
        })
        .collect();
    let groups: Option<Vec<String>> = periods.iter().cloned().collect();
    if let Some(groups) = groups.filter(|g| !crate::all_distinct(g)) {
        return distinct(&dated).then_some(Series {
            members,
            periods: None,
            whole: None,
            labels: None,
            groups: Some(groups),
            title: None,
            confidence,
        });
    }
    distinct(&dated).then_some(Series {
        members,
        periods: None,
        whole: None,
        labels: Some(dated),
        groups: None,
        title: None,
        confidence,
    })
}

/// The period a figure is stated for: the last one written between the previous figure and it.
pub(super) fn period_before(chars: &[char], facts: &[Fact], k: usize) -> Option<String> {
    let start = facts[k].place.start;
    let from = if k > 0 && facts[k - 1].place.paragraph == facts[k].place.paragraph {
        facts[k - 1].place.end
    } else {
        0
    };
    let window = chars.get(from..start)?;
    // The last period written before the figure, in any common form: `2019年`, `1月份`,
    // `一季度`, `Q1`, `上半年`, `周一`, `1-7月`.
    let mut found = None;
    let mut i = 0;
    while i < window.len() {
        let c = window[i];
        let opens = c.is_ascii_digit() || "一二三四五六七八九十前上下全Q周星".contains(c);
        let glued = i > 0 && (window[i - 1].is_ascii_digit() || window[i - 1] == '.');
        if opens && !glued {
            let rest: String = window[i..].iter().take(12).collect();
            if let Some(period) = crate::extract::leading_period_of(&rest) {
                i += period.chars().count();
                found = Some(period);
                continue;
            }
        }
        i += 1;
    }
    found
}

pub(super) fn is_change(fact: &Fact) -> bool {
    let change_unit = matches!(fact.unit.as_deref(), Some("%" | "个百分点" | "倍"));
    const VERBS: &[&str] = &[
        "增长", "增加", "提高", "提升", "上涨", "上升", "下降", "减少", "下跌", "回落", "降低",
    ];
    change_unit && VERBS.iter().any(|v| fact.label.contains(v))
}
