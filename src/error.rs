//! The crate's one error type. Only building a [`Cleaner`](crate::Cleaner) from
//! custom rules or settings can fail; cleaning text never fails.

/// Why a [`CleanerBuilder`](crate::CleanerBuilder) could not build a cleaner.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A custom rule's pattern is not a valid regex, or compiles to an automaton
    /// larger than the size limit. Fix or simplify the pattern.
    #[error("rule `{rule}`: invalid pattern: {source}")]
    InvalidPattern {
        /// The rule's id.
        rule: String,
        /// What the regex compiler said.
        #[source]
        source: regex::Error,
    },
    /// A custom rule's pattern is empty, only whitespace, or matches the empty
    /// text (`a*`): it would match every line. Give it a pattern that needs
    /// some text.
    #[error(
        "rule `{rule}`: the pattern is empty or matches empty text, so it would match every line"
    )]
    EmptyPattern {
        /// The rule's id.
        rule: String,
    },
    /// A custom rule's id is empty, has whitespace in it, or is reserved for the
    /// context stage (`context.*`, `title.repeated`). Use a dotted name such as
    /// `mysite.promo`.
    #[error(
        "rule id `{rule}` is not valid: use a non-empty dotted name without spaces, outside `context.*`, like `mysite.promo`"
    )]
    InvalidRuleId {
        /// The offending id.
        rule: String,
    },
    /// Two rules share an id. Rename the custom one.
    #[error("rule `{rule}`: another rule already has this id")]
    DuplicateRule {
        /// The id used twice.
        rule: String,
    },
    /// `disable` named no rule id, id prefix or category. Check the spelling
    /// against `Cleaner::rules()`.
    #[error("`{name}` is not a rule id, a rule id prefix, or a category")]
    UnknownRule {
        /// The name given to `disable`.
        name: String,
    },
}
