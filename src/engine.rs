//! The rule engine: judges each unit with one prefilter scan
//! ([`crate::prefilter`]), then the regexes and feature guards of the few rules
//! that could match it.
//!
//! A built-in block rule whose pattern is an alternation of phrases
//! (`(?i)phrase one|phrase two|…`) is checked one alternative at a time, each
//! with its own literals and lean matcher ([`crate::prefilter::alternatives`]):
//! a unit only meets the alternatives whose literals it holds, and none of
//! the DFAs has to track every phrase at once.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use once_cell::sync::OnceCell;
use regex::{Regex, RegexBuilder};
use regex_automata::util::pool::{Pool, PoolGuard};

use crate::Error;
use crate::article::{Category, Span};
use crate::features::{Features, terminal};
use crate::matcher::{Caches, Matcher, cache};
use crate::prefilter::{Prefilter, Seen, alternatives};
use crate::rules::form;
use crate::rules::{Action, Rule};
use crate::text::{
    collapse_whitespace, is_collapsed, join_pieces, list_marker_len, offset_before_collapse,
    offsets_before_collapse, push_piece,
};
use regex_syntax::ast::Ast;

/// Largest compiled size, in bytes, of one rule's regex. A custom pattern beyond
/// it (say, `\w{1000}{1000}`) is rejected at build time instead of eating memory.
pub(crate) const PATTERN_SIZE_LIMIT: usize = 2 << 20;

/// Cache of each rule's lazy DFA. The default (2 MiB) is too small for the
/// multilingual case-insensitive patterns: a thrashing cache is cleared and
/// rebuilt over and over, and then hands the scan to the slow PikeVM.
pub(crate) const DFA_CACHE_LIMIT: usize = 16 << 20;

/// The fractional part of the golden ratio: successive multiples of it fall
/// far apart in [0, 1), which spreads the starting rules of
/// [`Engine::warm_up`] callers.
const GOLDEN_FRACTION: f64 = 0.618_033_988_749_895;

/// The named groups a metadata rule's pattern may have: the field's value
/// (`value`, else `value2`) and a `credit`.
const META_GROUPS: [&str; 3] = ["value", "value2", "credit"];

/// A decision of the context stage that removes a unit: its own id
/// (`title.repeated`) and category. Decisions are statics, so a verdict holds
/// a thin reference to one.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decision {
    /// The id shown in [`crate::Removal::rule`].
    pub id: &'static str,
    /// The category shown in [`crate::Removal::category`].
    pub category: Category,
}

/// Why a unit was removed: a rule of the engine, or a decision of the context stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// The rule at this index of [`Engine::rules`].
    Rule(usize),
    /// A context decision.
    Context(&'static Decision),
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
    /// Removed into metadata. (Boxed: it is rare, and unboxed it would make
    /// every unit's verdict half again as large.)
    Meta(Box<MetaMatch>),
    /// Kept, except for these spans, each removed by the rule at the index.
    /// (Boxed like `Meta`: a page of millions of lines holds a verdict for each.
    /// A boxed `Vec` is a thin pointer; a boxed slice would be two words.)
    #[allow(clippy::box_collection)]
    Inline(Box<Vec<(Span, usize)>>),
    /// The article's title.
    Title,
}

// A page of millions of short lines holds a verdict per line: two words each,
// not four (which an unboxed `Vec` or a fat `&str` in `Reason` would make it).
const _: () = assert!(std::mem::size_of::<Verdict>() <= 2 * std::mem::size_of::<usize>());

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

/// One rule's compiled pattern.
#[derive(Debug)]
enum Compiled {
    /// Custom rules (compiled, and so checked, by the `regex` crate itself) and
    /// inline rules (which need every match's span).
    Full(Regex),
    /// Built-in block and metadata rules: see [`crate::matcher`]. (Boxed: it
    /// is large, and most rules of a short text are never compiled.)
    Lean(Box<Matcher>),
}

/// What the prefilter picks and the engine checks: a rule, or one alternative
/// of its pattern.
#[derive(Debug)]
struct Piece {
    /// The rule's index.
    rule: usize,
    /// `None`: the rule's whole pattern (or none, for a feature rule).
    part: Option<Part>,
}

