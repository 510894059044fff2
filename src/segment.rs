//! Segmentation: the input becomes blocks (lines) and units (what rules look at).
//!
//! A block is one non-blank line, trimmed. A block longer than [`LONG_BLOCK_BYTES`] is a run-on dump, so it
//! is split into sentences with Unicode sentence bounds and each sentence becomes a
//! unit; every other block is a single unit. All positions are byte spans into the
//! input: nothing is copied here.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Span;
use crate::text::trim_range;

/// A block longer than this many bytes is split into sentences. Ordinary article
/// paragraphs stay well below it; scraper dumps that join a whole page into one
/// line (sample 003) are far above it.
pub(crate) const LONG_BLOCK_BYTES: usize = 1500;

/// One non-blank line of the input.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The trimmed line.
    pub span: Span,
    /// Its units, as indices into [`Segments::units`].
    pub units: Range<usize>,
}

/// A block, or one sentence of a long block.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// The trimmed text.
    pub span: Span,
    /// The block it belongs to.
    pub block: usize,
}

/// The segmented input.
#[derive(Debug, Default)]
pub(crate) struct Segments {
    pub blocks: Vec<Block>,
    pub units: Vec<Unit>,
}

impl Segments {
    /// True when this block was split into several sentence units.
    pub fn is_split(&self, block: usize) -> bool {
        self.blocks[block].units.len() > 1
    }
}

/// Splits `input` into blocks and units. Handles `\n` and `\r\n` line ends.
pub(crate) fn segment(input: &str) -> Segments {
    let mut seg = Segments::default();
    let mut line_start = 0;
    for line in input.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let (start, end) = trim_range(input, line_start, line_end);
        if start < end {
            push_block(&mut seg, input, Span { start, end });
        }
        line_start = line_end;
    }
    seg
}

fn push_block(seg: &mut Segments, input: &str, span: Span) {
    let block = seg.blocks.len();
    let first = seg.units.len();
    if span.end - span.start > LONG_BLOCK_BYTES {
        let text = span.slice(input);
        for (offset, sentence) in text.split_sentence_bound_indices() {
            let (start, end) = trim_range(
                input,
                span.start + offset,
                span.start + offset + sentence.len(),
            );
            if start < end {
                seg.units.push(Unit {
                    span: Span { start, end },
                    block,
                });
            }
        }
    } else {
        seg.units.push(Unit { span, block });
    }
    seg.blocks.push(Block {
        span,
        units: first..seg.units.len(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<&str> {
        segment(input)
            .units
            .iter()
            .map(|u| u.span.slice(input))
            .collect()
    }

    #[test]
    fn lines_become_blocks() {
        let input = "Title\r\n\r\nFirst para.\nSecond line\n\n\n  Third.  ";
        assert_eq!(
            texts(input),
            ["Title", "First para.", "Second line", "Third."]
        );
    }

    #[test]
    fn empty_and_blank_inputs_have_no_blocks() {
        assert!(segment("").blocks.is_empty());
        assert!(segment(" \n\t\r\n ").blocks.is_empty());
    }

    #[test]
    fn long_lines_split_into_sentences() {
        let sentence = "This is a sentence of a long run-on dump. ";
        let input = sentence.repeat(LONG_BLOCK_BYTES / sentence.len() + 2);
        let seg = segment(&input);
        assert_eq!(seg.blocks.len(), 1);
        assert!(seg.is_split(0));
        assert!(texts(&input).iter().all(|t| *t == sentence.trim()));
    }

    #[test]
    fn short_lines_are_one_unit() {
        let seg = segment("One. Two. Three.");
        assert_eq!(seg.units.len(), 1);
        assert!(!seg.is_split(0));
    }
}
