//! The public entry points: [`Cleaner`] and its builder.

use crate::Error;
use crate::article::{Article, Category};
use crate::engine::{Engine, Verdict};
use crate::lang::Language;
use crate::rules::{Rule, builtin_rules};
use crate::{assemble, context, detokenize, features, lang, segment};
use std::borrow::Cow;

/// The language is guessed from lines of at least this many bytes: prose, not
/// menus (whose `o` and `a` bullets would pass for Portuguese stopwords).
const LANGUAGE_SAMPLE_MIN_BYTES: usize = 80;

/// A compiled rule set, built once and reused for any number of documents.
///
/// `Cleaner` is `Send + Sync`: share one across threads (by reference or in an
/// `Arc`); cleaning only reads it, one document per call on the calling thread.
/// Each thread that cleans keeps its own lazy-DFA caches for the rules' regexes,
/// so keep threads long-lived (a pool) rather than one per document.
///
/// ```
/// use deboiler::Cleaner;
///
/// let cleaner = Cleaner::builder().disable("caption").build()?;
/// let article = cleaner.clean("A headline\n\nA photo of the hall. (AP Photo/Jane Doe)\n\nThe body.");
/// assert_eq!(article.body, "A photo of the hall. (AP Photo/Jane Doe)\n\nThe body.");
/// # Ok::<(), deboiler::Error>(())
/// ```
///
/// Cleaning a batch on all cores with scoped threads (a rayon `par_iter` works
/// the same way):
///
/// ```
/// use deboiler::Cleaner;
///
/// let cleaner = Cleaner::builder().build()?;
/// let pages = vec!["Headline one\n\nThe first story.".to_string(); 100];
/// let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
/// let chunk = pages.len().div_ceil(threads);
/// let bodies: Vec<String> = std::thread::scope(|scope| {
///     let workers: Vec<_> = pages
///         .chunks(chunk)
///         .map(|part| {
///             let cleaner = &cleaner;
///             scope.spawn(move || {
///                 part.iter().map(|p| cleaner.clean(p).body).collect::<Vec<_>>()
///             })
///         })
///         .collect();
///     workers.into_iter().flat_map(|w| w.join().expect("no panics")).collect()
/// });
/// assert_eq!(bodies.len(), 100);
/// assert_eq!(bodies[99], "The first story.");
/// # Ok::<(), deboiler::Error>(())
/// ```
#[derive(Debug)]
pub struct Cleaner {
    engine: Engine,
    language: Option<Language>,
    detokenize: bool,
}

impl Cleaner {
    /// A builder starting from the built-in rules.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Cleans one document. Never fails, never panics.
    pub fn clean<'a>(&self, text: &'a str) -> Article<'a> {
        let seg = segment::segment(text);
        let (mut features, hits) = features::compute(text, &seg);
        let lang = self.language.or_else(|| {
            let prose = seg
                .units
                .iter()
                .zip(&features)
                .zip(hits.iter())
                .map(|((u, f), h)| (u.span.slice(text), f.words as usize, h))
                .filter(|(t, _, _)| t.len() >= LANGUAGE_SAMPLE_MIN_BYTES);
            lang::guess_counted(prose).or_else(|| lang::guess(text))
        });
        features::set_language(&mut features, &hits, lang);
        drop(hits);
        let mut scratch = self.engine.scratch();
        let mut verdicts: Vec<Verdict> = seg
            .units
            .iter()
            .zip(&features)
            .map(|(unit, f)| self.engine.judge(text, unit.span, f, &mut scratch))
            .collect();
        let form_kinds = std::mem::take(&mut scratch.form_kinds);
        drop(scratch);
        context::revise(
            text,
            &seg,
            &features,
            &mut verdicts,
            &self.engine.rules,
            lang.is_some(),
            &form_kinds,
        );
        drop(form_kinds);
        // The features are done with; on a huge input they weigh more than the
        // text, so they go before the article is built.
        drop(features);
        let mut article = assemble::assemble(text, seg, verdicts, &self.engine.rules);
        if self.detokenize && detokenize::looks_tokenized(text) {
            rejoin_tokens(&mut article);
        }
        article
    }

    /// Compiles every rule now rather than when a document first needs it.
    ///
    /// Built-in rules compile lazily, so a process that cleans a few documents
    /// pays only for the rules its text gets near. A server that wants its first
    /// request as fast as the rest calls this once at start-up. Threads of a
    /// pool can each call it at once: they share the work instead of waiting
    /// on each other. Cleaning gives the same result either way.
    pub fn warm_up(&self) {
        self.engine.warm_up();
    }

    /// The enabled rules, in priority order.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.engine.rules.iter()
    }
}