/// One top-level alternative of a built-in block rule's pattern.
#[derive(Debug)]
struct Part {
    pattern: String,
    /// Its syntax tree, for the prefilter, until the engine is built (only
    /// when it was parsed: the built-in ones' analysis is in a table).
    ast: Option<Ast>,
    /// Compiled on first use, like the rules' patterns.
    matcher: OnceCell<Option<Matcher>>,
}

/// The compiled rule set.
#[derive(Debug)]
pub(crate) struct Engine {
    /// Enabled rules in priority order.
    pub rules: Vec<Rule>,
    /// The rules' pieces in rule order: one per rule, or one per alternative
    /// of a split pattern.
    pieces: Vec<Piece>,
    /// Which pieces with a pattern could match a unit.
    prefilter: Prefilter,
    /// Rule index → its pattern. Custom rules are compiled (and so checked)
    /// when the engine is built; built-in ones, which the tests compile, on
    /// first use, so a process pays only for the rules its text ever gets near.
    regexes: Vec<OnceCell<Option<Compiled>>>,
    /// The matchers' search state: each thread takes one set per document.
    caches: Pool<Caches>,
    /// Indices of the pieces of rules with no pattern (decided by features alone).
    feature_pieces: Vec<usize>,
}

impl Part {
    /// The lean matcher, compiled on first use.
    fn matcher(&self) -> &Option<Matcher> {
        self.matcher
            .get_or_init(|| Matcher::new(&self.pattern, PATTERN_SIZE_LIMIT, DFA_CACHE_LIMIT))
    }
}

/// The pattern of a rule whose top-level alternatives the engine checks one
/// at a time (if it has them): a built-in block rule's. Only whether a block
/// rule matches matters; metadata and inline rules need the match itself.
/// Custom patterns stay whole.
pub(crate) fn split_pattern(rule: &Rule) -> Option<&'static str> {
    match (&rule.pattern, rule.action) {
        (
            Some(Cow::Borrowed(pattern)),
            Action::DropBlock | Action::DropToEnd | Action::ClosesArticle,
        ) => Some(pattern),
        _ => None,
    }
}

/// One rule's regex, with the size limit every rule gets.
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .dfa_size_limit(DFA_CACHE_LIMIT)
        .build()
}

/// Scratch space of [`Engine::judge`] for one document on one thread, reused
/// across its units.
#[derive(Debug)]
pub(crate) struct Scratch<'e> {
    candidates: Vec<usize>,
    seen: Seen,
    caches: PoolGuard<'e, Caches, fn() -> Caches>,
    /// Per judged unit, in order: the kinds of form vocabulary whose literals
    /// it holds (see [`crate::rules::form::FormLine::kinds`]).
    pub form_kinds: Vec<u8>,
}

