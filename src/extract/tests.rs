//! One fixture sentence per rule, with the exact facts expected.

use super::*;

fn facts(text: &str) -> Vec<(f64, f64, Option<String>, String)> {
    extract_text(text)
        .into_iter()
        .map(|f| (f.value.headline(), f.scale, f.unit, f.label))
        .collect()
}

fn one(text: &str) -> Fact {
    let mut all = extract_text(text);
    assert_eq!(all.len(), 1, "one fact in {text:?}: {all:?}");
    all.remove(0)
}

#[test]
fn label_before_the_number() {
    let f = one("高级工2542人");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref(), f.label.as_str()),
        (Value::One(2542.0), 1.0, Some("人"), "高级工")
    );
    assert_eq!(f.text, "2542人");
}

#[test]
fn scale_word_is_kept_apart_from_the_unit() {
    let f = one("发放培训补贴资金2147.9万元，");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref()),
        (Value::One(2147.9), 1e4, Some("元"))
    );
    assert_eq!(f.label, "培训补贴资金");
    let f = one("规模达1.2万亿元");
    assert_eq!((f.value, f.scale), (Value::One(1.2), 1e12));
}

#[test]
fn label_after_a_counting_unit() {
    assert_eq!(
        facts("来自20家餐饮企业的60名选手，齐聚现场"),
        vec![
            (20.0, 1.0, Some("家".into()), "餐饮企业".into()),
            (60.0, 1.0, Some("名".into()), "选手".into())
        ]
    );
    // 参与 is one word: the noun phrase does not end inside it.
    assert_eq!(one("全年347家企业参与。").label, "企业参与");
}

#[test]
fn chinese_numerals_with_units() {
    let f = one("已连续举办十二届职业技能竞赛");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.label.as_str()),
        (Value::One(12.0), Some("届"), "职业技能竞赛")
    );
    let f = one("连续十二年在全市范围内广泛开展岗位练兵、举办竞赛");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.label.as_str()),
        (Value::One(12.0), Some("年"), "岗位练兵")
    );
    assert_eq!(one("新建两千三百个基站").value, Value::One(2300.0));
}

#[test]
fn a_lone_yi_is_an_article() {
    assert!(extract_text("在一家糕点房工作，交出了一份答卷，培训一人、就业一人").is_empty());
}

#[test]
fn dates_times_and_years_are_not_facts() {
    assert!(
        extract_text("2021年3月，2022-02-24 14:19:38 +0800，二零二一年十一月，7-8月，24日")
            .is_empty()
    );
    let f = one("2021年，该市新增初中级工4948人");
    assert_eq!(f.value, Value::One(4948.0));
    assert_eq!(f.label, "初中级工");
}

#[test]
fn ids_codes_and_ordinals_are_not_facts() {
    assert!(extract_text("infoCode=NW202202242287827335，第49批，第三名，5G基站，A380").is_empty());
}

#[test]
fn qualifiers_and_decreases() {
    let f = one("参加培训的劳动者最高可获得6000元补贴。");
    assert_eq!(
        (f.qualifier.as_deref(), f.label.as_str(), f.sign),
        (Some("最高"), "补贴", 1)
    );
    let f = one("净利润同比下降96%");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.sign),
        (Value::One(96.0), Some("%"), -1)
    );
    let f = one("收入6300多万元");
    assert_eq!(
        (f.value, f.scale, f.qualifier.as_deref()),
        (Value::One(6300.0), 1e4, Some("多"))
    );
    let f = one("约有10余家企业参与");
    assert_eq!(
        (f.value, f.qualifier.as_deref()),
        (Value::One(10.0), Some("余"))
    );
    let f = one("年产5万吨以上");
    assert_eq!(
        (f.magnitude(), f.qualifier.as_deref(), f.text.as_str()),
        (5e4, Some("以上"), "5万吨以上")
    );
}

#[test]
fn ranges() {
    let f = one("票价20-450元");
    assert_eq!(
        (f.value, f.unit.as_deref()),
        (Value::Range(Some(20.0), Some(450.0)), Some("元"))
    );
    let f = one("补贴5至10万元");
    assert_eq!(
        (f.value, f.scale),
        (Value::Range(Some(5.0), Some(10.0)), 1e4)
    );
    let f = one("预计6800万元–7500万元");
    assert_eq!(
        (f.value, f.scale),
        (Value::Range(Some(6800.0), Some(7500.0)), 1e4)
    );
}

