//! Segmentation: the input becomes blocks (lines) and units (what rules look at).
//!
//! A block is one non-blank line, trimmed — except in hard-wrapped text (Markdown
//! dumps wrapped at ~78 columns), where the lines of one paragraph are joined back
//! into one block. A block longer than [`LONG_BLOCK_BYTES`] is a run-on dump, so it
//! is split into sentences with Unicode sentence bounds and each sentence becomes a
//! unit; every other block is a single unit. All positions are byte spans into the
//! input: nothing is copied here.

use std::ops::Range;

use crate::article::Span;
use crate::sentences::for_each_sentence;
use crate::text::trim_range;

/// A block longer than this many bytes is split into sentences. Ordinary article
/// paragraphs stay well below it; scraper dumps that join a whole page into one
/// line (sample 003) are far above it.
pub(crate) const LONG_BLOCK_BYTES: usize = 1500;

/// A text counts as hard-wrapped when at least this share of its lines of
/// [`WRAP_MIN_CHARS`] characters or more are at most [`WRAP_MAX_CHARS`] long.
pub(crate) const WRAPPED_SHARE: f64 = 0.9;

/// In hard-wrapped text, a line at least this long was probably broken because it
/// was full, so the next line continues its paragraph.
pub(crate) const WRAP_MIN_CHARS: usize = 55;

/// A text is hard-wrapped only when at least this share of its full lines that
/// are followed by another line were broken because the next word did not fit.
pub(crate) const WRAP_BROKEN_SHARE: f64 = 0.6;

/// The narrowest wrap column we recognise (converters wrap at 72–80).
pub(crate) const WRAP_MIN_COLUMN: usize = 70;

/// The widest wrap column we recognise (html2text wraps at 78).
pub(crate) const WRAP_MAX_CHARS: usize = 80;

/// A text needs at least this many lines of [`WRAP_MIN_CHARS`] or more before it
/// is judged hard-wrapped.
pub(crate) const WRAP_MIN_LINES: usize = 5;

/// A paragraph (lines with no blank line between them) of a text that is not
/// hard-wrapped as a whole counts as hard-wrapped on its own (a `<pre>` block,
/// a quoted e-mail, a plain-text post on a page of menus) when it has at least
/// this many lines …
pub(crate) const LOCAL_WRAP_MIN_LINES: usize = 3;

/// … its longest line, the wrap column, has at least this many characters (a
/// narrower column is a list of labels) and at most [`WRAP_MAX_CHARS`] …
pub(crate) const LOCAL_WRAP_MIN_COLUMN: usize = 40;

/// … a line is full (broken for lack of room) when it reaches this share of
/// the column and the next line's first word would not have fitted …
pub(crate) const LOCAL_WRAP_FULL_SHARE: f64 = 0.75;

/// … at least this many full lines are followed by another line …
pub(crate) const LOCAL_WRAP_MIN_PAIRS: usize = 2;

/// … and at least this share of them go on mid-sentence: the line does not end
/// like a sentence and the next one starts in lower case. A list of headlines
/// or menu entries of similar length starts every line with a capital.
pub(crate) const LOCAL_WRAP_CONTINUED_SHARE: f64 = 0.5;

/// One non-blank line of the input, or one hard-wrapped paragraph.
///
/// It stores only where its units end: a page can have millions of blocks.
/// Its text runs from its first unit's start to its last unit's end (see
/// [`Segments::block_span`]), as the sentences of a split block cover it and
/// the block is trimmed.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The end of its units in [`Segments::units`]: they start where the
    /// previous block's end (see [`Segments::units_of`]).
    units_end: usize,
}

/// A block, or one sentence of a long block.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// The trimmed text. (Its block is the one whose `units` hold it: a unit
    /// stores nothing else, as a page can have millions.)
    pub span: Span,
}

/// The segmented input.
#[derive(Debug, Default)]
pub(crate) struct Segments {
    pub blocks: Vec<Block>,
    pub units: Vec<Unit>,
}

impl Segments {
    /// The units of `block`, as indices into [`Segments::units`].
    pub fn units_of(&self, block: usize) -> Range<usize> {
        let start = match block.checked_sub(1) {
            Some(previous) => self.blocks.get(previous).map_or(0, |b| b.units_end),
            None => 0,
        };
        start..self.blocks.get(block).map_or(start, |b| b.units_end)
    }

    /// The trimmed line (or lines, in hard-wrapped text) of `block`.
    pub fn block_span(&self, block: usize) -> Option<Span> {
        let units = self.units.get(self.units_of(block))?;
        Some(Span {
            start: units.first()?.span.start,
            end: units.last()?.span.end,
        })
    }

