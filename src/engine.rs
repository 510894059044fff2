//! The rule engine: compiles the enabled rules once and judges each unit with a
//! single `RegexSet` scan plus the rules' feature guards.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::Error;
use crate::article::{Category, Span};
use crate::features::Features;
use crate::rules::{Action, Rule};
use crate::text::list_marker_len;

/// Largest compiled size, in bytes, of one rule's regex. A custom pattern beyond
/// it (say, `\w{1000}{1000}`) is rejected at build time instead of eating memory.
pub(crate) const PATTERN_SIZE_LIMIT: usize = 2 << 20;

/// Largest compiled size, in bytes, of the combined `RegexSet` of all rules.
const SET_SIZE_LIMIT: usize = 256 << 20;

/// Cache of the lazy DFA that scans units with all rule patterns at once. The
/// default (2 MiB) is too small for the whole rule set, and a thrashing cache
/// sends every scan to the slow PikeVM.
const DFA_CACHE_LIMIT: usize = 64 << 20;

/// Why a unit was removed: a rule of the engine, or a decision of the context stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// The rule at this index of [`Engine::rules`].
    Rule(usize),
    /// A context decision with its own id (`title.repeated`).
    Context(&'static str, Category),
}

/// What happens to one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Body text.
    Keep,
    /// Removed.
    Drop(Reason),
    /// Removed, and a comment section starts here (rule index). The context stage
    /// turns this into `Drop` and decides whether the tail goes too.
    ToEnd(usize),
    /// Removed; in extracted text (not a page dump) the article ends here too
    /// (rule index). See [`Action::ClosesArticle`].
    Closes(usize),
    /// Removed into metadata.
    Meta(MetaMatch),
    /// Kept, except for these spans, each removed by the rule at the index.
    Inline(Vec<(Span, usize)>),
    /// The article's title.
    Title,
}

/// A metadata rule's match on a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MetaMatch {
    /// The rule's index.
    pub rule: usize,
    /// The field's value: the `value` (or `value2`) group, else the whole unit.
    pub value: Span,
    /// The `credit` group, if the pattern has one and it matched.
    pub credit: Option<Span>,
}

/// The compiled rule set.
#[derive(Debug)]
pub(crate) struct Engine {
    /// Enabled rules in priority order.
    pub rules: Vec<Rule>,
    /// One pattern per rule that has one, in rule order.
    set: RegexSet,
    /// Set index → rule index.
    set_rule: Vec<usize>,
    /// Rule index → its own regex (for spans and captures), if it has a pattern.
    regexes: Vec<Option<Regex>>,
    /// Indices of rules with no pattern (decided by features alone).
    feature_rules: Vec<usize>,
}