#[test]
fn percent_forms() {
    assert_eq!(one("增长15%").unit.as_deref(), Some("%"));
    let f = one("占百分之三十");
    assert_eq!((f.value, f.unit.as_deref()), (Value::One(30.0), Some("%")));
    assert_eq!(one("提高2个百分点").unit.as_deref(), Some("个百分点"));
}

#[test]
fn units_with_thousand_prefix_stay_units() {
    let f = one("全长5千米");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref()),
        (Value::One(5.0), 1.0, Some("公里"))
    );
}

#[test]
fn list_joins_are_recorded() {
    let all = extract_text("新增初中级工4948人、高级工2542人，增长15%");
    let listed: Vec<bool> = all.iter().map(|f| f.place.listed_with_previous).collect();
    assert_eq!(listed, vec![false, true, false]);
}

#[test]
fn currency_signs_before_numbers() {
    let f = one("revenue of $21.5 million");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref()),
        (Value::One(21.5), 1e6, Some("$"))
    );
}

#[test]
fn hostile_numbers_do_not_panic() {
    // Too large for a double: not a figure anyone can chart.
    assert!(extract_text(&("9".repeat(400) + "元")).is_empty());
    assert_eq!(one(&("9".repeat(40) + "元")).magnitude(), 1e40);
    let _ = extract_text(&"一".repeat(10_000));
    let _ = extract_text(&"1,".repeat(10_000));
    let _ = extract_text("万亿亿万十百千");
}

fn every(text: &str) -> Vec<(f64, Option<String>)> {
    extract_text_with(text, ExtractOptions { every_number: true })
        .into_iter()
        .map(|f| (f.magnitude(), f.unit))
        .collect()
}

#[test]
fn english_number_words_and_fractions() {
    let f = one("The plant hired three hundred and two workers.");
    assert_eq!((f.magnitude(), f.unit.as_deref()), (302.0, Some("workers")));
    assert_eq!(every("a dozen"), vec![(12.0, None)]);
    assert_eq!(every("two thirds"), vec![(2.0 / 3.0, None)]);
    assert_eq!(every("one and a half"), vec![(1.5, None)]);
    assert_eq!(every("minus five point five"), vec![(-5.5, None)]);
    // `one` as a pronoun is no number.
    assert!(every("Which one do you prefer?").is_empty());
}

#[test]
fn currency_codes_and_signs() {
    assert_eq!(every("USD115"), vec![(115.0, Some("$".into()))]);
    assert_eq!(
        every("losses in excess of 30 MUSD"),
        vec![(3e7, Some("$".into()))]
    );
    assert_eq!(every("10 €"), vec![(10.0, Some("欧元".into()))]);
    assert_eq!(every("壹拾壹元壹角壹分"), vec![(11.11, Some("元".into()))]);
}

#[test]
fn tenths_and_discounts_are_per_cent() {
    let f = one("逾九成公司预喜");
    assert_eq!(
        (f.magnitude(), f.unit.as_deref(), f.qualifier.as_deref()),
        (90.0, Some("%"), Some("逾"))
    );
    assert_eq!(one("平均折扣8.7折").magnitude(), 87.0);
    assert_eq!(one("全场75折").magnitude(), 75.0);
    // 成为 is a verb.
    assert!(extract_text("三成为主要来源")
        .iter()
        .all(|f| f.unit.as_deref() != Some("%")));
}

#[test]
fn fractions_ranges_and_positional_numerals() {
    assert_eq!(every("约占三分之二")[0].0, 2.0 / 3.0);
    assert_eq!(every("3/5"), vec![(0.6, None)]);
    let f = &extract_text_with("x大于10小于20", ExtractOptions { every_number: true })[0];
    assert_eq!(f.value, Value::Range(Some(10.0), Some(20.0)));
    assert_eq!(every("5亿1万4千6百"), vec![(500_014_600.0, None)]);
    assert_eq!(every("一百 五 十 二"), vec![(152.0, None)]);
    assert_eq!(every("一万零十二"), vec![(10012.0, None)]);
}

#[test]
fn temperatures_weights_and_halves() {
    assert_eq!(every("零下四摄氏度"), vec![(-4.0, Some("℃".into()))]);
    assert_eq!(every("一吨半"), vec![(1.5, Some("吨".into()))]);
    assert_eq!(every("三十两"), vec![(30.0, None)]);
}

