//! Properties that hold for any input: nothing panics, every non-whitespace
//! character is accounted for, cleaning is deterministic, cleaning the body
//! again removes nothing of substance, and the title never comes back as the
//! first paragraph. Inputs are generated from page-shaped pieces (menus,
//! headlines, prose, rule phrases, Markdown, run-on lines) as well as noise
//! (control characters, NULs, lone combining marks, RTL and CJK text). Custom
//! rules are untrusted too: any pattern gives a cleaner or a typed error.

mod common;

use std::sync::LazyLock;

use common::assert_accounted;
use deboiler::{Action, Category, Cleaner, Field, Rule};
use proptest::prelude::*;

static DETOKENIZE: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::builder()
        .detokenize(true)
        .build()
        .expect("the built-in rules compile")
});

/// Pieces a page is made of, biased toward what the rules and the classifier look at.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // prose
        Just("The council approved the plan on Tuesday, and the mayor said the work would start in the spring.".to_string()),
        Just("Lavrov said it was “flattering” that American officials think Russia is meddling in the election.".to_string()),
        Just("Der Stadtrat hat den Plan am Dienstag beschlossen, und die Arbeiten sollen im Frühjahr beginnen.".to_string()),
        // headlines, menus, labels
        Just("City approves new harbour plan".to_string()),
        Just("  * Home".to_string()),
        Just("  * Politics".to_string()),
        Just("o Classifieds".to_string()),
        Just("Related Tags:".to_string()),
        Just("Share this:".to_string()),
        Just("Facebook".to_string()),
        Just("Leave a Reply".to_string()),
        Just("12 Comments".to_string()),
        Just("You may also like".to_string()),
        Just("First Published: Saturday, September 23, 2017 03:18 AM".to_string()),
        Just("By Jane Doe, Staff Writer".to_string()),
        Just("A view of the harbour. (AP Photo/Jane Doe)".to_string()),
        Just("READ MORE : US accuses Russia of hacking , and the text goes on .".to_string()),
        Just("We use cookies to improve your experience on our website.".to_string()),
        Just("© 2024 Example Media. All rights reserved.".to_string()),
        Just("See [the report](https://example.org/a(b)c \"t\") and ![img](/x.png).".to_string()),
        Just("# A Markdown heading".to_string()),
        Just("Leave a Reply See [x](https://example.org/a/very/long/url/that/pads/out/the/line/a/lot)".to_string()),
        Just("[Facebook](https://example.org/share?u=https://example.org/story) [Twitter](https://example.org/t)".to_string()),
        Just("READ MORE : Storm closes the harbour , ".to_string()),
        // phrases that whitespace other than one space splits
        Just("Leave  a\tReply".to_string()),
        Just("Get the magazine delivered every month. 12\u{a0}issues for £11.99.".to_string()),
        // a hard-wrapped paragraph, with a link and a double space a break splits
        Just("The council approved the plan on Tuesday, and the mayor said that the work on\nthe harbour would start in the spring,  as [the long report of the harbour\ncommission](https://example.org/report) had asked for in the autumn of last\nyear, and the opposition said the plan came much too late for the fishermen of\nthe town and their families.".to_string()),
        // awkward text
        "[a-zA-Z ,.]{0,80}",
        "\\PC{0,40}",
        Just("\u{301}\u{200d}\u{feff}\u{a0}".to_string()),
        Just("北京欢迎你。这是一篇文章。".to_string()),
        Just("مرحبا بكم في الموقع".to_string()),
        Just("((((((((([[[[[[[".to_string()),
        Just("...........".to_string()),
        noise(40),
    ]
}

