//! # deboiler
//!
//! Cleans the plain text a scraper got from a news or blog page — a full-page
//! dump, an article extractor's output with leftovers, or one run-on line — and
//! returns the article's **title and body**, with boilerplate removed and an
//! account of every removed piece: its rule id, category and byte span.
//!
//! ```
//! let text = "Lavrov denies Russian influence\n\n\
//!             Moscow (CNN) Lavrov dismissed the claims as ridiculous.\n\n\
//!             Leave a Reply\n\n\
//!             You are commenting using your Twitter account. Log Out / Change )";
//! let article = deboiler::clean(text);
//! assert_eq!(article.title.as_deref(), Some("Lavrov denies Russian influence"));
//! assert_eq!(article.body, "Moscow (CNN) Lavrov dismissed the claims as ridiculous.");
//! assert_eq!(article.removed[0].rule, "comments.wordpress.leave_reply");
//! ```
//!
//! For repeated use, or to change the rules, build a [`Cleaner`] once:
//! [`Cleaner::builder`] disables rules by id or category and adds custom
//! [`Rule`]s. The pipeline, one stage per module: `segment` → `features` →
//! `rules` (via the `engine`) → `classify` → `region` and `context` (main
//! content, comment sections, title) → `assemble`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Nothing that depends on the input may unwrap: cleaning never panics.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

#[macro_use]
mod macros;

mod article;
mod assemble;
mod classify;
mod cleaner;
mod context;
mod detokenize;
mod engine;
mod error;
mod features;
mod lang;
mod matcher;
mod prefilter;
mod region;
mod rules;
mod segment;
mod sentences;
mod text;

mod title;
mod words;

use once_cell::sync::Lazy;

pub use article::{Article, Category, Metadata, Paragraph, Removal, RuleId, Span};
pub use cleaner::{Cleaner, CleanerBuilder};
pub use error::Error;
pub use lang::Language;
pub use rules::{Action, Field, Rule, builtin_rules};

/// The default cleaner behind [`clean`], compiled on first use.
static DEFAULT: Lazy<Cleaner> = Lazy::new(Cleaner::default);

/// Cleans `text` with the built-in rules. Never fails, never panics.
///
/// The first call compiles the rules; later calls reuse them.
pub fn clean(text: &str) -> Article<'_> {
    DEFAULT.clean(text)
}