/// Rejoins tokenized text in the title and paragraphs (spaces only, so the
/// accounting of the input still holds).
fn rejoin_tokens(article: &mut Article<'_>) {
    fn fix<'a>(text: &mut Cow<'a, str>) {
        if let Cow::Owned(fixed) = detokenize::detokenize(text) {
            *text = Cow::Owned(fixed);
        }
    }
    if let Some(title) = &mut article.title {
        fix(title);
    }
    for p in &mut article.paragraphs {
        fix(&mut p.text);
    }
    article.body = assemble::join_paragraphs(&article.paragraphs);
}

impl Default for Cleaner {
    /// The built-in rules, all enabled.
    fn default() -> Cleaner {
        // The built-in rules are static data and a unit test compiles them, so
        // this cannot fail at run time.
        #[allow(clippy::expect_used)]
        CleanerBuilder::default()
            .build()
            .expect("built-in rules compile")
    }
}

/// Configures a [`Cleaner`]: start from the built-in rules, disable some, add your own.
#[derive(Debug, Default, Clone)]
#[must_use]
pub struct CleanerBuilder {
    disabled: Vec<String>,
    custom: Vec<Rule>,
    language: Option<Language>,
    detokenize: bool,
}

impl CleanerBuilder {
    /// Disables rules by exact id (`caption.photo_credit`), by id prefix
    /// (`comments.wordpress` disables every `comments.wordpress.*` rule) or by
    /// category name (`share`). A name that matches nothing makes
    /// [`build`](CleanerBuilder::build) fail with [`Error::UnknownRule`].
    /// Default: every built-in rule enabled.
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::builder().disable("share").build()?;
    /// assert!(cleaner.rules().all(|r| r.category() != deboiler::Category::Share));
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn disable(mut self, id_or_category: impl Into<String>) -> CleanerBuilder {
        self.disabled.push(id_or_category.into());
        self
    }

    /// Adds a custom rule. Custom rules take priority over built-in ones, in the
    /// order they are added. Default: none.
    pub fn rule(mut self, rule: Rule) -> CleanerBuilder {
        self.custom.push(rule);
        self
    }

    /// Uses the stopwords of `language` for every document instead of guessing
    /// each document's language from its stopwords. Default: guess.
    ///
    /// ```
    /// use deboiler::{Cleaner, Language};
    /// let cleaner = Cleaner::builder().language(Language::from_code("de").unwrap()).build()?;
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn language(mut self, language: Language) -> CleanerBuilder {
        self.language = Some(language);
        self
    }

    /// Rejoins Penn-Treebank-style tokenized text (` , ` → `, `, `( CNN )` →
    /// `(CNN)`, `CNN ’s` → `CNN’s`, `did n’t` → `didn’t`) in the title and body of
    /// documents that look tokenized. Only spaces are removed. Default: off.
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::builder().detokenize(true).build()?;
    /// let a = cleaner.clean("He said , \" no \" . She did n’t ( really ) , and they left .");
    /// assert_eq!(a.body, "He said, \"no\". She didn’t (really), and they left.");
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn detokenize(mut self, on: bool) -> CleanerBuilder {
        self.detokenize = on;
        self
    }