    /// True when this block was split into several sentence units.
    pub fn is_split(&self, block: usize) -> bool {
        self.units_of(block).len() > 1
    }
}

/// Splits `input` into blocks and units. Handles `\n` and `\r\n` line ends.
pub(crate) fn segment(input: &str) -> Segments {
    let lines = lines(input);
    let wrap = wrap_column(input, &lines);
    // Without a wrap column for the whole text, a paragraph may have its own.
    let local = match wrap {
        Some(_) => Vec::new(),
        None => local_wrap_columns(input, &lines),
    };
    let mut seg = Segments::default();
    let mut open: Option<Span> = None;
    let mut prev: Option<Span> = None;
    for (n, line) in lines.into_iter().enumerate() {
        let wrap = wrap
            .map(|w| (w, WRAP_MIN_CHARS))
            .or_else(|| local.get(n).copied().flatten().map(|w| (w, full_chars(w))));
        let Some(span) = line else {
            if let Some(block) = open.take() {
                push_block(&mut seg, input, block);
            }
            prev = None;
            continue;
        };
        match (open.as_mut(), prev) {
            (Some(block), Some(p))
                if wrap.is_some_and(|(w, min)| continues(input, p, span, w, min)) =>
            {
                block.end = span.end
            }
            _ => {
                if let Some(block) = open.replace(span) {
                    push_block(&mut seg, input, block);
                }
            }
        }
        prev = Some(span);
    }
    if let Some(block) = open {
        push_block(&mut seg, input, block);
    }
    seg
}

/// Each line's trimmed span, `None` for a blank line.
///
/// Line breaks are found with `memchr`, many bytes at a time (the standard
/// library's search behind `split_inclusive` reads a word at a time).
fn lines(input: &str) -> Vec<Option<Span>> {
    // One more than the line breaks: counted first (a fast pass), so the
    // list is made once at its size.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', input.as_bytes()).count() + 1);
    let mut line_start = 0;
    let ends = memchr::memchr_iter(b'\n', input.as_bytes()).map(|newline| newline + 1);
    // The text after the last line break, if any, is a line too.
    let last = (!input.ends_with('\n') && !input.is_empty()).then_some(input.len());
    for line_end in ends.chain(last) {
        let (start, end) = trim_range(input, line_start, line_end);
        out.push((start < end).then_some(Span { start, end }));
        line_start = line_end;
    }
    out
}

/// `span`'s length in characters, exact up to [`WRAP_MAX_CHARS`]: every use
/// compares it with a column no wider. A span of more than four bytes a
/// character for that (a paragraph on one line) has more, uncounted.
fn char_len(input: &str, span: Span) -> usize {
    let bytes = span.end.saturating_sub(span.start);
    if bytes > MAX_UTF8_BYTES * WRAP_MAX_CHARS {
        return bytes / MAX_UTF8_BYTES;
    }
    span.slice(input).chars().count()
}

/// The longest UTF-8 encoding of a character, in bytes.
const MAX_UTF8_BYTES: usize = 4;

/// `span`'s length in characters when it has at least `min` of them, else
/// `None`. A span of fewer than `min` bytes (most lines) has fewer than `min`
/// characters, too, and is not counted.
fn char_len_at_least(input: &str, span: Span, min: usize) -> Option<usize> {
    if span.end - span.start < min {
        return None;
    }
    Some(char_len(input, span)).filter(|&n| n >= min)
}

/// The wrap column of hard-wrapped text, or `None` when the text is not wrapped.
///
/// Wrapped when the long lines stop at or before [`WRAP_MAX_CHARS`] and a line
/// that is followed by another was mostly broken because the next line's first
/// word would not have fit: the test that tells a wrapped paragraph from a list
/// of headlines of similar length.
fn wrap_column(input: &str, lines: &[Option<Span>]) -> Option<usize> {
    let (mut long, mut within, mut width) = (0usize, 0usize, 0usize);
    for span in lines.iter().flatten() {
        if let Some(n) = char_len_at_least(input, *span, WRAP_MIN_CHARS) {
            long += 1;
            if n <= WRAP_MAX_CHARS {
                within += 1;
                width = width.max(n);
            }
        }
    }
    if long < WRAP_MIN_LINES
        || (within as f64) < WRAPPED_SHARE * long as f64
        || width < WRAP_MIN_COLUMN
    {
        return None;
    }
    let (mut pairs, mut broken) = (0usize, 0usize);
    for pair in lines.windows(2) {
        if let [Some(prev), Some(next)] = *pair {
            let n = char_len_at_least(input, prev, WRAP_MIN_CHARS);
            if n.is_some_and(|n| n <= WRAP_MAX_CHARS) {
                pairs += 1;
                broken += usize::from(word_did_not_fit(input, prev, next, width));
            }
        }
    }
    (pairs > 0 && broken as f64 >= WRAP_BROKEN_SHARE * pairs as f64).then_some(width)
}