impl Engine {
    /// Compiles `rules`. Fails on a bad, empty or oversized pattern.
    pub fn new(rules: Vec<Rule>) -> Result<Engine, Error> {
        let mut patterns = Vec::new();
        let mut set_rule = Vec::new();
        let mut regexes = Vec::with_capacity(rules.len());
        let mut feature_rules = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let Some(pattern) = rule.pattern.as_deref() else {
                feature_rules.push(i);
                regexes.push(None);
                continue;
            };
            if pattern.trim().is_empty() {
                return Err(Error::EmptyPattern {
                    rule: rule.id.to_string(),
                });
            }
            let regex = RegexBuilder::new(pattern)
                .size_limit(PATTERN_SIZE_LIMIT)
                .build()
                .map_err(|source| Error::InvalidPattern {
                    rule: rule.id.to_string(),
                    source,
                })?;
            regexes.push(Some(regex));
            patterns.push(pattern);
            set_rule.push(i);
        }
        let set = RegexSetBuilder::new(&patterns)
            .size_limit(SET_SIZE_LIMIT)
            .dfa_size_limit(DFA_CACHE_LIMIT)
            .build()
            .map_err(|source| Error::InvalidPattern {
                rule: "(all rules together)".to_string(),
                source,
            })?;
        Ok(Engine {
            rules,
            set,
            set_rule,
            regexes,
            feature_rules,
        })
    }

    /// Judges one unit: the first rule (in priority order) whose pattern and
    /// guards match decides; inline rules only apply when no rule drops the unit.
    pub fn judge(&self, input: &str, span: Span, features: &Features) -> Verdict {
        // Rules see a list item's text without its marker.
        let marker = list_marker_len(span.slice(input));
        let span = Span {
            start: span.start + marker,
            end: span.end,
        };
        let text = span.slice(input);
        let matched = self.set.matches(text);
        if !matched.matched_any() && self.feature_rules.is_empty() {
            return Verdict::Keep;
        }
        let mut candidates: Vec<usize> = matched.iter().map(|i| self.set_rule[i]).collect();
        candidates.extend_from_slice(&self.feature_rules);
        candidates.sort_unstable();
        let mut inline = Vec::new();
        for i in candidates {
            let rule = &self.rules[i];
            if !rule.guards_pass(features) {
                continue;
            }
            match rule.action {
                Action::DropBlock => return Verdict::Drop(Reason::Rule(i)),
                // A "Comments" link in a menu does not open a comment section.
                Action::DropToEnd if marker > 0 => return Verdict::Drop(Reason::Rule(i)),
                Action::DropToEnd => return Verdict::ToEnd(i),
                Action::ClosesArticle if marker > 0 => return Verdict::Drop(Reason::Rule(i)),
                Action::ClosesArticle => return Verdict::Closes(i),
                Action::Metadata(_) => return Verdict::Meta(self.meta_match(i, text, span)),
                Action::DropSpan => inline.push(i),
            }
        }
        if inline.is_empty() {
            return Verdict::Keep;
        }
        let mut spans = Vec::new();
        for i in inline {
            let Some(regex) = &self.regexes[i] else {
                continue;
            };
            let mut push = |m: regex::Match<'_>| {
                if !m.is_empty() {
                    let s = Span {
                        start: span.start + m.start(),
                        end: span.start + m.end(),
                    };
                    spans.push((s, i));
                }
            };
            if regex.captures_len() > 1 {
                // Capture groups name the parts to remove.
                for caps in regex.captures_iter(text) {
                    caps.iter().skip(1).flatten().for_each(&mut push);
                }
            } else {
                regex.find_iter(text).for_each(push);
            }
        }
        spans.sort_unstable_by_key(|(s, _)| (s.start, s.end));
        // Overlapping matches of different rules: the earlier match wins.
        let mut merged: Vec<(Span, usize)> = Vec::with_capacity(spans.len());
        for (s, i) in spans {
            if merged.last().is_none_or(|(last, _)| s.start >= last.end) {
                merged.push((s, i));
            }
        }
        if merged.is_empty() {
            Verdict::Keep
        } else if !uncovered_text(text, span.start, &merged) {
            Verdict::Drop(Reason::Rule(merged[0].1))
        } else {
            Verdict::Inline(merged)
        }
    }

    /// Where a metadata rule's named groups matched inside the unit.
    fn meta_match(&self, rule: usize, text: &str, span: Span) -> MetaMatch {
        let caps = self.regexes[rule].as_ref().and_then(|r| r.captures(text));
        let group = |name: &str| {
            let m = caps.as_ref()?.name(name)?;
            Some(Span {
                start: span.start + m.start(),
                end: span.start + m.end(),
            })
        };
        MetaMatch {
            rule,
            value: group("value").or_else(|| group("value2")).unwrap_or(span),
            credit: group("credit"),
        }
    }
}

/// True when `text` (starting at input offset `base`) has non-whitespace outside `spans`.
fn uncovered_text(text: &str, base: usize, spans: &[(Span, usize)]) -> bool {
    let mut pos = 0;
    for (s, _) in spans {
        let start = s.start - base;
        if !text[pos..start].trim().is_empty() {
            return true;
        }
        pos = s.end - base;
    }
    !text[pos..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::builtin_rules;

    #[test]
    fn builtin_rules_compile() {
        let engine =
            Engine::new(builtin_rules().cloned().collect()).expect("built-in rules compile");
        assert!(engine.rules.len() > 20);
    }

    #[test]
    fn bad_and_empty_patterns_are_errors() {
        let bad = Rule::new("x.bad", Category::Custom, "(unclosed", Action::DropBlock);
        assert!(
            matches!(Engine::new(vec![bad]), Err(Error::InvalidPattern { rule, .. }) if rule == "x.bad")
        );
        let empty = Rule::new("x.empty", Category::Custom, "  ", Action::DropBlock);
        assert!(matches!(
            Engine::new(vec![empty]),
            Err(Error::EmptyPattern { .. })
        ));
        let huge = Rule::new(
            "x.huge",
            Category::Custom,
            r"\w{1000}{1000}",
            Action::DropBlock,
        );
        let err = Engine::new(vec![huge]).unwrap_err();
        assert!(err.to_string().contains("x.huge"), "{err}");
    }
}
