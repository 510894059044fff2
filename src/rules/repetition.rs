//! Short lines that repeat: an image's alt text printed next to its title.

use super::{Action::*, Rule, feature};
use crate::article::Category;
use crate::features::{Features, Terminal};

const C: Category = Category::Repetition;

/// A repeated line longer than this many words is more likely a real sentence
/// (a pull quote) than an image label, so it is left alone.
const MAX_REPEATED_LABEL_WORDS: usize = 12;

fn repeated_label(f: &Features) -> bool {
    f.adjacent_repeat
        && (f.words as usize) <= MAX_REPEATED_LABEL_WORDS
        && f.terminal != Terminal::Sentence
}

pub(crate) static RULES: &[Rule] = &[feature(
    C,
    "repetition.adjacent_label",
    "A short unpunctuated line printed twice in a row (an image's alt text and title): every copy goes.",
    repeated_label,
    DropBlock,
)];

#[cfg(test)]
mod tests {
    use crate::clean;

    #[test]
    fn drops_both_copies() {
        let a = clean(
            "Headline of the story\n\nUS presidential polls\nUS presidential polls\n\nThe body sentence stays.",
        );
        assert_eq!(a.body, "The body sentence stays.");
        assert!(
            a.removed
                .iter()
                .all(|r| r.rule == "repetition.adjacent_label")
        );
        assert_eq!(a.removed.len(), 2);
    }

    #[test]
    fn keeps_repeated_sentences_and_distant_repeats() {
        let a = clean(
            "Headline of the story\n\nHe said no.\nHe said no.\n\nChorus line\n\nBody.\n\nChorus line",
        );
        assert_eq!(
            a.body,
            "He said no.\n\nHe said no.\n\nChorus line\n\nBody.\n\nChorus line"
        );
    }
}
