//! Opt-in repair of Penn-Treebank-style tokenized text (` , ` → `, `,
//! `( CNN )` → `(CNN)`, `CNN ’s` → `CNN’s`, `did n’t` → `didn’t`, `" quoted "` →
//! `"quoted"`), applied to the title and paragraphs after cleaning.
//!
//! It only ever removes spaces, so the accounting of the input (every
//! non-whitespace character is in the title, the body or a removal) still holds.

use std::borrow::Cow;

use once_cell::sync::Lazy;
use regex::Regex;

/// A text counts as tokenized when at least this many of its punctuation marks
/// (`,` `.` `;` `:` `!` `?` `)`) have a space before them …
pub(crate) const MIN_SPACED_PUNCTUATION: usize = 5;

/// … and they are at least this share of all such marks. Ordinary prose has
/// almost none (`…) .` is rare); tokenized dumps have nearly all.
pub(crate) const MIN_SPACED_SHARE: f64 = 0.6;

/// Compiles a constant pattern; the unit tests exercise every one of them.
fn compile(pattern: &str) -> Regex {
    #[allow(clippy::expect_used)]
    Regex::new(pattern).expect("constant detokenizer pattern")
}

/// Punctuation that a tokenizer split off from the word before it.
static SPACE_BEFORE_PUNCT: Lazy<Regex> = Lazy::new(|| compile(r" +([,.;:!?%)\]}])"));
/// An opening bracket split off from the word after it.
static SPACE_AFTER_OPEN: Lazy<Regex> = Lazy::new(|| compile(r"([(\[{]) +(\S)"));
/// Clitics split off from their word: `’s`, `n’t`, `’re`, `’ll`, `’ve`, `’d`, `’m`.
static CLITIC: Lazy<Regex> =
    Lazy::new(|| compile(r"(?i)(\w) +((?:n[’']t|[’'](?:s|re|ll|ve|d|m))(?-u:\b))"));

/// True when `text` looks tokenized (see [`MIN_SPACED_SHARE`]).
pub(crate) fn looks_tokenized(text: &str) -> bool {
    let (mut spaced, mut all) = (0usize, 0usize);
    let mut prev = ' ';
    for c in text.chars() {
        if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')') {
            all += 1;
            spaced += usize::from(prev == ' ');
        }
        prev = c;
    }
    spaced >= MIN_SPACED_PUNCTUATION && spaced as f64 >= MIN_SPACED_SHARE * all as f64
}

/// Rejoins tokenized text. Only removes spaces.
pub(crate) fn detokenize(text: &str) -> Cow<'_, str> {
    let s = SPACE_BEFORE_PUNCT.replace_all(text, "$1");
    let s = SPACE_AFTER_OPEN.replace_all(&s, "$1$2").into_owned();
    let s = CLITIC.replace_all(&s, "$1$2").into_owned();
    let s = join_straight_quotes(&s);
    if s == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(s)
    }
}

/// Pairs straight double quotes in order: an opening one loses the space after
/// it, a closing one the space before it.
fn join_straight_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '"' {
            out.push(c);
            continue;
        }
        if open {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push('"');
        } else {
            out.push('"');
            while chars.peek() == Some(&' ') {
                chars.next();
            }
        }
        open = !open;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejoins_tokenized_text() {
        let t = "Moscow ( CNN ) Lavrov has dismissed claims as \" ridiculous \" . In an interview with CNN ’s Amanpour , he did n’t say , of course , [ US ] .";
        assert!(looks_tokenized(t));
        assert_eq!(
            detokenize(t),
            "Moscow (CNN) Lavrov has dismissed claims as \"ridiculous\". In an interview with CNN’s Amanpour, he didn’t say, of course, [US]."
        );
    }

    #[test]
    fn leaves_ordinary_prose_alone() {
        let t = "Lavrov said it was “flattering”, but (he added) baseless. Isn’t it?";
        assert!(!looks_tokenized(t));
        assert_eq!(
            detokenize("Plain text, nothing to do."),
            "Plain text, nothing to do."
        );
    }

    #[test]
    fn only_removes_whitespace() {
        let t = "a , b ( c ) \" d \" e ’s f n’t .";
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squash(&detokenize(t)), squash(t));
    }
}