/// A line of a locally wrapped paragraph with column `width` is full from this
/// many characters on (see [`LOCAL_WRAP_FULL_SHARE`]).
fn full_chars(width: usize) -> usize {
    (LOCAL_WRAP_FULL_SHARE * width as f64).ceil() as usize
}

/// For each line: the wrap column of its paragraph when the paragraph is
/// hard-wrapped on its own (see [`LOCAL_WRAP_MIN_LINES`] and the constants
/// after it), else `None`. Each paragraph is looked at twice: linear.
fn local_wrap_columns(input: &str, lines: &[Option<Span>]) -> Vec<Option<usize>> {
    let mut out = vec![None; lines.len()];
    // One buffer for every paragraph's lines.
    let mut para = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| lines[i].is_none())
            .unwrap_or(lines.len());
        // No blank line in between: the paragraph has `end - start` lines.
        if end - start >= LOCAL_WRAP_MIN_LINES {
            para.clear();
            para.extend(lines[start..end].iter().flatten().copied());
            if let Some(width) = local_wrap_column(input, &para) {
                out[start..end].fill(Some(width));
            }
        }
        start = end + 1;
    }
    out
}

/// The wrap column of one paragraph (its lines, no blank one among them) that
/// is hard-wrapped on its own, or `None`.
fn local_wrap_column(input: &str, para: &[Span]) -> Option<usize> {
    if para.len() < LOCAL_WRAP_MIN_LINES {
        return None;
    }
    // The widest line, among those that may reach the narrowest column: when
    // none does, the widest line is narrower than that, too.
    let width = para
        .iter()
        .filter_map(|s| char_len_at_least(input, *s, LOCAL_WRAP_MIN_COLUMN))
        .max()?;
    if width > WRAP_MAX_CHARS {
        return None;
    }
    let (mut pairs, mut continued) = (0usize, 0usize);
    for pair in para.windows(2) {
        let [prev, next] = *pair else { continue };
        if !continues(input, prev, next, width, full_chars(width)) {
            continue;
        }
        pairs += 1;
        let open = crate::features::terminal(prev.slice(input)) == crate::features::Terminal::None;
        let lower = next
            .slice(input)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        continued += usize::from(open && lower);
    }
    (pairs >= LOCAL_WRAP_MIN_PAIRS && continued as f64 >= LOCAL_WRAP_CONTINUED_SHARE * pairs as f64)
        .then_some(width)
}

/// True when `next`'s first word would have made `prev` longer than `width`.
fn word_did_not_fit(input: &str, prev: Span, next: Span, width: usize) -> bool {
    let first_word = next.slice(input).split_whitespace().next().unwrap_or("");
    char_len(input, prev) + 1 + first_word.chars().count() > width
}

/// In hard-wrapped text: does line `next` continue the paragraph of line `prev`?
/// Yes when `prev` was full (at least `min_chars` long and broken for lack of
/// room) and `next` starts no list item, heading, quote or table row.
fn continues(input: &str, prev: Span, next: Span, width: usize, min_chars: usize) -> bool {
    let text = next.slice(input);
    let starts_structure =
        text.starts_with(['*', '-', '+', '#', '>', '|', '!', '•']) || starts_numbered_item(text);
    char_len(input, prev) >= min_chars
        && word_did_not_fit(input, prev, next, width)
        && !starts_structure
        && !prev.slice(input).starts_with('#')
}

/// `1. `, `12) `: the start of a numbered list item.
fn starts_numbered_item(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < text.len() && (rest.starts_with(". ") || rest.starts_with(") "))
}