#[test]
fn shared_units_compound_units_and_tenors() {
    let all = extract_text("预计公募、私募、险资分别给A股带来约7100、3150、3000亿元增量资金");
    let got: Vec<(f64, &str)> = all
        .iter()
        .map(|f| (f.magnitude(), f.unit.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(got, vec![(7.1e11, "元"), (3.15e11, "元"), (3e11, "元")]);
    assert!(
        all[0].label.starts_with("公募") && all[0].label.ends_with("增量资金"),
        "{}",
        all[0].label
    );
    assert_eq!(one("组件价格突破2元/瓦").unit.as_deref(), Some("元/瓦"));
    // 7天shibor names a rate; it is not a figure of 7 days.
    let f = one("7天shibor报2.2020%");
    assert_eq!((f.magnitude(), f.label.as_str()), (2.202, "7天shibor"));
}

#[test]
fn respectively_lists_take_one_subject_each() {
    let all = extract_text("化工、汽车制造等重点行业产值分别增长22.8%、14.2%");
    let labels: Vec<&str> = all.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, vec!["化工行业产值增长", "汽车制造行业产值增长"]);
    let all = extract_text("成交量为624.78百万手，成交额为47.90亿元，同比分别增长31.78%和44.46%");
    assert_eq!(all[2].label, "成交量同比增长");
    assert_eq!(all[3].label, "成交额同比增长");
    // 分别 opening its own clause refers to the list of the clause before.
    let all = extract_text(
        "增长较快的领域是文化服务、知识产权使用费和信息服务，分别增长28.3%、23.9%、20.8%",
    );
    let labels: Vec<&str> = all.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        ["文化服务增长", "知识产权使用费增长", "信息服务增长"]
    );
}

#[test]
fn changes_borrow_the_subject_of_the_level_before() {
    let post = crate::post::Post::from_text("铁路累计完成货运量27亿吨\n同比增长8.2%");
    let all = extract(&post);
    assert_eq!(all[1].label, "铁路同比增长");
    let all = extract_text("第一产业增加值25.5亿元，增长0.9%");
    assert_eq!(all[1].label, "第一产业增加值增长");
}

#[test]
fn acronyms_in_brackets_stay_in_labels() {
    let f = &extract_text("中国1年期贷款市场报价利率（LPR）为3.85%")[0];
    assert!(f.label.ends_with("LPR"), "{}", f.label);
}

#[test]
fn long_unpunctuated_text_is_read_in_linear_work() {
    // Not a timing: a paragraph of 20 000 listed figures must come back whole and labelled.
    let text = "甲企业12人、".repeat(20_000);
    let all = extract_text(&text);
    assert_eq!(all.len(), 20_000);
    assert!(all.iter().all(|f| f.unit.as_deref() == Some("人")));
}

#[test]
fn bound_words_start_with_a_listed_character() {
    for word in LOWER_BOUNDS.iter().chain(UPPER_BOUNDS) {
        assert!(starts_a_bound(word.chars().next().unwrap()), "{word}");
    }
}

#[test]
fn the_scan_stops_at_every_character_that_can_start_a_figure_or_end_a_clause() {
    for c in (0x80..=0x10_ffff).filter_map(char::from_u32) {
        if SCAN_STOPS.might_contain(c) {
            continue;
        }
        assert!(!label::is_clause_break(c), "{c:?} ends a clause");
        assert!(!starts_figure(&[c], 0), "{c:?} starts a figure");
        assert!(!starts_figure(&['在', c], 1), "{c:?} starts a figure");
    }
}

#[test]
fn a_fall_covers_the_list_it_opens() {
    let all = extract_text("上月销量和营收分别同比下降12%和30%，利润增长5%。");
    let signs: Vec<(f64, i8)> = all.iter().map(|f| (f.value.headline(), f.sign)).collect();
    assert_eq!(signs, [(12.0, -1), (30.0, -1), (5.0, 1)]);
}

#[test]
fn a_change_whose_label_falls_is_a_fall() {
    let all = extract_text("出口金额同比下降8%、进口金额同比下降3%，顺差扩大。");
    assert!(all.iter().all(|f| f.sign == -1), "{all:?}");
    // A level after a fall is not a fall: 降至 names where it ended.
    let f = one("失业率降至3.1%。");
    assert_eq!(f.sign, 1);
}

#[test]
fn a_one_character_lead_in_is_not_cut_out_of_a_word() {
    assert_eq!(one("其他服务进出口增长20.2%").label, "其他服务进出口增长");
    assert_eq!(one("在校学生1200人").label, "在校学生");
    assert_eq!(one("其利润增长5%").label, "利润增长");
}