/// Characters scrapers choke on, mixed with the ASCII that shapes lines and
/// sentences: controls and NULs, lone combining marks and joiners, bidi
/// controls, Hebrew and Arabic, CJK, and any char at all.
fn noise(max_chars: usize) -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => prop::char::ranges(vec!['\0'..='\u{1f}', '\u{7f}'..='\u{9f}'].into()),
        2 => prop::char::ranges(vec!['\u{300}'..='\u{36f}', '\u{200b}'..='\u{200f}', '\u{20d0}'..='\u{20ff}'].into()),
        1 => prop::char::ranges(vec!['\u{202a}'..='\u{202e}', '\u{2066}'..='\u{2069}', '\u{feff}'..='\u{feff}'].into()),
        3 => prop::char::ranges(vec!['\u{590}'..='\u{6ff}'].into()),
        3 => prop::char::ranges(vec!['\u{3000}'..='\u{303f}', '\u{4e00}'..='\u{9fff}', '\u{ac00}'..='\u{d7a3}'].into()),
        4 => prop::sample::select(vec![' ', '\n', '\r', '\t', '.', ',', '(', '[', ']', ')', '!', '?', '*', '#', '\u{a0}', '\u{2028}']),
        4 => prop::char::range('a', 'z'),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..=max_chars).prop_map(String::from_iter)
}

/// How pieces are joined: lines, paragraphs, run-on text, CRLF.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("\n"),
        Just("\n\n"),
        Just(" "),
        Just("\r\n"),
        Just("\n   \n")
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (p, sep) in parts {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

/// Unicode words (UAX #29): what counts as substance.
fn words(s: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    s.unicode_words().count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn every_character_is_accounted_for(text in page()) {
        let article = deboiler::clean(&text);
        assert_accounted(&text, &article);
    }

    #[test]
    fn arbitrary_unicode_is_accounted_for(text in "\\PC{0,300}") {
        let article = deboiler::clean(&text);
        assert_accounted(&text, &article);
    }

    #[test]
    fn cleaning_is_deterministic(text in page()) {
        prop_assert_eq!(deboiler::clean(&text), deboiler::clean(&text));
    }

    #[test]
    fn the_title_is_not_the_first_paragraph(text in page()) {
        let article = deboiler::clean(&text);
        if let (Some(title), Some(first)) = (&article.title, article.paragraphs.first()) {
            prop_assert_ne!(title.as_ref(), first.text.as_ref());
        }
    }

    // A line shortened by an inline or Markdown removal (`Leave a Reply See
    // [x](long-url)` → `Leave a Reply See x`) is judged again as the body will
    // show it, so the second pass finds nothing new there either.
    #[test]
    fn cleaning_the_body_again_keeps_its_prose(text in page()) {
        let once = deboiler::clean(&text);
        let twice = deboiler::clean(&once.body);
        // The second pass may pick a title out of the body, and a short label may
        // look different once its context is gone; but every sentence paragraph
        // of the first pass is still there.
        for p in &once.paragraphs {
            let prose = words(&p.text) >= 5 && p.text.trim_end().ends_with(['.', '!', '?']);
            prop_assert!(!prose || kept_or_title(&once, &twice, &p.text), "second pass lost {:?}", p.text);
        }
    }
}

/// Regex-ish patterns: groups, classes, repetition, anchors, escapes, and
/// pieces of real phrases; many do not compile, many match the empty string.
fn pattern() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("("),
        Just(")"),
        Just("(?:"),
        Just("(?i)"),
        Just("(?<value>"),
        Just("["),
        Just("]"),
        Just("*"),
        Just("+"),
        Just("?"),
        Just("{2,}"),
        Just("{1000}"),
        Just("|"),
        Just("^"),
        Just("$"),
        Just("."),
        Just("\\w"),
        Just("\\s"),
        Just("\\b"),
        Just("\\"),
        Just("\\p{L}"),
        Just(" "),
        Just("share"),
        Just("reply"),
        Just("a"),
        Just("the"),
        Just("é"),
        Just("北"),
    ];
    prop::collection::vec(atom, 0..10).prop_map(|atoms| atoms.concat())
}

