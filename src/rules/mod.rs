//! The rule set: named heuristics, declared as data, one module per category.
//!
//! A [`Rule`] has a stable id, a category, a one-line doc, a matcher and an
//! action. The matcher is a regex over one unit (a line, or a sentence of a
//! run-on line) and/or a guard on the unit's features (word count, a predicate
//! such as "repeats the line next to it"). The engine (`crate::engine`) scans
//! each unit once for the literals every rule's pattern requires
//! (`crate::prefilter`) and runs only the regexes of the rules that could match;
//! it knows nothing about any single rule.
//!
//! Patterns write digits as `[0-9]`, not `\d`: Unicode's `\d` also takes
//! Arabic-Indic, Devanagari, fullwidth and some sixty other digit sets, which
//! none of the supported languages writes its dates or counts in, and which
//! double the compiled size (and build time) of a date pattern.
//!
//! Under `(?i)`, a bracketed class of Unicode letters is written outside the
//! flag, `(?-i:[\w.]*)`: it holds every case form of its letters already, and
//! folding its thousands of letters again costs more than the rest of the
//! rule's parse (a test checks that each such class is closed under case).
//!
//! Where to find a rule: its id starts with its module's name
//! (`caption.photo_credit` lives in `caption.rs`, `comments.wordpress.leave_reply`
//! in `comments.rs`).

use std::borrow::Cow;

use crate::article::{Category, RuleId};
use crate::features::Features;

#[macro_use]
mod phrases;

mod caption;
mod comments;
pub(crate) mod form;
pub(crate) mod furniture;
mod legal;
mod markup;
mod metadata;
mod promo;
mod prompt;
mod related;
mod repetition;
mod share;
mod warning;

/// What happens to a unit that a rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// Remove the whole unit (a line, or one sentence of a run-on line).
    DropBlock,
    /// Remove only the text the pattern matches, keep the rest of the unit. If the
    /// pattern has capture groups, only the groups are removed (so `(\[)text(\])`
    /// removes the brackets and keeps the text).
    DropSpan,
    /// Remove this unit and everything after it: a comment section starts here.
    ///
    /// Only honoured once the article has some body before it (see
    /// `context::TAIL_MIN_BODY_BYTES`); earlier, it removes just the unit, so a
    /// stray "12 Comments" link under a headline cannot truncate the article.
    DropToEnd,
    /// Remove the unit. In text an extractor already cut out (not a page dump),
    /// everything after it goes too, like [`Action::DropToEnd`]: a `You may also
    /// like` heading ends such an article. In a page dump, where such headings
    /// also head sidebars, the main-region search decides instead.
    ClosesArticle,
    /// Remove the unit from the body and keep its text in [`Metadata`](crate::Metadata).
    ///
    /// If the pattern has a named group `value`, that group is the field's value;
    /// otherwise the whole unit is.
    Metadata(Field),
}

/// The [`Metadata`](crate::Metadata) field an [`Action::Metadata`] rule fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// `published` (the first one found wins).
    Published,
    /// A bare date or timestamp: fills `published` only when no labelled
    /// [`Field::Published`] line is found.
    Date,
    /// `updated` (the first one found wins).
    Updated,
    /// `byline` (the first one found wins).
    Byline,
    /// Appended to `captions` (the whole unit); a named group `credit` in the
    /// pattern is also appended to `credits`.
    Caption,
    /// Appended to `credits`.
    Credit,
    /// Split on commas and appended to `tags`.
    Tags,
}

/// A feature predicate: true when the rule may fire on a unit with these features.
pub(crate) type Predicate = fn(&Features) -> bool;

/// One named heuristic.
///
/// Built-in rules are listed by [`builtin_rules`]; custom ones are made with
/// [`Rule::new`] and added with [`CleanerBuilder::rule`](crate::CleanerBuilder::rule).
#[derive(Debug, Clone)]
pub struct Rule {
    pub(crate) id: RuleId,
    pub(crate) category: Category,
    pub(crate) doc: Cow<'static, str>,
    pub(crate) pattern: Option<Cow<'static, str>>,
    pub(crate) max_words: Option<usize>,
    pub(crate) predicate: Option<Predicate>,
    pub(crate) action: Action,
}

impl Rule {
    /// A custom rule: `pattern` (regex syntax of the `regex` crate) is matched
    /// against each unit — a line, or a sentence of a very long line.
    ///
    /// The pattern is compiled by [`CleanerBuilder::build`](crate::CleanerBuilder::build),
    /// which reports a bad pattern as an [`Error`](crate::Error).
    ///
    /// ```
    /// use deboiler::{Action, Category, Cleaner, Rule};
    ///
    /// let cleaner = Cleaner::builder()
    ///     .rule(Rule::new("mysite.promo", Category::Promo, r"(?i)^watch the video$", Action::DropBlock))
    ///     .build()
    ///     .unwrap();
    /// let article = cleaner.clean("Headline here\n\nWatch the video\n\nThe body sentence stays.");
    /// assert_eq!(article.body, "The body sentence stays.");
    /// assert_eq!(article.removed[0].rule, "mysite.promo");
    /// ```
    pub fn new(
        id: impl Into<String>,
        category: Category,
        pattern: impl Into<String>,
        action: Action,
    ) -> Rule {
        Rule {
            id: RuleId::from(id.into()),
            category,
            doc: Cow::Borrowed("custom rule"),
            pattern: Some(Cow::Owned(pattern.into())),
            max_words: None,
            predicate: None,
            action,
        }
    }