#[test]
fn a_stretch_of_time_is_a_figure_only_where_the_text_measures_it() {
    let values = |text: &str| -> Vec<f64> {
        extract_text(text)
            .iter()
            .map(|f| f.value.headline())
            .collect()
    };
    // Measured: a term, a streak, a length.
    assert_eq!(
        values("平均发行期限11.6年，其中一般债券6.8年、专项债券14.5年。"),
        [11.6, 6.8, 14.5]
    );
    assert_eq!(values("利率已连续18个月维持不变。"), [18.0]);
    assert_eq!(values("周转天数为17.4天，同比减少0.9天。"), [17.4, 0.9]);
    // When, not how long: windows, points in time, decades, a tenor.
    assert!(values("近五年来，这座城市变了样。").is_empty());
    assert!(values("四个月后工厂重新开工，三年前它还是一片荒地。").is_empty());
    assert!(values("80年代引入的机制沿用至今。").is_empty());
    assert_eq!(values("7天回购利率报2.2%。"), [2.2]);
}

#[test]
fn a_bare_count_takes_the_unit_its_noun_implies() {
    let units = |text: &str| -> Vec<Option<String>> {
        extract_text(text).into_iter().map(|f| f.unit).collect()
    };
    assert_eq!(units("劳动人口为386.1万"), [Some("人".to_string())]);
    assert_eq!(units("全市约有250万在校学生"), [Some("人".to_string())]);
    assert_eq!(units("该公司被罚没超30亿"), [Some("元".to_string())]);
    assert_eq!(units("景区接待旅客54万人次"), [Some("人次".to_string())]);
    // Nothing in the words: no unit is made up.
    assert_eq!(units("这个数字是12万"), [None]);
}

#[test]
fn an_item_number_is_not_a_figure() {
    let all = extract_text("6、某集团投资16亿元建设新工厂");
    let got: Vec<(f64, Option<&str>)> = all
        .iter()
        .map(|f| (f.magnitude(), f.unit.as_deref()))
        .collect();
    assert_eq!(got, [(1.6e9, Some("元"))]);
    // A list of figures still shares its unit.
    let all = extract_text("预计分别带来约7100、3150亿元资金");
    assert_eq!(all.len(), 2);
}

#[test]
fn parallel_sentences_of_one_statement_pair_up() {
    use crate::post::Post;
    let post =
        Post::from_text("1-10月，粗钢产量8亿吨，同比下降0.7%；生铁产量7亿吨，同比下降3.2%。");
    let facts = extract(&post);
    let charts = crate::choose::choose(&post, &facts);
    let drawn: Vec<Vec<(String, f64)>> = charts
        .iter()
        .filter(|c| c.drawn && c.kind != crate::ChartKind::Kpi)
        .map(|c| {
            c.points
                .iter()
                .map(|p| (p.label.clone(), p.signed_magnitude()))
                .collect()
        })
        .collect();
    assert!(
        drawn.contains(&vec![("粗钢".to_string(), 8e8), ("生铁".to_string(), 7e8)]),
        "{drawn:?}"
    );
    assert!(
        drawn.contains(&vec![
            ("粗钢".to_string(), -0.7),
            ("生铁".to_string(), -3.2)
        ]),
        "{drawn:?}"
    );
    // Different measures stated alike are not one chart.
    let post = Post::from_text("营业收入同比增长7%；营业成本同比增长7.7%；利润总额同比下降2.9%。");
    let facts = extract(&post);
    let charts = crate::choose::choose(&post, &facts);
    assert!(
        charts
            .iter()
            .all(|c| !c.drawn || c.kind == crate::ChartKind::Kpi),
        "{charts:?}"
    );
}

#[test]
fn the_level_a_change_ends_at_is_the_level_of_what_changed() {
    let all = extract_text(
        "甲国10年期国债收益率跌0.3个基点报3.9%，乙国10年期国债收益率涨1个基点报2.9%。",
    );
    let labels: Vec<&str> = all.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels[1], "甲国10年期国债收益率");
    assert_eq!(labels[3], "乙国10年期国债收益率");
    // A time adverbial inside the label says when, not what.
    let all = extract_text("甲国在2024年6月将黄金储备减少了11.9吨，降至228.9吨。");
    assert_eq!(all[0].label, "甲国黄金储备减少");
    assert_eq!((all[1].label.as_str(), all[1].sign), ("甲国黄金储备", 1));
}

