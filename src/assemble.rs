//! Assembly: verdicts become an [`Article`]. No rule runs here.

use std::borrow::Cow;

use crate::article::{Article, Paragraph, Removal, RuleId, Span};
use crate::engine::{MetaMatch, Reason, Verdict};
use crate::rules::{Action, Field, Rule};
use crate::segment::Segments;
use crate::text::{collapse_whitespace, join_pieces, push_piece};

/// Builds the article from the final verdicts.
///
/// It takes the segments and verdicts to free them as it goes: on a page of
/// millions of short lines they weigh more than the text, and the removal
/// records that replace them weigh more still. So the blocks are walked from
/// the last to the first, each block's units and verdicts are cut off the end
/// of their vectors once read (the vectors shrink as they empty), and the
/// removals and paragraphs, built backwards one block at a time, are turned
/// round at the end. A block's own pieces are still read in input order, and
/// removals merge only within a block, so the result is the same as a forward
/// walk. Metadata lines are rare and order-sensitive (the first date wins):
/// they are set aside and applied in input order after the walk.
pub(crate) fn assemble<'a>(
    input: &'a str,
    mut seg: Segments,
    mut verdicts: Vec<Verdict>,
    rules: &[Rule],
) -> Article<'a> {
    let mut out = Builder {
        input,
        rules,
        article: Article::default(),
        block_removals: 0,
        bare_date: None,
    };
    // Room for the removals up front, rather than grown (and copied) a
    // doubling at a time: at most one per removed unit or inline span.
    // Capped, so a page of millions of removed lines does not hold all of
    // theirs while its units are still there (past the cap they grow as
    // before, to the same capacity).
    let most_removals: usize = verdicts
        .iter()
        .map(|v| match v {
            Verdict::Keep | Verdict::Title => 0,
            Verdict::Inline(spans) => spans.len(),
            _ => 1,
        })
        .sum();
    out.article
        .removed
        .reserve(most_removals.min(REMOVALS_RESERVED_MAX));
    let mut pieces: Vec<Span> = Vec::new();
    // Metadata matches with their units' spans, built backwards like the removals.
    let mut metas: Vec<(Box<MetaMatch>, Span)> = Vec::new();
    for b in (0..seg.blocks.len()).rev() {
        pieces.clear();
        let units = seg.units_of(b);
        out.block_removals = out.article.removed.len();
        let metas_start = metas.len();
        let block_verdicts = verdicts.drain(units.start.min(verdicts.len())..);
        let block_units = seg.units.get(units.clone()).unwrap_or_default();
        for (unit, verdict) in block_units.iter().zip(block_verdicts) {
            let span = unit.span;
            match verdict {
                Verdict::Keep => pieces.push(span),
                // The last title in input order is the first one met here.
                Verdict::Title if out.article.title.is_none() => {
                    out.article.title = Some(collapse_whitespace(crate::title::title_text(
                        span.slice(input),
                    )));
                    out.article.title_span = Some(span);
                }
                Verdict::Title => {}
                Verdict::Drop(reason) => out.remove(reason, span),
                Verdict::ToEnd(rule) | Verdict::Closes(rule) => {
                    out.remove(Reason::Rule(rule), span)
                }
                Verdict::Meta(meta) => {
                    out.remove(Reason::Rule(meta.rule), span);
                    metas.push((meta, span));
                }
                Verdict::Inline(spans) => {
                    let mut pos = span.start;
                    for &(s, rule) in spans.iter() {
                        push_piece(&mut pieces, input, pos, s.start);
                        out.remove(Reason::Rule(rule), s);
                        pos = s.end;
                    }
                    push_piece(&mut pieces, input, pos, span.end);
                }
            }
        }
        out.paragraph(&pieces);
        // This block's removals and metadata went on in input order: turn them
        // round like everything before them.
        out.article.removed[out.block_removals..].reverse();
        metas[metas_start..].reverse();
        seg.units.truncate(units.start);
        seg.blocks.truncate(b);
        release_half_empty(&mut seg.units);
        release_half_empty(&mut verdicts);
        release_half_empty(&mut seg.blocks);
    }
    drop((seg, verdicts));
    out.article.removed.reverse();
    out.article.paragraphs.reverse();
    for (meta, span) in metas.into_iter().rev() {
        out.metadata(meta.rule, span, meta.value, meta.credit);
    }
    let mut article = out.article;
    if article.metadata.published.is_none() {
        article.metadata.published = out.bare_date;
    }
    article.body = join_paragraphs(&article.paragraphs);
    article
}