impl Engine {
    /// Compiles `rules`. Fails on a bad, empty or oversized custom pattern.
    pub fn new(rules: Vec<Rule>) -> Result<Engine, Error> {
        let mut regexes = Vec::with_capacity(rules.len());
        for rule in &rules {
            let Some(pattern) = rule.pattern.as_deref() else {
                regexes.push(OnceCell::with_value(None));
                continue;
            };
            if pattern.trim().is_empty() {
                return Err(Error::EmptyPattern {
                    rule: rule.id.to_string(),
                });
            }
            // Only the built-in tables hold `'static` patterns (custom rules own
            // theirs), and the tests compile every one of them.
            if matches!(rule.pattern, Some(Cow::Borrowed(_))) {
                regexes.push(OnceCell::new());
                continue;
            }
            let regex = compile(pattern).map_err(|source| Error::InvalidPattern {
                rule: rule.id.to_string(),
                source,
            })?;
            // `a*` or `(?:)` match nothing at all, so they match every line: as
            // harmful as an empty pattern (except inline, where empty matches
            // remove nothing).
            if rule.action != Action::DropSpan && matches_every_line(pattern) {
                return Err(Error::EmptyPattern {
                    rule: rule.id.to_string(),
                });
            }
            regexes.push(OnceCell::with_value(Some(Compiled::Full(regex))));
        }
        let mut pieces = Vec::with_capacity(rules.len());
        let mut feature_pieces = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            match split_pattern(rule).and_then(alternatives) {
                Some(parts) => pieces.extend(parts.into_iter().map(|(pattern, ast)| Piece {
                    rule: i,
                    part: Some(Part {
                        pattern,
                        ast,
                        matcher: OnceCell::new(),
                    }),
                })),
                None => {
                    if rule.pattern.is_none() {
                        feature_pieces.push(pieces.len());
                    }
                    pieces.push(Piece {
                        rule: i,
                        part: None,
                    });
                }
            }
        }
        let patterns = pieces.iter().enumerate().filter_map(|(p, piece)| {
            Some(match &piece.part {
                Some(part) => (p, part.pattern.as_str(), part.ast.as_ref()),
                None => (p, rules[piece.rule].pattern.as_deref()?, None),
            })
        });
        // The form detector's vocabulary rides along in the same scan, after
        // the pieces.
        let n = pieces.len();
        let kinds = form::PATTERNS
            .iter()
            .enumerate()
            .map(|(k, &p)| (n + k, p, None));
        let prefilter = Prefilter::with_parsed(patterns.chain(kinds));
        for part in pieces.iter_mut().filter_map(|p| p.part.as_mut()) {
            part.ast = None;
        }
        Ok(Engine {
            rules,
            pieces,
            prefilter,
            regexes,
            caches: Pool::new(Vec::new),
            feature_pieces,
        })
    }

    /// Scratch space for judging the units of one document on this thread.
    pub fn scratch(&self) -> Scratch<'_> {
        Scratch {
            candidates: Vec::new(),
            seen: Seen::default(),
            caches: self.caches.get(),
            form_kinds: Vec::new(),
        }
    }

    /// Compiles every rule's regex now. Callers on several threads share the
    /// work: each starts at a different rule (golden-ratio steps around the
    /// list) and skips what another has compiled, so they seldom wait on the
    /// same rule.
    pub fn warm_up(&self) {
        static CALLS: AtomicUsize = AtomicUsize::new(0);
        let n = self.pieces.len();
        let call = CALLS.fetch_add(1, Ordering::Relaxed);
        let start = ((call as f64 * GOLDEN_FRACTION).fract() * n as f64) as usize;
        for piece in self.pieces[start..].iter().chain(&self.pieces[..start]) {
            match &piece.part {
                Some(part) => {
                    let _ = part.matcher();
                }
                None => {
                    let _ = self.compiled(piece.rule);
                }
            }
        }
    }

    /// The pattern of rule `i`, compiled on first use (`None` for feature rules).
    fn compiled(&self, i: usize) -> Option<&Compiled> {
        let cell = self.regexes.get(i)?;
        cell.get_or_init(|| {
            let rule = self.rules.get(i)?;
            let pattern = rule.pattern.as_deref()?;
            // Built-in patterns compile (the tests say so); should one ever not,
            // its rule just never fires.
            if rule.action == Action::DropSpan {
                compile(pattern).ok().map(Compiled::Full)
            } else {
                Matcher::new(pattern, PATTERN_SIZE_LIMIT, DFA_CACHE_LIMIT)
                    .map(|m| Compiled::Lean(Box::new(m)))
            }
        })
        .as_ref()
    }

    /// True when piece `p` (its rule has guards that pass) matches `text`.
    fn piece_matches(&self, p: usize, text: &str, caches: &mut Caches) -> bool {
        let Some(piece) = self.pieces.get(p) else {
            return false;
        };
        let i = piece.rule;
        if let Some(part) = &piece.part {
            // The parts' search state comes after the rules'.
            return part.matcher().as_ref().is_some_and(|matcher| {
                matcher.is_match(cache(caches, self.rules.len() + p, matcher), text)
            });
        }
        if self.rules[i].pattern.is_none() {
            return true;
        }
        match self.compiled(i) {
            Some(Compiled::Full(regex)) => regex.is_match(text),
            Some(Compiled::Lean(matcher)) => matcher.is_match(cache(caches, i, matcher), text),
            None => false,
        }
    }

    /// Judges one unit: the first rule (in priority order) whose pattern and
    /// guards match decides; inline rules only apply when no rule drops the unit.
    pub fn judge(
        &self,
        input: &str,
        span: Span,
        features: &Features,
        scratch: &mut Scratch,
    ) -> Verdict {
        // Rules see a list item's text without its marker. The prefilter scans
        // the whole line: the literals of the rest are all in it, and the form
        // detector reads whole lines.
        let line = span.slice(input);
        // `features` (of this unit) already say whether it has a marker: most
        // units have none, and need not be read again.
        let marker = if features.list_item {
            list_marker_len(line)
        } else {
            0
        };
        let span = Span {
            start: span.start + marker,
            end: span.end,
        };
        let text = span.slice(input);
        let (block, inline, kinds) = self.matching_rules(line, text, features, scratch);
        scratch.form_kinds.push(kinds);
        if let Some(i) = block {
            let caches = &mut scratch.caches;
            return self.block_verdict(i, marker, || self.meta_match(i, text, span, caches));
        }
        // Nearly every unit has no whitespace to collapse.
        if !is_collapsed(text) {
            return self.judge_as_shown(input, span, &inline, marker, features, scratch);
        }
        if inline.is_empty() {
            return Verdict::Keep;
        }
        self.inline_verdict(input, span, &inline, None, marker, features, scratch)
    }

    /// The verdict of inline rules on a unit (`span`, after its list marker,
    /// if any): of `inline`, which matched its text, and of those that
    /// matched its text as the body shows it, if given (`shown`: that text
    /// and the rules). The spans they remove, or a drop when nothing is left
    /// or a block rule takes what is.
    // One argument past clippy's limit: the unit's place and features, and
    // the two sets of matches, are what the verdict is made of.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn inline_verdict(
        &self,
        input: &str,
        span: Span,
        inline: &[usize],
        shown: Option<(&str, &[usize])>,
        marker: usize,
        features: &Features,
        scratch: &mut Scratch,
    ) -> Verdict {
        let text = span.slice(input);
        let mut spans = Vec::new();
        self.push_inline_spans(&mut spans, text, inline, span.start);
        if let Some((shown, rules)) = shown {
            let mut found = Vec::new();
            self.push_inline_spans(&mut found, shown, rules, 0);
            // Back to the input, all in one pass over the text. The same rule
            // may match in both texts: the spans are merged below.
            let mut ends: Vec<usize> = found.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
            ends.sort_unstable();
            ends.dedup();
            let raw = offsets_before_collapse(text, &ends);
            let back = |o: usize| {
                let k = ends.binary_search(&o).ok();
                span.start + k.and_then(|k| raw.get(k)).map_or(text.len(), |&o| o)
            };
            spans.extend(found.into_iter().map(|(s, i)| {
                let s = Span {
                    start: back(s.start),
                    end: back(s.end),
                };
                (s, i)
            }));
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
            return Verdict::Keep;
        }
        if !uncovered_text(text, span.start, &merged) {
            return Verdict::Drop(Reason::Rule(merged[0].1));
        }
        // What is left once the inline spans are gone is what the body shows, and
        // what a second cleaning would judge: if a block rule takes it, it goes
        // now (`Leave a Reply [x](url)` is a comment form once `(url)` is gone).
        let left = residual(input, span, &merged);
        let left_features = Features {
            words: crate::features::count(crate::words::count(&left)),
            chars: crate::features::count(left.chars().count()),
            link_chars: 0,
            terminal: terminal(&left),
            ..features.clone()
        };
        if let (Some(i), ..) = self.matching_rules(&left, &left, &left_features, scratch) {
            return self.block_verdict(i, marker, || MetaMatch {
                rule: i,
                value: span,
                credit: None,
            });
        }
        Verdict::Inline(Box::new(merged))
    }

    /// The first block rule (in priority order) whose guards and pattern match
    /// `text`, the inline rules that match it, and the kinds of form vocabulary
    /// whose literals `scan` holds (bit `k` for `form::PATTERNS[k]`). The
    /// prefilter scans `scan`, which is `text` or contains it.
    fn matching_rules(
        &self,
        scan: &str,
        text: &str,
        features: &Features,
        scratch: &mut Scratch,
    ) -> (Option<usize>, Vec<usize>, u8) {
        let candidates = &mut scratch.candidates;
        self.prefilter
            .candidates(scan, &mut scratch.seen, candidates);
        let n = self.pieces.len();
        let first_kind = candidates.partition_point(|&p| p < n);
        let kinds = candidates[first_kind..]
            .iter()
            .fold(0, |mask, &p| mask | 1 << (p - n));
        candidates.truncate(first_kind);
        if !self.feature_pieces.is_empty() {
            candidates.extend_from_slice(&self.feature_pieces);
            candidates.sort_unstable();
        }
        let mut inline = Vec::new();
        // Pieces come in rule order; a rule split into parts matches when one
        // of its parts does.
        for &p in candidates.iter() {
            let i = self.pieces[p].rule;
            let rule = &self.rules[i];
            if !rule.guards_pass(features) || !self.piece_matches(p, text, &mut scratch.caches) {
                continue;
            }
            match rule.action {
                Action::DropSpan => inline.push(i),
                _ => return (Some(i), inline, kinds),
            }
        }
        (None, inline, kinds)
    }

    /// Adds to `spans` where inline rules `rules` match `searched`, which
    /// starts at `base`.
    fn push_inline_spans(
        &self,
        spans: &mut Vec<(Span, usize)>,
        searched: &str,
        rules: &[usize],
        base: usize,
    ) {
        for &i in rules {
            let Some(Compiled::Full(regex)) = self.compiled(i) else {
                continue;
            };
            let mut push = |m: regex::Match<'_>| {
                if !m.is_empty() {
                    let s = Span {
                        start: base + m.start(),
                        end: base + m.end(),
                    };
                    spans.push((s, i));
                }
            };
            if regex.captures_len() > 1 {
                // Capture groups name the parts to remove.
                for caps in regex.captures_iter(searched) {
                    caps.iter().skip(1).flatten().for_each(&mut push);
                }
            } else {
                regex.find_iter(searched).for_each(push);
            }
        }
    }

    /// A unit no block rule takes (at `span`: after its list marker, if any;
    /// `inline`: the inline rules that matched it) that has whitespace to
    /// collapse, judged again as the body will show it, with its whitespace
    /// collapsed: that is the text a second cleaning reads, so a block rule
    /// that takes it there takes it now (`Leave a Reply` with a tail short
    /// enough only once its runs of spaces are one, a promotion whose phrase
    /// a line break splits), and an inline rule that matches there (a
    /// Markdown link whose text a line break splits) removes its spans now,
    /// with those of `inline`. [`Engine::judge`] checks for the whitespace
    /// first: out of line, this costs the units without any (nearly all)
    /// nothing.
    #[inline(never)]
    fn judge_as_shown(
        &self,
        input: &str,
        span: Span,
        inline: &[usize],
        marker: usize,
        features: &Features,
        scratch: &mut Scratch,
    ) -> Verdict {
        let text = span.slice(input);
        // Owned in fact: the text has whitespace to collapse, and units are
        // trimmed.
        let shown = collapse_whitespace(text).into_owned();
        // The features stay: what guards read (words, how the unit ends,
        // whether it is a whole line or repeated) does not change with the
        // whitespace.
        let (block, shown_inline, shown_kinds) =
            self.matching_rules(&shown, &shown, features, scratch);
        // The form detector reads the line as the body shows it too.
        if let Some(kinds) = scratch.form_kinds.last_mut() {
            *kinds |= shown_kinds;
        }
        let Some(i) = block else {
            if inline.is_empty() && shown_inline.is_empty() {
                return Verdict::Keep;
            }
            let shown = Some((shown.as_str(), shown_inline.as_slice()));
            return self.inline_verdict(input, span, inline, shown, marker, features, scratch);
        };
        self.block_verdict(i, marker, || {
            let whole = Span {
                start: 0,
                end: shown.len(),
            };
            let m = self.meta_match(i, &shown, whole, &mut scratch.caches);
            // Back to the input: `m`'s spans are offsets into `shown`.
            let back = |s: Span| Span {
                start: span.start + offset_before_collapse(text, s.start),
                end: span.start + offset_before_collapse(text, s.end),
            };
            MetaMatch {
                rule: m.rule,
                value: back(m.value),
                credit: m.credit.map(back),
            }
        })
    }

    /// The verdict of block rule `i` on a unit (`marker`: the length of its list
    /// marker; `meta`: where its metadata value is).
    fn block_verdict(&self, i: usize, marker: usize, meta: impl FnOnce() -> MetaMatch) -> Verdict {
        match self.rules[i].action {
            // A "Comments" link in a menu does not open a comment section.
            Action::DropToEnd | Action::ClosesArticle if marker > 0 => {
                Verdict::Drop(Reason::Rule(i))
            }
            Action::DropToEnd => Verdict::ToEnd(i),
            Action::ClosesArticle => Verdict::Closes(i),
            Action::Metadata(_) => Verdict::Meta(Box::new(meta())),
            Action::DropBlock | Action::DropSpan => Verdict::Drop(Reason::Rule(i)),
        }
    }

    /// Where a metadata rule's named groups matched inside the unit.
    fn meta_match(&self, rule: usize, text: &str, span: Span, caches: &mut Caches) -> MetaMatch {
        let [value, value2, credit] = match self.compiled(rule) {
            Some(Compiled::Full(regex)) => {
                let caps = regex.captures(text);
                META_GROUPS.map(|name| Some(caps.as_ref()?.name(name)?.range()))
            }
            // No groups (`metadata.contributors`): the value is the unit.
            Some(Compiled::Lean(matcher)) if matcher.groups() == 0 => [None, None, None],
            Some(Compiled::Lean(matcher)) => {
                let caps = matcher.captures(cache(caches, rule, matcher), text);
                META_GROUPS.map(|name| Some(caps.as_ref()?.get_group_by_name(name)?.range()))
            }
            None => [None, None, None],
        };
        let at = |m: std::ops::Range<usize>| Span {
            start: span.start + m.start,
            end: span.start + m.end,
        };
        MetaMatch {
            rule,
            value: value.or(value2).map_or(span, at),
            credit: credit.map(at),
        }
    }
}