#[test]
fn prices_a_move_ends_at_are_context_and_yields_are_data() {
    use crate::post::Post;
    let drawn_units = |text: &str| -> Vec<Option<String>> {
        let post = Post::from_text(text);
        let facts = extract(&post);
        crate::choose::choose(&post, &facts)
            .into_iter()
            .filter(|c| c.drawn && c.kind != crate::ChartKind::Kpi)
            .map(|c| c.unit)
            .collect()
    };
    let prices =
        drawn_units("期铜跌1.9%报8750美元/吨，期锌跌1.4%报2563美元/吨，期镍涨1.5%报16200美元/吨。");
    assert_eq!(prices, [Some("%".to_string())]);
    let yields = drawn_units("甲国国债收益率跌0.3个基点报3.9%，乙国国债收益率跌1个基点报2.9%，丙国国债收益率涨1个基点报2.2%。");
    assert_eq!(yields.len(), 2, "{yields:?}");
}

#[test]
fn one_figure_stated_for_a_list_of_subjects_is_a_fact_each() {
    let labels =
        |text: &str| -> Vec<String> { extract_text(text).into_iter().map(|f| f.label).collect() };
    assert_eq!(
        labels("甲胶、乙胶、LPG涨超1%"),
        ["甲胶涨", "乙胶涨", "LPG涨"]
    );
    assert_eq!(labels("出口、进口均增长5%"), ["出口增长", "进口增长"]);
    // A group (等, a count of kinds) or one category with 、 in its name stays one figure.
    assert_eq!(labels("化工、汽车等行业产值增长22.8%").len(), 1);
    assert_eq!(
        labels("电子、装备、先进材料和生物医药四大产业集群产值增长10.8%").len(),
        1
    );
    assert_eq!(labels("电力、热力、燃气及水生产和供应业下降3.4%").len(), 1);
}

#[test]
fn a_currency_sign_says_what_is_counted() {
    let f = one("新款手机售价 ¥8699 起");
    assert_eq!(
        (f.value.headline(), f.unit.as_deref(), f.label.as_str()),
        (8699.0, Some("元"), "新款手机售价")
    );
}

#[test]
fn figures_whose_signs_overlap_are_read_without_a_panic() {
    // The second figure's sign starts where the first one's text may end.
    let all = extract_text("$ 20,000.00 $ 37,305.97 february expenses");
    let values: Vec<f64> = all.iter().map(|f| f.value.headline()).collect();
    assert_eq!(values, [20000.0, 37305.97]);
}

#[test]
fn an_index_is_read_in_points() {
    let all = extract_text("甲汇率指数报98.39，环比跌0.14；乙汇率指数报104.19，环比跌0.22。");
    let got: Vec<(&str, f64, Option<&str>, i8)> = all
        .iter()
        .map(|f| {
            (
                f.label.as_str(),
                f.value.headline(),
                f.unit.as_deref(),
                f.sign,
            )
        })
        .collect();
    assert_eq!(got[0], ("甲汇率指数", 98.39, Some("点"), 1));
    assert_eq!((got[1].1, got[1].2, got[1].3), (0.14, Some("点"), -1));
    // A bare number elsewhere is still no figure.
    assert!(extract_text("他说了98.39这个数。").is_empty());
}

#[test]
fn a_list_of_names_before_as_many_figures_pairs_them_in_order() {
    let all =
        extract_text("第三梯队中甲商行、乙商行、丙银行的资产规模为3214亿元、2890亿元、2581亿元。");
    let labels: Vec<&str> = all.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        ["甲商行资产规模", "乙商行资产规模", "丙银行资产规模"]
    );
    // Counts that differ pair nothing.
    let all = extract_text("甲行、乙行的资产规模为3214亿元、2890亿元、2581亿元。");
    assert!(all.iter().all(|f| !f.label.starts_with("甲行")), "{all:?}");
}

#[test]
fn after_a_move_to_says_where_it_ended_not_a_range() {
    let all = extract_text("甲材料价格上涨2.5万元/吨至885万元/吨。");
    let got: Vec<(f64, &str)> = all
        .iter()
        .map(|f| (f.magnitude(), f.label.as_str()))
        .collect();
    assert_eq!(
        got,
        [(25000.0, "甲材料价格上涨"), (8_850_000.0, "甲材料价格")]
    );
    // Without a move, 至 is a range.
    assert!(matches!(
        one("价格区间为5至10万元").value,
        Value::Range(Some(_), Some(_))
    ));
}

