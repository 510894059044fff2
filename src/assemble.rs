//! Assembly: verdicts become an [`Article`]. No rule runs here.

use std::borrow::Cow;

use crate::article::{Article, Paragraph, Removal, RuleId, Span};
use crate::engine::{Reason, Verdict};
use crate::rules::{Action, Field, Rule};
use crate::segment::Segments;
use crate::text::{collapse_whitespace, join_pieces, push_piece};

/// Builds the article from the final verdicts. It takes the segments and
/// verdicts to free them before the body is joined: on a page of millions of
/// short lines they weigh more than the text.
pub(crate) fn assemble<'a>(
    input: &'a str,
    seg: Segments,
    verdicts: Vec<Verdict>,
    rules: &[Rule],
) -> Article<'a> {
    let mut out = Builder {
        input,
        rules,
        article: Article::default(),
        last_removal_block: None,
        bare_date: None,
    };
    let mut pieces: Vec<Span> = Vec::new();
    for b in 0..seg.blocks.len() {
        pieces.clear();
        for u in seg.units_of(b) {
            let span = seg.units[u].span;
            match &verdicts[u] {
                Verdict::Keep => pieces.push(span),
                Verdict::Title => {
                    out.article.title = Some(collapse_whitespace(crate::title::title_text(
                        span.slice(input),
                    )));
                    out.article.title_span = Some(span);
                }
                Verdict::Drop(reason) => out.remove(b, *reason, span),
                Verdict::ToEnd(rule) | Verdict::Closes(rule) => {
                    out.remove(b, Reason::Rule(*rule), span)
                }
                Verdict::Meta(meta) => {
                    out.remove(b, Reason::Rule(meta.rule), span);
                    out.metadata(meta.rule, span, meta.value, meta.credit);
                }
                Verdict::Inline(spans) => {
                    let mut pos = span.start;
                    for &(s, rule) in spans.iter() {
                        push_piece(&mut pieces, input, pos, s.start);
                        out.remove(b, Reason::Rule(rule), s);
                        pos = s.end;
                    }
                    push_piece(&mut pieces, input, pos, span.end);
                }
            }
        }
        out.paragraph(&pieces);
    }
    let mut article = out.article;
    if article.metadata.published.is_none() {
        article.metadata.published = out.bare_date;
    }
    drop((seg, verdicts));
    article.body = join_paragraphs(&article.paragraphs);
    article
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
    /// Block of the last removal, so removals of one block by one rule merge.
    last_removal_block: Option<usize>,
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

    fn remove(&mut self, block: usize, reason: Reason, span: Span) {
        let (rule, category) = self.reason(reason);
        if self.last_removal_block == Some(block) {
            if let Some(last) = self.article.removed.last_mut() {
                if last.rule == rule && self.input[last.span.end..span.start].trim().is_empty() {
                    last.span.end = span.end;
                    last.text = Cow::Borrowed(last.span.slice(self.input));
                    return;
                }
            }
        }
        self.last_removal_block = Some(block);
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