fn action() -> impl Strategy<Value = Action> {
    prop::sample::select(vec![
        Action::DropBlock,
        Action::DropSpan,
        Action::DropToEnd,
        Action::ClosesArticle,
        Action::Metadata(Field::Byline),
        Action::Metadata(Field::Tags),
    ])
}

proptest! {
    // Fewer cases: `cargo test` runs in the debug build and should stay quick.
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn controls_marks_and_scripts_are_accounted_for(text in noise(300)) {
        let article = deboiler::clean(&text);
        assert_accounted(&text, &article);
    }

    #[test]
    fn detokenized_pages_are_accounted_for(text in page()) {
        let article = DETOKENIZE.clean(&text);
        assert_accounted(&text, &article);
    }
}

proptest! {
    // Each case compiles the whole rule set: few cases, or `cargo test` slows down.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn custom_rules_give_a_cleaner_or_a_typed_error(
        patterns in prop::collection::vec((pattern(), action()), 1..4),
        texts in prop::collection::vec(page(), 4),
    ) {
        let mut builder = Cleaner::builder();
        for (n, (pattern, action)) in patterns.iter().enumerate() {
            builder = builder.rule(Rule::new(format!("fuzz.rule{n}"), Category::Custom, pattern.as_str(), *action));
        }
        match builder.build() {
            Ok(cleaner) => {
                for text in &texts {
                    assert_accounted(text, &cleaner.clean(text));
                }
            }
            Err(err @ (deboiler::Error::InvalidPattern { .. } | deboiler::Error::EmptyPattern { .. })) => {
                prop_assert!(err.to_string().contains("`fuzz.rule"), "{}", err);
            }
            Err(err) => prop_assert!(false, "unexpected error {}", err),
        }
    }
}

/// Inputs the properties above once failed on; each stays a plain test.
/// Inputs the fuzzer found, kept as files (bytes, read as lossy UTF-8 like the
/// fuzz target does): a mutated copy of our Markdown fixture whose headline
/// line stood nine times in the text, so that the first kept paragraph, far
/// from the chosen title, was the title again.
#[test]
fn fuzz_regressions_keep_the_invariants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("regression fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let bytes = std::fs::read(&path).expect("readable fixture");
        let text = String::from_utf8_lossy(&bytes);
        for cleaner in [
            deboiler::Cleaner::default(),
            deboiler::Cleaner::builder()
                .detokenize(true)
                .build()
                .expect("built-in rules"),
        ] {
            let article = cleaner.clean(&text);
            assert_accounted(&text, &article);
            if let (Some(title), Some(first)) = (&article.title, article.paragraphs.first()) {
                assert_ne!(title, &first.text, "{}", path.display());
            }
        }
    }
}

const REGRESSION: &[(&str, &str)] = &[
    (
        "title repeated twice below itself came back as the first paragraph",
        "مرحبا بكم في الموقع\r\nمرحبا بكم في الموقع\nRelated Tags:\nمرحبا بكم في الموقع\n",
    ),
    (
        "a line equal to the title once its inline READ MORE was removed stayed as the first paragraph",
        "مرحبا بكم في الموقع READ MORE : Storm closes the harbour , \nمرحبا بكم في الموقع\n",
    ),
    (
        "a prose sentence after a tag label was taken for tags",
        "  * Home\r\nRelated Tags: The council approved the plan on Tuesday, and the mayor said the work would start in the spring.\n",
    ),
];

/// Found by `cleaning_the_body_again_keeps_its_prose`: a short line that a
/// lead-in (`Related Tags:`) gives back to the article came back without its
/// inline removals, Markdown link and all, and the second pass then removed them.
#[test]
fn a_line_given_back_after_a_lead_in_keeps_its_inline_removals() {
    let text = "  * Home\r\nThe council approved the plan on Tuesday, and the mayor said the work would start in the spring. Related Tags:\r\nShare this:\r\n\u{610}\na City approves new harbour plan\nSee [the report](https://example.org/a(b)c \"t\") and ![img](/x.png).\n  * Home\nThe council approved the plan on Tuesday, and the mayor said the work would start in the spring.\n  * Home\r\n# A Markdown heading\nWe use cookies to improve your experience on our website.\r\n\u{103a0}\r\n  * Home\n\u{5b0}\r\na\0\n";
    let article = deboiler::clean(text);
    assert_accounted(text, &article);
    assert!(
        article.body.contains("See the report and ."),
        "{:?}",
        article.body
    );
    assert!(!article.body.contains("](https"), "{:?}", article.body);
}