/// True when `pattern` can match empty text with no assertion to satisfy
/// (`a*`, `(?:)`, `x?|y`): then it matches at the start of every line.
fn matches_every_line(pattern: &str) -> bool {
    regex_syntax::parse(pattern).is_ok_and(|hir| {
        let props = hir.properties();
        props.minimum_len() == Some(0) && props.look_set().is_empty()
    })
}

/// The text of `span` without the removed `spans`, as the body will show it:
/// whitespace collapsed, and a space only where the input had one around a
/// removed piece.
pub(crate) fn residual<'a>(input: &'a str, span: Span, spans: &[(Span, usize)]) -> Cow<'a, str> {
    let mut pieces = Vec::with_capacity(spans.len() + 1);
    let mut pos = span.start;
    for (s, _) in spans {
        push_piece(&mut pieces, input, pos, s.start);
        pos = s.end;
    }
    push_piece(&mut pieces, input, pos, span.end);
    join_pieces(input, &pieces)
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

    /// Warming up compiles every pattern rule, also from several threads at once.
    #[test]
    fn warm_up_compiles_every_rule() {
        let engine = Engine::new(builtin_rules().cloned().collect()).unwrap();
        assert!(engine.regexes.iter().any(|cell| cell.get().is_none()));
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| engine.warm_up());
            }
        });
        for piece in &engine.pieces {
            let rule = &engine.rules[piece.rule];
            let compiled = match &piece.part {
                Some(part) => part.matcher.get().is_some_and(Option::is_some),
                None => engine.regexes[piece.rule]
                    .get()
                    .is_some_and(Option::is_some),
            };
            assert_eq!(compiled, rule.pattern.is_some(), "{}", rule.id);
        }
    }

    /// A rule split into the alternatives of its pattern matches exactly where
    /// its regex does (prefilter included): on every line of the fixtures and
    /// every sentence of their run-on lines.
    #[test]
    fn split_rules_match_where_their_regex_does() {
        let engine = Engine::new(builtin_rules().cloned().collect()).unwrap();
        let split: Vec<(usize, Regex)> = engine
            .rules
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                engine
                    .pieces
                    .iter()
                    .any(|p| p.rule == *i && p.part.is_some())
            })
            .map(|(i, r)| (i, Regex::new(r.pattern().unwrap()).unwrap()))
            .collect();
        for id in ["prompt.newsletter_pitch", "prompt.form_message"] {
            assert!(split.iter().any(|(i, _)| engine.rules[*i].id == id), "{id}");
        }
        let texts = crate::rules::testing::fixture_texts();
        let mut scratch = engine.scratch();
        let (mut units, mut matched) = (0, 0);
        let lines = texts.iter().flat_map(|t| t.lines());
        for unit in lines
            .clone()
            .chain(lines.flat_map(|l| l.split_inclusive(". ")))
        {
            let unit = unit.trim();
            units += 1;
            let mut candidates = Vec::new();
            engine
                .prefilter
                .candidates(unit, &mut scratch.seen, &mut candidates);
            candidates.retain(|&p| p < engine.pieces.len());
            for (i, regex) in &split {
                let got = candidates.iter().any(|&p| {
                    engine.pieces[p].rule == *i
                        && engine.piece_matches(p, unit, &mut scratch.caches)
                });
                assert_eq!(
                    got,
                    regex.is_match(unit),
                    "{} on {unit:?}",
                    engine.rules[*i].id
                );
                matched += usize::from(got);
            }
        }
        assert!(
            units > 100 && matched > 10,
            "{units} units, {matched} matches"
        );
    }

    /// The engine's scan finds the literals of every kind of form vocabulary
    /// that matches a line, list marker and all.
    #[test]
    fn the_scan_flags_every_form_kind_that_matches() {
        let engine = Engine::new(builtin_rules().cloned().collect()).unwrap();
        let regexes: Vec<Regex> = form::PATTERNS
            .iter()
            .map(|p| Regex::new(p).unwrap())
            .collect();
        let mut scratch = engine.scratch();
        let mut lines = vec![
            "Password".to_string(),
            "* Passwort vergessen?".to_string(),
            "- Remember me".to_string(),
            "o Sign in".to_string(),
            // Phrases that whitespace other than one space splits: the scan
            // reads them as the body shows them.
            "Remember  me".to_string(),
            "Email\u{a0}address".to_string(),
            "Sign\tin".to_string(),
            "Mot  de passe".to_string(),
            "Keep me\u{a0}signed in".to_string(),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(path).expect("UTF-8 fixture");
                lines.extend(text.lines().map(|l| l.trim().to_string()));
            }
        }
        let mut found = 0;
        for line in &lines {
            let span = Span {
                start: 0,
                end: line.len(),
            };
            let features = crate::features::compute(line, &crate::segment::segment(line)).0;
            let Some(f) = features.first() else {
                continue;
            };
            scratch.form_kinds.clear();
            engine.judge(line, span, f, &mut scratch);
            let shown = collapse_whitespace(line);
            for (k, regex) in regexes.iter().enumerate() {
                if regex.is_match(line) || regex.is_match(&shown) {
                    found += 1;
                    assert!(
                        scratch.form_kinds[0] & (1 << k) != 0,
                        "kind {k} on {line:?}"
                    );
                }
            }
        }
        assert!(found >= 4, "{found}");
    }

    #[test]
    fn residual_is_the_text_the_body_shows() {
        let input = "Leave a Reply (( READ MORE : Storm , and the text goes on .";
        let removed = Span { start: 17, end: 37 };
        assert_eq!(&input[17..37], "READ MORE : Storm , ");
        let span = Span {
            start: 0,
            end: input.len(),
        };
        assert_eq!(
            residual(input, span, &[(removed, 0)]),
            "Leave a Reply (( and the text goes on ."
        );
        let link = "See [the report](https://example.org/x).";
        let target = Span { start: 16, end: 39 };
        assert_eq!(&link[16..39], "(https://example.org/x)");
        let whole = Span {
            start: 0,
            end: link.len(),
        };
        assert_eq!(residual(link, whole, &[(target, 0)]), "See [the report].");
    }

    #[test]
    fn a_line_that_is_boilerplate_once_its_inline_parts_go_is_dropped() {
        let text = "Headline of the story here\n\nThe lead paragraph of the story, long enough to count as body text for the tail rules.\n\nFacebook [x](https://example.org/share?u=https://example.org/a/long/story/url/here)\n\nThe closing paragraph stays.";
        let article = crate::clean(text);
        assert!(!article.body.contains("Facebook"), "{}", article.body);
        assert!(
            article.removed.iter().any(|r| r.rule == "share.network"),
            "{:?}",
            article.removed
        );
    }

    /// A line no rule takes as the input has it, but one does as the body
    /// shows it (whitespace collapsed), is taken now: else cleaning the body
    /// again would find it. Prose with the same whitespace stays.
    #[test]
    fn a_line_is_judged_as_the_body_shows_it() {
        let lead = "The lead paragraph of the story, long enough to count as body text for the tail rules.";
        let prose = "The council approved the plan on Tuesday,  and the mayor said\tthe work would start in the spring.";
        // 41 characters after the heading, 39 once the two double spaces are one.
        let reply = "Leave a Reply AAA.Aa.a.A.AA .A.,,AA,  Aaa aaAAA  AA,a.";
        let promo = "Get the magazine delivered every month. 12\u{a0}issues for £11.99.";
        let date = "First   Published:  Saturday, September 23,  2017 03:18 AM";
        let text = format!(
            "Headline here\n\n{date}\n\n{lead}\n\n{prose}\n\n{promo}\n\n{reply}\n\nGreat article!"
        );
        let article = crate::clean(&text);
        assert_eq!(
            article.body,
            format!("{lead}\n\n{}", prose.replace("  ", " ").replace('\t', " "))
        );
        let rules: Vec<&str> = article.removed.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(
            rules,
            [
                "metadata.first_published",
                "promo.click_here",
                "comments.wordpress.leave_reply",
                "comments.wordpress.leave_reply"
            ]
        );
        // The date found in the collapsed text is where the input has it.
        assert_eq!(
            article.metadata.published.as_deref(),
            Some("Saturday, September 23, 2017 03:18 AM")
        );
        assert_eq!(article.removed[0].text, date);
    }

    /// An inline rule that matches a unit only as the body shows it (a
    /// Markdown link whose text a hard-wrapped paragraph breaks) removes its
    /// spans now, at their places in the input.
    #[test]
    fn an_inline_rule_matches_as_the_body_shows_the_text() {
        let text = "Headline of the story\n\n\
            The council approved the plan on Tuesday, and the mayor said that the work on\n\
            the harbour would start in the spring,  as [the long report of the harbour\n\
            commission](https://example.org/report) had asked for in the autumn of last\n\
            year, and the opposition said the plan came much too late for the fishermen of\n\
            the town and their families.\n\n\
            Another paragraph of the story follows here, long enough to be body text, and\n\
            it goes on for a while so that the text looks wrapped at seventy-eight columns\n\
            like the output of html2text does for every page it converts.\n";
        let article = crate::clean(text);
        assert!(
            article.body.contains(
                "in the spring, as the long report of the harbour commission had asked for"
            ),
            "{}",
            article.body
        );
        let removed: Vec<(&str, &str)> = article
            .removed
            .iter()
            .map(|r| (r.rule.as_str(), r.text.as_ref()))
            .collect();
        assert_eq!(
            removed,
            [
                ("markup.link", "["),
                ("markup.link", "](https://example.org/report)")
            ]
        );
        for r in &article.removed {
            assert_eq!(&text[r.span.start..r.span.end], r.text);
        }
    }

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
        for pattern in ["a*", "(?:)", "x?|y", "(?i)(?:promo)*"] {
            let every = Rule::new("x.every", Category::Custom, pattern, Action::DropBlock);
            assert!(
                matches!(Engine::new(vec![every]), Err(Error::EmptyPattern { rule }) if rule == "x.every"),
                "{pattern}"
            );
        }
        // Patterns that can match nothing but do not match everything are fine,
        // and so is an inline rule, whose empty matches remove nothing.
        for (pattern, action) in [
            ("^$", Action::DropBlock),
            ("^[^A-Z]*$", Action::DropBlock),
            (r"\b", Action::DropBlock),
            ("(?i)promo", Action::DropBlock),
            ("a*", Action::DropSpan),
        ] {
            let rule = Rule::new("x.ok", Category::Custom, pattern, action);
            assert!(Engine::new(vec![rule]).is_ok(), "{pattern}");
        }
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