    /// Only fire on units of at most `n` Unicode words. Default: no limit.
    ///
    /// ```
    /// use deboiler::{Action, Category, Rule};
    /// let rule = Rule::new("site.short_promo", Category::Promo, "(?i)offer", Action::DropBlock)
    ///     .with_max_words(8);
    /// assert_eq!(rule.max_words(), Some(8));
    /// ```
    pub fn with_max_words(mut self, n: usize) -> Rule {
        self.max_words = Some(n);
        self
    }

    /// Sets the one-line description shown by `Cleaner::rules`. Default: `"custom rule"`.
    pub fn with_doc(mut self, doc: impl Into<String>) -> Rule {
        self.doc = Cow::Owned(doc.into());
        self
    }

    /// The stable id.
    pub fn id(&self) -> &RuleId {
        &self.id
    }

    /// The category.
    pub fn category(&self) -> Category {
        self.category
    }

    /// The one-line description.
    pub fn doc(&self) -> &str {
        &self.doc
    }

    /// The regex, if the rule has one (feature-only rules have none).
    pub fn pattern(&self) -> Option<&str> {
        self.pattern.as_deref()
    }

    /// The word-count limit, if any.
    pub fn max_words(&self) -> Option<usize> {
        self.max_words
    }

    /// What the rule does to a unit it matches.
    pub fn action(&self) -> Action {
        self.action
    }

    /// True when the rule's feature guards allow it to fire on a unit.
    pub(crate) fn guards_pass(&self, f: &Features) -> bool {
        self.max_words.is_none_or(|n| (f.words as usize) <= n)
            && self.predicate.is_none_or(|p| p(f))
    }
}

// Word limits shared by the rule tables (`max_words`): how long a line of each
// kind of boilerplate can be. Past its limit a line is article text, whatever
// phrase it contains.

/// A label, heading, button or credit line (`Photo: Reuters`, `12 Comments`).
pub(crate) const LABEL_WORDS: usize = 12;
/// A metadata line: a date, a byline, an update notice.
pub(crate) const META_LINE_WORDS: usize = 16;
/// A one- or two-sentence prompt (`Sign in to comment`, `READ MORE: <headline>`).
pub(crate) const PROMPT_WORDS: usize = 25;
/// A short boilerplate paragraph: a promo, a tag list, a follow line.
pub(crate) const NOTICE_WORDS: usize = 40;
/// A long notice, such as a list of contributors.
pub(crate) const LONG_NOTICE_WORDS: usize = 60;
/// A cookie or consent banner, which can run to a paragraph.
pub(crate) const BANNER_WORDS: usize = 120;

/// A built-in rule matched by a regex. `const` so rule tables are plain data.
pub(crate) const fn phrase(
    category: Category,
    id: &'static str,
    doc: &'static str,
    pattern: &'static str,
    action: Action,
) -> Rule {
    Rule {
        id: RuleId::from_static(id),
        category,
        doc: Cow::Borrowed(doc),
        pattern: Some(Cow::Borrowed(pattern)),
        max_words: None,
        predicate: None,
        action,
    }
}

/// A built-in rule decided by unit features alone.
pub(crate) const fn feature(
    category: Category,
    id: &'static str,
    doc: &'static str,
    predicate: Predicate,
    action: Action,
) -> Rule {
    Rule {
        id: RuleId::from_static(id),
        category,
        doc: Cow::Borrowed(doc),
        pattern: None,
        max_words: None,
        predicate: Some(predicate),
        action,
    }
}

/// `const` form of [`Rule::with_max_words`] for the rule tables.
pub(crate) const fn max_words(mut rule: Rule, n: usize) -> Rule {
    rule.max_words = Some(n);
    rule
}

/// `const` form of a feature guard for the rule tables: the rule fires only where
/// `predicate` holds too.
pub(crate) const fn when(mut rule: Rule, predicate: Predicate) -> Rule {
    rule.predicate = Some(predicate);
    rule
}

/// Guard for rules written for whole lines: they do not fire on one sentence of
/// a run-on line, where an inline rule removes just the boilerplate.
pub(crate) fn whole_line(f: &Features) -> bool {
    f.whole_block
}