#[test]
fn regressions() {
    for (what, text) in REGRESSION {
        let article = deboiler::clean(text);
        assert_accounted(text, &article);
        if let (Some(title), Some(first)) = (&article.title, article.paragraphs.first()) {
            assert_ne!(title.as_ref(), first.text.as_ref(), "{what}");
        }
        assert!(
            article.metadata.tags.is_empty(),
            "{what}: {:?}",
            article.metadata.tags
        );
    }
}

/// Inputs the second-pass property once failed on: what the first pass keeps,
/// a second pass keeps too.
#[test]
fn second_pass_regressions() {
    for text in [
        // Once `READ MORE : …` is gone the line fits the comment-form rule; the
        // first pass must see it that way too.
        "Leave a Reply ((((((((([[[[[[[ READ MORE : US accuses Russia of hacking , and the text goes on .\n",
        "Leave a Reply See [x](https://example.org/a/very/long/url/that/pads/out/the/line/a/lot)\n\nThe council approved the plan on Tuesday, and the mayor said the work would start in the spring.\n",
        // Forty-one characters after the heading, too many for the comment
        // heading; thirty-nine once the body shows each double space as one.
        "Leave a Reply AAA.Aa.a.A.AA .A.,,AA,  Aaa aaAAA  AA,a.\n",
        // An inline rule matched the line as it is (`READ MORE : …`), and
        // another only as the body shows it: a link whose text a line break
        // of the hard-wrapped paragraph splits. Both go in the first pass.
        "The council approved the plan on Tuesday, and the mayor said that the work on\nthe harbour would start in the spring,  as [the long report of the harbour\ncommission](https://example.org/report) had asked for in the autumn of last\nyear, and the opposition said the plan came much too late for the fishermen of\nthe town and their families. READ MORE : Storm closes the harbour , \r\nCity approves new harbour plan\n",
    ] {
        let once = deboiler::clean(text);
        let twice = deboiler::clean(&once.body);
        assert_eq!(twice.body, once.body, "{text:?}");
    }
}

/// Whether a paragraph of the first pass (`once`) is in the second pass's
/// (`twice`) body, or stands where the second pass looks for a title: taken as
/// the title, or passed over as headline-shaped page furniture
/// (`context.title_furniture`, a dateline with a stray tail), both decisions
/// about the top of the text, which the first pass's title had held.
fn kept_or_title(once: &deboiler::Article<'_>, twice: &deboiler::Article<'_>, text: &str) -> bool {
    // (The title may come out with its Markdown markers stripped, so compare
    // the text its span covers.)
    let title = twice.title_span.map(|s| &once.body[s.start..s.end]);
    let furniture = twice
        .removed
        .iter()
        .any(|r| r.rule == *"context.title_furniture" && r.text.trim() == text.trim());
    twice.body.contains(text) || title == Some(text) || furniture
}

/// A dateline with a stray tail below the title is kept by the first pass,
/// and passed over as title furniture by the second, where it is the top line.
#[test]
fn a_dateline_at_the_new_top_may_be_title_furniture() {
    let text = "مرحبا بكم في الموقع\nFirst Published: Saturday, September 23, 2017 03:18 AM 0?\n";
    let once = deboiler::clean(text);
    let twice = deboiler::clean(&once.body);
    for p in &once.paragraphs {
        assert!(
            kept_or_title(&once, &twice, &p.text),
            "second pass lost {:?}",
            p.text
        );
    }
}