#[test]
fn from_and_to_are_where_a_move_started_and_ended() {
    let all = extract_text(
        "甲期限利率从5.05%下调至4.95%，乙期限也下调10个基点到4.70%，一年期的已降到4.5%左右。",
    );
    let got: Vec<(&str, f64, i8)> = all
        .iter()
        .map(|f| (f.label.as_str(), f.value.headline(), f.sign))
        .collect();
    assert_eq!(got[0], ("甲期限利率", 5.05, 1));
    assert_eq!(got[1], ("甲期限利率", 4.95, 1));
    // 下调 is a fall; where it ended is a level.
    assert_eq!((got[2].1, got[2].2), (10.0, -1));
    assert_eq!(got[3], ("乙期限", 4.7, 1));
    assert_eq!(got[4], ("一年期", 4.5, 1));
    // `1个月` alone is a length of time, not the paragraph's period; `前11个月` is one.
    assert_eq!(crate::extract::leading_period_of("1个月期限利率"), None);
    assert_eq!(
        crate::extract::leading_period_of("前11个月累计").as_deref(),
        Some("前11个月")
    );
}

#[test]
fn a_measure_written_once_after_a_list_of_names_is_each_name_s() {
    let labels: Vec<String> = facts("其中，粗钢、生铁产量分别为7158万吨、6303万吨。")
        .into_iter()
        .map(|f| f.3)
        .collect();
    assert_eq!(labels, ["粗钢产量", "生铁产量"]);
    let labels: Vec<String> = facts("进出口、出口和进口占全国份额分别为11.4%、15.1%和6.8%。")
        .into_iter()
        .map(|f| f.3)
        .collect();
    assert_eq!(
        labels,
        ["进出口占全国份额", "出口占全国份额", "进口占全国份额"]
    );
    // Two measures are two measures.
    let labels: Vec<String> = facts("营业收入、净利润分别为12亿元、3亿元。")
        .into_iter()
        .map(|f| f.3)
        .collect();
    assert_eq!(labels, ["营业收入", "净利润"]);
}

#[test]
fn a_list_right_after_a_list_is_of_the_same_names() {
    let got = facts("甲指数和乙指数分别为61.3%和53.4%，低于上月1.6和0.4个百分点。");
    let changes: Vec<(f64, &str)> = got[2..].iter().map(|f| (f.0, f.3.as_str())).collect();
    assert_eq!(changes, [(1.6, "甲指数低于上月"), (0.4, "乙指数低于上月")]);
    let all = extract_text("甲指数和乙指数分别为61.3%和53.4%，低于上月1.6和0.4个百分点。");
    assert!(all[2..].iter().all(|f| f.sign == -1));
}

#[test]
fn a_bare_number_before_and_takes_the_list_s_unit() {
    let got = facts("占比分别提升1.1、1.6和0.3个百分点。");
    let values: Vec<f64> = got.iter().map(|f| f.0).collect();
    assert_eq!(values, [1.1, 1.6, 0.3]);
    assert!(got.iter().all(|f| f.2.as_deref() == Some("个百分点")));
}

#[test]
fn a_score_is_read_in_points_and_fen_words_are_not() {
    let got = facts("数学为82.5分，物理为78.9分。");
    assert_eq!(got[0].2.as_deref(), Some("分"));
    assert_eq!(got[1].0, 78.9);
    // 分钟, 分之, 分别 are other words.
    assert!(facts("等了5分钟")
        .iter()
        .all(|f| f.2.as_deref() != Some("分")));
    assert!(facts("增长5分之1")
        .iter()
        .all(|f| f.2.as_deref() != Some("分")));
    assert!(facts("这让她十分激动").is_empty());
}

#[test]
fn the_end_of_a_year_is_a_period() {
    assert_eq!(
        crate::extract::leading_period_of("2018年底用户"),
        Some("2018年底".to_string())
    );
}

#[test]
fn a_lone_er_before_a_counting_word_is_an_ordinal() {
    assert!(facts("二套住房首付比例不低于60%")
        .iter()
        .all(|f| f.2.as_deref() != Some("套")));
    assert!(facts("二手住宅成交面积下降").is_empty());
    // 两 counts.
    assert_eq!(facts("公司建有两套装置")[0].0, 2.0);
}

fn en(text: &str) -> Vec<Fact> {
    let post = crate::post::Post::parse(&format!("---\ntitle: t\nlang: en\n---\n\n{text}\n"));
    crate::extract::extract(&post)
}