/// Most removal records [`assemble`] makes room for before it starts (4.5 MiB
/// of them, a power of two, so that a longer list grows to the capacity it
/// would have reached from nothing).
const REMOVALS_RESERVED_MAX: usize = 1 << 16;

/// Gives back the spare half of a vector that [`assemble`] has read half of,
/// so its memory goes back while the removals grow. Halving each time keeps
/// the copying (where the allocator cannot shrink in place) linear.
fn release_half_empty<T>(v: &mut Vec<T>) {
    const MIN_CAPACITY: usize = 1 << 12;
    if v.capacity() >= MIN_CAPACITY && v.len() <= v.capacity() / 2 {
        v.shrink_to_fit();
    }
}

pub(crate) fn join_paragraphs(paragraphs: &[Paragraph<'_>]) -> String {
    let len = paragraphs.iter().map(|p| p.text.len() + 2).sum();
    let mut body = String::with_capacity(len);
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            body.push_str("\n\n");
        }
        body.push_str(&p.text);
    }
    body
}

struct Builder<'a, 'r> {
    input: &'a str,
    rules: &'r [Rule],
    article: Article<'a>,
    /// Where the current block's removals start in `article.removed`: a
    /// removal merges into the one before it only within one block.
    block_removals: usize,
    /// The first bare date, used when no labelled publication date is found.
    bare_date: Option<Cow<'a, str>>,
}

impl<'a> Builder<'a, '_> {
    fn reason(&self, reason: Reason) -> (RuleId, crate::Category) {
        match reason {
            Reason::Rule(i) => (self.rules[i].id.clone(), self.rules[i].category),
            Reason::Context(decision) => (RuleId::from_static(decision.id), decision.category),
        }
    }

    fn remove(&mut self, reason: Reason, span: Span) {
        let (rule, category) = self.reason(reason);
        if self.article.removed.len() > self.block_removals
            && let Some(last) = self.article.removed.last_mut()
            && last.rule == rule
            && self.input[last.span.end..span.start].trim().is_empty()
        {
            last.span.end = span.end;
            last.text = Cow::Borrowed(last.span.slice(self.input));
            return;
        }
        self.article.removed.push(Removal {
            rule,
            category,
            span,
            text: Cow::Borrowed(span.slice(self.input)),
        });
    }

    fn metadata(&mut self, rule: usize, unit: Span, value: Span, credit: Option<Span>) {
        let Action::Metadata(field) = self.rules[rule].action else {
            return;
        };
        let value = collapse_whitespace(value.slice(self.input));
        let m = &mut self.article.metadata;
        match field {
            Field::Published => {
                m.published.get_or_insert(value);
            }
            Field::Updated => {
                m.updated.get_or_insert(value);
            }
            Field::Byline => {
                m.byline.get_or_insert(value);
            }
            Field::Date => {
                self.bare_date.get_or_insert(value);
            }
            Field::Caption => {
                m.captions.push(collapse_whitespace(unit.slice(self.input)));
                m.credits
                    .extend(credit.map(|c| collapse_whitespace(c.slice(self.input))));
            }
            Field::Credit => m.credits.push(value),
            Field::Tags => {
                let tags = value
                    .split([',', ';', '|'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty());
                m.tags.extend(tags.map(|t| Cow::Owned(t.to_string())));
            }
        }
    }

    fn paragraph(&mut self, pieces: &[Span]) {
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return;
        };
        let text = join_pieces(self.input, pieces);
        self.article.paragraphs.push(Paragraph {
            text,
            span: Span {
                start: first.start,
                end: last.end,
            },
        });
    }
}