fn push_block(seg: &mut Segments, input: &str, span: Span) {
    let units_start = seg.units.len();
    if span.end - span.start > LONG_BLOCK_BYTES {
        let text = span.slice(input);
        for_each_sentence(text, |offset, sentence| {
            let (start, end) = trim_range(
                input,
                span.start + offset,
                span.start + offset + sentence.len(),
            );
            if start < end {
                seg.units.push(Unit {
                    span: Span { start, end },
                });
            }
        });
        // The sentences cover the trimmed block, so their units run from its
        // start to its end, which is how `block_span` finds it again. Should
        // they not, the block stays one unit.
        let units = &seg.units[units_start..];
        let covered = units.first().is_some_and(|u| u.span.start == span.start)
            && units.last().is_some_and(|u| u.span.end == span.end);
        if !covered {
            seg.units.truncate(units_start);
            seg.units.push(Unit { span });
        }
    } else {
        seg.units.push(Unit { span });
    }
    seg.blocks.push(Block {
        units_end: seg.units.len(),
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

    proptest::proptest! {
        /// The lines found with `memchr` are those of `split_inclusive`.
        #[test]
        fn lines_split_as_the_standard_library_does(input in "[a \n\r\u{a0}é]{0,30}") {
            let mut expected = Vec::new();
            let mut line_start = 0;
            for line in input.split_inclusive('\n') {
                let line_end = line_start + line.len();
                let (start, end) = trim_range(&input, line_start, line_end);
                expected.push((start < end).then_some(Span { start, end }));
                line_start = line_end;
            }
            proptest::prop_assert_eq!(lines(&input), expected);
        }
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
    fn hard_wrapped_paragraphs_are_rejoined() {
        let para = "This paragraph was wrapped by a Markdown converter at about seventy-\n\
                    eight columns, so each of its lines is nearly full until the very last\n\
                    one.\n\n";
        let input = format!(
            "# A heading\n\n{}  * A list item\n  * Another one\n\n{}",
            para.repeat(2),
            para
        );
        let seg = segment(&input);
        let texts: Vec<&str> = (0..seg.blocks.len())
            .map(|b| seg.block_span(b).map_or("", |s| s.slice(&input)))
            .collect();
        assert_eq!(texts.len(), 6, "{texts:#?}");
        assert!(texts[1].starts_with("This paragraph") && texts[1].ends_with("one."));
        assert_eq!(texts[3], "* A list item");
    }

    #[test]
    fn headline_lists_of_similar_length_are_not_wrapped_text() {
        let input = "Man charged with manslaughter in friend's shooting death today\n\
                     Christmas season preparations underway in San Antonio again\n\
                     SAY Sí is expanding and moving to the West Side of the city\n\
                     Texas offers programs to traumatic brain injury victims too\n\
                     Sears store at South Park Mall to close by February 2020 now\n\
                     World shares retreat on jitters over US bill on Hong Kong\n";
        assert_eq!(segment(input).blocks.len(), 6);
    }

    #[test]
    fn a_wrapped_paragraph_on_an_unwrapped_page_is_rejoined() {
        let page = "Home\nAbout us\nA line of the page that is long enough to count, but it is not wrapped at all.\n\n";
        let post = "The plain-text post was wrapped by its author at about sixty\n\
                    columns, so its lines are nearly full and the sentences go on\n\
                    from one line to the next, which starts in lower case.\n\
                    Then a new sentence starts on a line of its own here.\n\n";
        let input = format!("{page}{post}Footer\n");
        let seg = segment(&input);
        let texts: Vec<&str> = (0..seg.blocks.len())
            .map(|b| seg.block_span(b).map_or("", |s| s.slice(&input)))
            .collect();
        assert_eq!(texts.len(), 6, "{texts:#?}");
        assert!(texts[3].starts_with("The plain-text") && texts[3].ends_with("lower case."));
        assert!(texts[4].starts_with("Then a new sentence"));
    }

    #[test]
    fn short_headlines_menus_and_numbered_items_are_not_a_wrapped_paragraph() {
        // Lines of similar length that each start with a capital.
        let headlines = "Council approves the new harbour plan after two years of debate\n\
                         Storm closes the coast road for the second time this winter\n\
                         Local team wins the cup final in front of a record crowd\n\
                         New library opens its doors in the old railway station\n";
        assert_eq!(segment(headlines).blocks.len(), 4);
        // Numbered items, each full, each followed by the next item.
        let items = "1. Speak the line that the cursor moved to after the next line\n\
                     2. speak the character being deleted before it is deleted now\n\
                     3. speak the completion that was inserted into the buffer here\n";
        assert_eq!(segment(items).blocks.len(), 3);
        // Narrow lines: labels, not a paragraph.
        let menu = "Start page of the site\nnews of the day here\nsport and the weather\n";
        assert_eq!(segment(menu).blocks.len(), 3);
    }

    #[test]
    fn unwrapped_text_keeps_one_block_per_line() {
        let input =
            "A line that is fairly long but the text is not hard wrapped at all, no.\nNext line.\n";
        assert_eq!(segment(input).blocks.len(), 2);
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
        let whole = trim_range(&input, 0, input.len());
        assert_eq!(
            seg.block_span(0),
            Some(Span {
                start: whole.0,
                end: whole.1
            })
        );
        assert!(texts(&input).iter().all(|t| *t == sentence.trim()));
    }

    #[test]
    fn short_lines_are_one_unit() {
        let seg = segment("One. Two. Three.");
        assert_eq!(seg.units.len(), 1);
        assert!(!seg.is_split(0));
    }
}