    /// Compiles the rule set.
    ///
    /// Fails if a custom rule's pattern is invalid, empty or too large, if its id
    /// is malformed, taken or reserved (`context.*`, `title.repeated`), or if a
    /// `disable` name matches nothing.
    pub fn build(self) -> Result<Cleaner, Error> {
        for rule in &self.custom {
            let id = rule.id.as_str();
            // Context decisions have ids of their own; a rule may not pose as one.
            let reserved = id.starts_with("context.") || id == context::TITLE_REPEATED;
            if id.is_empty() || id.chars().any(char::is_whitespace) || reserved {
                return Err(Error::InvalidRuleId {
                    rule: id.to_string(),
                });
            }
        }
        let all: Vec<Rule> = self
            .custom
            .into_iter()
            .chain(builtin_rules().cloned())
            .collect();
        let mut seen = std::collections::HashSet::new();
        for rule in &all {
            if !seen.insert(rule.id.as_str()) {
                return Err(Error::DuplicateRule {
                    rule: rule.id.to_string(),
                });
            }
        }
        for name in &self.disabled {
            if !all.iter().any(|r| disables(name, r)) {
                return Err(Error::UnknownRule { name: name.clone() });
            }
        }
        let enabled = all
            .into_iter()
            .filter(|r| !self.disabled.iter().any(|name| disables(name, r)))
            .collect();
        Ok(Cleaner {
            engine: Engine::new(enabled)?,
            language: self.language,
            detokenize: self.detokenize,
        })
    }
}

/// True when the `disable` name `name` covers `rule`.
fn disables(name: &str, rule: &Rule) -> bool {
    let id = rule.id.as_str();
    id == name
        || id
            .strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('.'))
        || Category::from_name(name) == Some(rule.category)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Action;

    #[test]
    fn cleaner_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Cleaner>();
    }

    #[test]
    fn disable_by_id_prefix_and_category() {
        let count = |b: CleanerBuilder| b.build().map(|c| c.rules().count()).unwrap_or(0);
        let all = count(Cleaner::builder());
        assert_eq!(
            count(Cleaner::builder().disable("comments.wordpress.connecting")),
            all - 1
        );
        assert!(count(Cleaner::builder().disable("comments.wordpress")) < all - 1);
        assert!(
            count(Cleaner::builder().disable("comments"))
                < count(Cleaner::builder().disable("comments.wordpress"))
        );
    }

    #[test]
    fn unknown_names_and_bad_ids_are_errors() {
        assert!(matches!(
            Cleaner::builder().disable("comment").build(),
            Err(Error::UnknownRule { .. })
        ));
        let rule = |id: &str| Rule::new(id, Category::Custom, "x", Action::DropBlock);
        assert!(matches!(
            Cleaner::builder().rule(rule("a b")).build(),
            Err(Error::InvalidRuleId { .. })
        ));
        assert!(matches!(
            Cleaner::builder().rule(rule("")).build(),
            Err(Error::InvalidRuleId { .. })
        ));
        assert!(matches!(
            Cleaner::builder()
                .rule(rule("context.outside_main_region"))
                .build(),
            Err(Error::InvalidRuleId { .. })
        ));
        assert!(matches!(
            Cleaner::builder()
                .rule(rule("caption.photo_credit"))
                .build(),
            Err(Error::DuplicateRule { .. })
        ));
    }

    #[test]
    fn custom_rules_come_first() {
        let cleaner = Cleaner::builder()
            .rule(Rule::new(
                "site.keep_ads",
                Category::Custom,
                "^Advertisement$",
                Action::Metadata(crate::Field::Credit),
            ))
            .build()
            .expect("valid rule");
        let a = cleaner.clean("Headline of it\n\nAdvertisement\n\nBody.");
        assert_eq!(a.removed[0].rule, "site.keep_ads");
        assert_eq!(a.metadata.credits, ["Advertisement"]);
    }
}
