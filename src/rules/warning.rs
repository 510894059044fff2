//! Content warnings printed above an article.

use super::{Action::*, PROMPT_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Warning;

pub(crate) static RULES: &[Rule] = &[max_words(
    phrase(
        C,
        "warning.content",
        "A content warning (`WARNING: This story contains graphic language.`).",
        r"(?i)^(?:content |trigger |viewer |reader )?(?:warning|advisory|discretion advised)\s*:.{0,150}(?-u:\b)(?:contains?|graphic|disturbing|offensive|strong language|explicit|upsetting|distressing)(?-u:\b)",
        DropBlock,
    ),
    PROMPT_WORDS,
)];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn fires() {
        assert_fires(
            "warning.content",
            &[
                "WARNING: This story contains graphic language.",
                "Content warning: this article contains descriptions of violence.",
            ],
        );
    }

    #[test]
    fn keeps_warnings_in_the_news() {
        assert_keeps(&[
            "The agency issued a warning: the storm contains winds of up to 120 mph.",
            "Warning signs were posted along the beach after the attack, officials said.",
        ]);
    }
}