#[test]
fn english_figures_with_their_nouns_and_subjects() {
    let got = en("Retail sales fell 1.9% in March. The city will buy 940 subway cars. The state paid $21.5 million in subsidies.");
    let read: Vec<(f64, &str, &str, i8)> = got
        .iter()
        .map(|f| {
            (
                f.value.headline(),
                f.unit.as_deref().unwrap_or(""),
                f.label.as_str(),
                f.sign,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (1.9, "%", "Retail sales", -1),
            (940.0, "subway cars", "subway cars", 1),
            (21.5, "$", "subsidies", 1),
        ]
    );
}

#[test]
fn english_respectively_names_each_figure() {
    let got = en("Ohio, Texas and Utah added 12,000, 9,500 and 7,100 jobs respectively.");
    let read: Vec<(&str, f64)> = got
        .iter()
        .map(|f| (f.label.as_str(), f.value.headline()))
        .collect();
    assert_eq!(
        read,
        [("Ohio", 12000.0), ("Texas", 9500.0), ("Utah", 7100.0)]
    );
    assert!(got.iter().all(|f| f.unit.as_deref() == Some("jobs")));
    // A new clause is no list: its figure keeps its own words.
    let got = en("Last year it lost $1.6bn and it had $2.5bn in cash.");
    assert!(!got[1].place.listed_with_previous);
}

#[test]
fn english_list_of_what_each_figure_is_for() {
    let got = en("The bond sets aside $45 million for new parks, $20 million for trails, and $5 million to repair the pools. Visits rose by 9,000 more in the evening and 3,000 more at night.");
    let read: Vec<(&str, f64, bool)> = got
        .iter()
        .map(|f| {
            (
                f.label.as_str(),
                f.value.headline(),
                f.place.listed_with_previous,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("new parks", 45.0, false),
            ("trails", 20.0, true),
            ("pools", 5.0, true),
            ("evening", 9000.0, false),
            ("night", 3000.0, true),
        ]
    );
    let got = en("Of sales, 67% went to prizes, about 2% to administrative costs and about 6% to retailer commissions.");
    let labels: Vec<&str> = got.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        ["prizes", "administrative costs", "retailer commissions"]
    );
    // One figure with its purpose is no list.
    let got = en("The city spent $12 million on roads.");
    assert_eq!(got[0].label, "roads");
}

#[test]
fn english_list_lines_name_their_figures_by_their_head() {
    let got = en("<p>Northfield: Adams 61% 12,040 | Baker 38% 7,513<br>\nNew playgrounds in 14 parks - $45 million<br>\nNote: Adams 61% 12,040 won the town</p>");
    let labels: Vec<&str> = got.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        &labels[..5],
        [
            "Adams, Northfield",
            "Adams, Northfield",
            "Baker, Northfield",
            "Baker, Northfield",
            "parks",
        ]
    );
    assert_eq!(labels[5], "New playgrounds");
    // (A line that goes on after its figures is a sentence: its words are read as prose.)
    assert!(!labels[6..].iter().any(|l| l.contains("Note")));
}

#[test]
fn english_labels_past_a_pronoun_a_relative_clause_and_a_heading() {
    let got = en("As the chief explained, \u{201c}We also generated strong cash flow of $9.1 billion.\u{201d} Rents rose, and food costs, which rose 0.6%, led the index.");
    let labels: Vec<&str> = got.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["strong cash flow", "food costs"]);
    assert_eq!(
        en("Shelter costs rose 0.4% in May.")[0].label,
        "Shelter costs"
    );
    // Money named by its sign, then what it bought: `$1 billion BTC` is dollars.
    let got = en("The firm sold $1 billion BTC last year and holds 10,725 BTC.");
    let units: Vec<&str> = got.iter().filter_map(|f| f.unit.as_deref()).collect();
    assert_eq!(units, ["$", "BTC"]);
    // A plural noun ends the counted noun; what follows is its verb.
    let got = en("Our 1,000 cases compares with 13 crypto exchanges and 5 news outlets.");
    let units: Vec<&str> = got.iter().filter_map(|f| f.unit.as_deref()).collect();
    assert_eq!(units, ["cases", "crypto exchanges", "news outlets"]);
    let got = en("<p><strong>PARKS AND TRAILS</strong><br>\n$120 million:<br>\nNew playgrounds - $45 million</p>");
    assert_eq!(got[0].label, "Parks and trails");
}

#[test]
fn english_fractions_in_words_are_shares_of_something() {
    let got = en("Half of it is for parks. More than a third of those delays were caused by crowds. Goods are about three-fourths of trade. The bid was cut by more than half. It was a third month of gains. In the first half of 2024 it rose.");
    let read: Vec<(f64, Option<&str>)> = got
        .iter()
        .map(|f| (f.value.headline(), f.unit.as_deref()))
        .collect();
    assert_eq!(
        read,
        [(0.5, None), (1.0 / 3.0, None), (0.75, None), (0.5, None)]
    );
}