/// Every rule table, in priority order: when several rules match a unit, the
/// first (in this order, then in table order) decides.
const TABLES: &[&[Rule]] = &[
    markup::RULES,
    comments::RULES,
    prompt::RULES,
    warning::RULES,
    caption::RULES,
    metadata::RULES,
    related::RULES,
    share::RULES,
    promo::RULES,
    legal::RULES,
    repetition::RULES,
];

/// The built-in rules, in priority order.
pub fn builtin_rules() -> impl Iterator<Item = &'static Rule> {
    TABLES.iter().flat_map(|t| t.iter())
}

/// Test helpers shared by the rule modules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::clean;

    /// The texts of our own fixtures (`tests/fixtures/*.txt` and
    /// `tests/fixtures/shapes/*.txt`): real-looking pages to check matchers on.
    pub fn fixture_texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut texts = Vec::new();
        for sub in [dir.clone(), dir.join("shapes")] {
            for entry in std::fs::read_dir(sub).expect("fixtures") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).expect("UTF-8 fixture"));
                }
            }
        }
        texts
    }

    /// The id of the rule that removed `line` when it stands as a line of its own
    /// between two ordinary paragraphs, or `None` if it was kept.
    pub fn rule_for(line: &str) -> Option<String> {
        let before = "Lead paragraph of the article, long enough to count as body text for the tail rules and the title search.";
        let after = "Closing paragraph of the article, which the cleaner keeps as body text.";
        let input = format!("Headline of the story\n\n{before}\n\n{line}\n\n{after}");
        let article = clean(&input);
        let start = input.find(line).unwrap_or(0);
        article
            .removed
            .iter()
            .find(|r| r.span.start == start)
            .map(|r| r.rule.to_string())
    }

    /// Asserts that each line is removed by `id` (and that every rule's lean
    /// matcher agrees with its full regex on it).
    pub fn assert_fires(id: &str, lines: &[&str]) {
        for line in lines {
            crate::matcher::testing::assert_agrees(line);
            assert_eq!(
                rule_for(line).as_deref(),
                Some(id),
                "should fire on {line:?}"
            );
        }
    }

    /// Asserts that each line survives as body text (and that every rule's
    /// lean matcher agrees with its full regex on it).
    pub fn assert_keeps(lines: &[&str]) {
        for line in lines {
            crate::matcher::testing::assert_agrees(line);
            assert_eq!(rule_for(line), None, "should keep {line:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// See the module docs: `[0-9]`, not Unicode's `\d`.
    #[test]
    fn patterns_write_ascii_digits() {
        for rule in builtin_rules() {
            let pattern = rule.pattern().unwrap_or_default();
            assert!(!pattern.contains(r"\d"), "{} uses \\d", rule.id);
        }
    }

    /// See the module docs: a class taken out of `(?i)` must not need it.
    #[test]
    fn classes_outside_case_folding_are_closed_under_case() {
        use regex_syntax::ast::{Ast, parse::Parser};
        fn closed(pattern: &str, ast: &Ast, checked: &mut usize) {
            match ast {
                Ast::Group(group) => {
                    let no_fold = group.flags().is_some_and(|f| {
                        f.flag_state(regex_syntax::ast::Flag::CaseInsensitive) == Some(false)
                    });
                    let mut inner = &*group.ast;
                    while let Ast::Repetition(rep) = inner {
                        inner = &rep.ast;
                    }
                    if let (true, Ast::ClassBracketed(class)) = (no_fold, inner) {
                        let text = &pattern[class.span.start.offset..class.span.end.offset];
                        let parse = |p: &str| regex_syntax::Parser::new().parse(p).expect("parses");
                        assert_eq!(
                            parse(&format!("(?i){text}")),
                            parse(text),
                            "{text} in {pattern}"
                        );
                        *checked += 1;
                    }
                    closed(pattern, &group.ast, checked);
                }
                Ast::Repetition(rep) => closed(pattern, &rep.ast, checked),
                Ast::Concat(c) => c.asts.iter().for_each(|a| closed(pattern, a, checked)),
                Ast::Alternation(a) => a.asts.iter().for_each(|a| closed(pattern, a, checked)),
                _ => {}
            }
        }
        let mut checked = 0;
        for pattern in builtin_rules().filter_map(Rule::pattern) {
            let ast = Parser::new().parse(pattern).expect("parses");
            closed(pattern, &ast, &mut checked);
        }
        assert!(checked >= 6, "{checked} classes checked");
    }

    #[test]
    fn ids_are_unique_and_prefixed_by_their_category() {
        let mut seen = HashSet::new();
        for rule in builtin_rules() {
            assert!(seen.insert(rule.id.as_str()), "duplicate id {}", rule.id);
            assert!(
                rule.id.as_str().starts_with(rule.category.name()),
                "{} is not under {}",
                rule.id,
                rule.category
            );
            assert!(!rule.doc.is_empty() && !rule.doc.contains('\n'));
            assert!(rule.pattern.is_some() || rule.predicate.is_some());
        }
    }
}
