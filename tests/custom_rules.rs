//! Custom rules are untrusted input too: a pattern that does not compile, is
//! empty, or would compile to a huge automaton is a typed `Error` from
//! `Cleaner::builder().build()` that names the rule, never a panic. And they
//! match a line both as the input has it and as the body shows it.

use std::error::Error as _;

mod common;

use deboiler::{Action, Category, Cleaner, Error, Rule};

fn build_with(id: &str, pattern: &str) -> Result<Cleaner, Error> {
    Cleaner::builder()
        .rule(Rule::new(
            "site.fine",
            Category::Custom,
            "(?i)^watch the video$",
            Action::DropBlock,
        ))
        .rule(Rule::new(id, Category::Custom, pattern, Action::DropSpan))
        .build()
}

#[test]
fn bad_patterns_are_typed_errors_naming_the_rule() {
    let invalid = [
        ("site.unclosed", "(unclosed"),
        ("site.class", "[a-"),
        ("site.lookahead", "(?=look)ahead"),
        ("site.backref", r"(a)\1"),
        ("site.unknown_class", r"\p{NoSuchScript}"),
        ("site.same_name", "(?<v>a)(?<v>b)"),
        ("site.repeat", "a{5,2}"),
        // Compiles to far more than the per-rule size limit.
        ("site.huge", r"\w{1000}{1000}"),
        ("site.huge_count", r"(?:\p{L}|\d){200}{200}"),
    ];
    for (id, pattern) in invalid {
        let err = build_with(id, pattern).expect_err(pattern);
        assert!(
            matches!(&err, Error::InvalidPattern { rule, .. } if rule == id),
            "{pattern}: {err:?}"
        );
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("rule `{id}`: invalid pattern")),
            "{message}"
        );
        assert!(err.source().is_some(), "{pattern}: the regex error is kept");
    }
    for (id, pattern) in [("site.empty", ""), ("site.blank", " \t\n")] {
        let err = build_with(id, pattern).expect_err(pattern);
        assert!(
            matches!(&err, Error::EmptyPattern { rule } if rule == id),
            "{pattern:?}: {err:?}"
        );
        assert!(err.to_string().contains(&format!("`{id}`")), "{err}");
    }
}

#[test]
fn a_large_but_allowed_pattern_still_builds_and_cleans() {
    // Big alternations of literals are what site rules look like; they must not
    // trip the limit.
    let words: Vec<String> = (0..2000).map(|n| format!("promo{n}")).collect();
    let pattern = format!("(?i)^(?:{})$", words.join("|"));
    let cleaner = build_with("site.promos", &pattern).expect("a literal alternation builds");
    let article = cleaner.clean("A headline here\n\npromo1234\n\nThe body sentence stays.");
    assert_eq!(article.body, "The body sentence stays.");
    assert_eq!(article.removed[0].rule, "site.promos");
}

#[test]
fn patterns_matching_empty_text_would_drop_every_line() {
    for pattern in ["a*", "(?:)|x", "(?i)(?:promo)?"] {
        let err = Cleaner::builder()
            .rule(Rule::new(
                "site.every",
                Category::Custom,
                pattern,
                Action::DropBlock,
            ))
            .build()
            .expect_err(pattern);
        assert!(
            matches!(&err, Error::EmptyPattern { rule } if rule == "site.every"),
            "{pattern:?}: {err:?}"
        );
        assert!(err.to_string().contains("`site.every`"), "{err}");
    }
}

/// A unit with whitespace to collapse is matched as the body shows it and as
/// the input has it: an inline rule that needs the input's two spaces still
/// removes its span, next to one that matches only the collapsed text.
#[test]
fn inline_rules_match_the_input_and_the_text_the_body_shows() {
    let cleaner = Cleaner::builder()
        .rule(Rule::new(
            "site.double",
            Category::Custom,
            "ad  break",
            Action::DropSpan,
        ))
        .rule(Rule::new(
            "site.single",
            Category::Custom,
            "sponsored link",
            Action::DropSpan,
        ))
        .build()
        .expect("the rules build");
    let text = "A headline here\n\nThe council met on Monday, ad  break and sponsored\tlink, and the debate went on until late.\n";
    let article = cleaner.clean(text);
    let expected = [
        ("site.double", "ad  break"),
        ("site.single", "sponsored\tlink"),
    ];
    assert_eq!(
        article.removed.len(),
        expected.len(),
        "{:?}",
        article.removed
    );
    for (r, (rule, removed)) in article.removed.iter().zip(expected) {
        assert_eq!((r.rule.as_str(), r.text.as_ref()), (rule, removed));
        assert_eq!(&text[r.span.start..r.span.end], removed);
    }
    common::assert_accounted(text, &article);
}
