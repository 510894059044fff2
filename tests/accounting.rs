//! Nothing disappears without an account: every non-whitespace character of the
//! input ends up in the title, the body or a removal (metadata lines are removals).

mod common;

use common::{assert_accounted, fixtures};

#[test]
fn samples_are_fully_accounted_for() {
    for (name, text) in fixtures() {
        let article = deboiler::clean(&text);
        assert!(
            !article.removed.is_empty(),
            "{name}: something should be removed"
        );
        assert_accounted(&text, &article);
    }
}

/// Named cases of awkward shapes; add one whenever a bug is found.
const CASES: &[(&str, &str)] = &[
    ("empty", ""),
    ("whitespace only", " \n\t\r\n \u{a0}"),
    (
        "crlf paragraphs",
        "Headline of the day\r\n\r\nFirst paragraph.\r\nSecond line.\r\n",
    ),
    ("title only", "Just a headline here"),
    (
        "inline read more",
        "Intro sentence here. READ MORE : Some headline here , and the text goes on.",
    ),
    (
        "comment tail",
        "Headline here\n\nA long enough paragraph of the article body that ends here, with a few more words to pass the limit that guards the tail of a document from being cut.\n\nLeave a Reply\n\nNice post!",
    ),
    (
        "repeated labels",
        "Title here\nTitle here\nLabel\nLabel\nBody text.",
    ),
    ("cjk", "北京欢迎你\n\n这是一篇文章的正文。它有两句话。"),
    ("combining marks", "\u{301}\u{301} e\u{301}\n\n\u{200d}"),
];

#[test]
fn awkward_inputs_are_fully_accounted_for() {
    for (name, text) in CASES {
        let article = deboiler::clean(text);
        assert_accounted(text, &article);
        let _ = name;
    }
}

#[test]
fn detokenized_output_is_still_accounted_for() {
    let cleaner = deboiler::Cleaner::builder()
        .detokenize(true)
        .build()
        .expect("valid builder");
    for (_, text) in fixtures() {
        assert_accounted(&text, &cleaner.clean(&text));
    }
}

#[test]
fn long_run_on_line_is_accounted_for() {
    let sentence = "A sentence of a very long run-on line , with tokens . READ MORE : A teaser , ";
    let text = sentence.repeat(200);
    let article = deboiler::clean(&text);
    assert_accounted(&text, &article);
    assert_eq!(article.title, None);
    assert!(
        article
            .removed
            .iter()
            .all(|r| r.rule == "related.read_more_inline")
    );
}