#[test]
fn english_moves_are_changes_and_levels_reached_are_not() {
    let got = en("Jobs up 54,000 in May. Sales rose 5,000 to 20,000. The rate rose to 8.6%. Imports dropped 1.3%. As of today it's 11.39%.");
    let read: Vec<(f64, Option<&str>, i8)> = got
        .iter()
        .map(|f| (f.value.headline(), f.change.as_deref(), f.sign))
        .collect();
    assert_eq!(
        read,
        [
            (54000.0, Some("change"), 1),
            (5000.0, Some("change"), 1),
            (20000.0, None, 1),
            (8.6, None, 1),
            (1.3, Some("change"), -1),
            (11.39, None, 1),
        ]
    );
    assert_eq!(got[5].label, "today");
}

#[test]
fn english_units_stay_english_and_chinese_posts_stay_chinese() {
    let got = en("The fare rose 40 cents to $2.75, and the line is 6 miles long.");
    let units: Vec<&str> = got.iter().filter_map(|f| f.unit.as_deref()).collect();
    assert_eq!(units, ["cents", "$", "miles"]);
    // A Chinese post's English line is read the Chinese way (no counted nouns).
    let post = crate::post::Post::parse(
        "---\ntitle: 甲\n---\n\n甲市销量12万辆。\n\nThe line has 40 stations.\n",
    );
    let facts = crate::extract::extract(&post);
    assert!(
        facts.iter().all(|f| f.unit.as_deref() != Some("stations")),
        "{facts:?}"
    );
}

#[test]
fn english_millions_after_a_currency_sign() {
    let got = en("It was an $850m deal and a £60m transfer.");
    let read: Vec<(f64, f64, &str)> = got
        .iter()
        .map(|f| (f.value.headline(), f.scale, f.unit.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(read, [(850.0, 1e6, "$"), (60.0, 1e6, "£")]);
}

#[test]
fn english_names_before_their_verb_are_subjects() {
    let got = en("Kansas was the next highest state with 43.4 percent, followed by Oklahoma with 35.5 percent and Nebraska with 30.8 percent.");
    let labels: Vec<&str> = got.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["Kansas", "Oklahoma", "Nebraska"]);
}

#[test]
fn a_written_minus_on_a_change_is_a_fall() {
    let got = en("The rate moved -0.4 pp and margins -12.5% while 2.50 Billion people use it.");
    let read: Vec<(f64, f64, &str, i8)> = got
        .iter()
        .map(|f| {
            (
                f.value.headline(),
                f.scale,
                f.unit.as_deref().unwrap_or(""),
                f.sign,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (0.4, 1.0, "percentage points", -1),
            (12.5, 1.0, "%", -1),
            (2.5, 1e9, "people", 1)
        ]
    );
    let got = facts("利润率-12.5%。");
    assert_eq!(got[0].0, 12.5);
    assert_eq!(extract_text("利润率-12.5%。")[0].sign, -1);
}

#[test]
fn english_codes_and_millions_of_square_feet() {
    // `R-211` is a model code; `3.7m sq ft` is 3.7 million square feet.
    let got = en("It bought 940 R-211 cars and leased about 3.7m sq ft of space.");
    let read: Vec<(f64, f64, &str)> = got
        .iter()
        .map(|f| (f.value.headline(), f.scale, f.unit.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(read, [(3.7, 1e6, "sq ft")]);
}

#[test]
fn an_english_clause_on_a_pronoun_names_nothing() {
    let got =
        en("Buyers of used cars will get less: they will be getting €2,000 for second-hand cars.");
    assert_eq!(got[0].label, "second-hand cars");
}

#[test]
fn an_english_rate_is_labelled_by_what_has_it() {
    let got = en("Detroit has the most with 54 per 100K.");
    assert_eq!(
        (got[0].label.as_str(), got[0].unit.as_deref()),
        ("Detroit", Some("per 100K"))
    );
}

#[test]
fn a_measure_stated_once_is_each_names_without_the_first_name() {
    // (Bug: the second name took the first name with the measure, `乙市甲市销售额`.)
    let post = crate::post::Post::parse("---\ntitle: t\n---\n\n甲市销售额12亿元，乙市8亿元，丙市5亿元。甲市利润1.2亿元，乙市0.9亿元。\n");
    let labels: Vec<String> = crate::extract::extract(&post)
        .into_iter()
        .map(|f| f.label)
        .collect();
    assert_eq!(
        labels,
        [
            "甲市销售额",
            "乙市销售额",
            "丙市销售额",
            "甲市利润",
            "乙市利润"
        ]
    );
}
