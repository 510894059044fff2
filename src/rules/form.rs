//! Log-in and registration form blocks: a run of lines dominated by form
//! vocabulary (password, user name, e-mail address, sign in, register, remember
//! me, required fields, accepting the terms), which a page dump prints with
//! all of its error and help messages. Such a block can outweigh a short
//! article, so the main-region search counts it as boilerplate.
//!
//! Not a rule: single lines of it are ordinary sentences ("Change your
//! password."); only the run as a whole, with field labels and buttons among
//! its lines and more than one kind of form vocabulary, is a form.

use once_cell::sync::Lazy;
use regex_automata::util::pool::PoolGuard;

use crate::engine::{DFA_CACHE_LIMIT, PATTERN_SIZE_LIMIT};
use crate::matcher::{MatcherSet, SetCaches};
use crate::text::collapse_whitespace;

/// A line of a form block has at most this many words: form messages are
/// short ("The password must be at least 8 characters long."); an article
/// paragraph about passwords is longer.
pub(crate) const FORM_LINE_MAX_WORDS: usize = 25;

/// Two form lines belong to one block when at most this many other lines stand
/// between them (a "Next" button, a "Nickname" label the vocabulary misses).
pub(crate) const FORM_MAX_GAP_LINES: usize = 2;

/// A form block has at least this many form lines.
pub(crate) const FORM_MIN_LINES: usize = 6;

/// … at least this many of them field labels or buttons (one to
/// [`FORM_LABEL_MAX_WORDS`] words, no full stop: "Password", "Forgot
/// password?", "Register") — a news story about a data breach has none …
pub(crate) const FORM_MIN_LABELS: usize = 2;

/// A field label or button has at most this many words.
pub(crate) const FORM_LABEL_MAX_WORDS: usize = 3;

/// … and at least this many of the four kinds of form vocabulary (password,
/// identity, account, consent).
pub(crate) const FORM_MIN_KINDS: u32 = 2;

/// The patterns of the kinds of form vocabulary (`rules/phrases.rs`), bit `k`
/// of a line's mask for pattern `k`. Their literals are part of the engine's
/// prefilter scan, which tells for each unit which kinds could match it
/// ([`FormLine::kinds`]): most lines hold none of the literals a match needs,
/// and no matcher runs on them.
pub(crate) const PATTERNS: [&str; 4] = [
    concat!("(?i)", form_password!()),
    concat!("(?i)", form_identity!()),
    concat!("(?i)", form_account!()),
    concat!("(?i)", form_consent!()),
];

/// A line's kinds of form vocabulary are one bit each of a `u8`.
const _: () = assert!(PATTERNS.len() < 8);

/// [`FormLine::kinds`] of a line the engine did not scan: the form detector
/// scans it itself.
pub(crate) const UNSCANNED: u8 = 0x80;

/// Only "does it match?" is asked: the lean matchers of the engine.
static MATCHERS: Lazy<MatcherSet> =
    Lazy::new(|| MatcherSet::new(&PATTERNS, PATTERN_SIZE_LIMIT, DFA_CACHE_LIMIT));

/// The state of one scan over the lines of a text.
type Scan = PoolGuard<'static, SetCaches, fn() -> SetCaches>;

/// One line as the form detector sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormLine<'a> {
    /// The line's text.
    pub text: &'a str,
    /// Its word count.
    pub words: usize,
    /// Does it end like a sentence (`.`, `!`)?
    pub sentence: bool,
    /// Is it a whole line (not one sentence of a run-on line)?
    pub whole: bool,
    /// The kinds whose literals it holds (bit `k` for `PATTERNS[k]`), or
    /// [`UNSCANNED`].
    pub kinds: u8,
}

/// The kinds of form vocabulary in `line`, one bit per kind, read as the
/// body shows the line (whitespace collapsed: `Remember  me` is `Remember
/// me`), as the engine reads it.
fn kinds(line: &FormLine, scan: &mut Scan) -> u8 {
    let mut possible = u64::from(line.kinds);
    if possible == 0 {
        return 0;
    }
    let text = collapse_whitespace(line.text);
    if possible & u64::from(UNSCANNED) != 0 {
        possible = MATCHERS.possible(&text, scan);
    }
    (0..PATTERNS.len())
        .filter(|&k| possible & (1 << k) != 0 && MATCHERS.is_match(k, &text, scan))
        .fold(0, |mask, k| mask | (1 << k))
}

/// For each line: does it lie in a form block (from its first form line to its
/// last, see the constants above)? One pass, linear in the text; the lines are
/// read as they come, so a page of millions of lines needs no copy of them.
pub(crate) fn form_blocks<'a>(lines: impl ExactSizeIterator<Item = FormLine<'a>>) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    // The open block: first and last form line, counts, kinds seen.
    let mut block: Option<(usize, usize, usize, usize, u8)> = None;
    let close = |out: &mut Vec<bool>, b: Option<(usize, usize, usize, usize, u8)>| {
        if let Some((first, last, n, labels, mask)) = b
            && n >= FORM_MIN_LINES
            && labels >= FORM_MIN_LABELS
            && mask.count_ones() >= FORM_MIN_KINDS
        {
            out[first..=last].iter_mut().for_each(|f| *f = true);
        }
    };
    let mut scan = MATCHERS.caches();
    for (i, line) in lines.enumerate() {
        let mask = match line.whole && line.words <= FORM_LINE_MAX_WORDS {
            true => kinds(&line, &mut scan),
            false => 0,
        };
        if mask == 0 {
            if block.is_some_and(|(_, last, ..)| i - last > FORM_MAX_GAP_LINES) {
                close(&mut out, block.take());
            }
            continue;
        }
        let label = usize::from(line.words <= FORM_LABEL_MAX_WORDS && !line.sentence);
        block = Some(match block {
            Some((first, _, n, labels, m)) => (first, i, n + 1, labels + label, m | mask),
            None => (i, i, 1, label, mask),
        });
    }
    close(&mut out, block);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_compiles_and_agrees_with_its_regex() {
        MATCHERS.assert_agrees_on(&[
            "Password",
            "Forgot your password?",
            "E-Mail-Adresse",
            "Register",
            "Benutzername oder E-Mail",
            "I accept the terms and conditions",
            "An ordinary sentence of the article.",
        ]);
    }

    fn lines<'a>(texts: &[&'a str]) -> impl ExactSizeIterator<Item = FormLine<'a>> {
        texts.iter().map(|t| FormLine {
            text: t,
            words: t.split_whitespace().count(),
            sentence: t.ends_with('.') || t.ends_with('!'),
            whole: true,
            kinds: UNSCANNED,
        })
    }

    /// The end of a story, then an English registration form (nine lines),
    /// then a footer link.
    const EN_FORM: [&str; 11] = [
        "Story ends here with a long final sentence of the article.",
        "Sign in",
        "Email address",
        "Password",
        "Remember me",
        "Forgot password?",
        "Next",
        "The password must be at least 8 characters long.",
        "Please accept the terms. I accept the terms of use.",
        "Register",
        "About us",
    ];

    #[test]
    fn finds_a_registration_form_in_several_languages() {
        let en = EN_FORM;
        let got = form_blocks(lines(&en));
        assert_eq!(got, [vec![false], vec![true; 9], vec![false]].concat());
        let de = [
            "Benutzername",
            "Passwort",
            "Passwort vergessen?",
            "Das Passwort muss mindestens 8 Zeichen lang sein.",
            "Bitte trage eine E-Mail-Adresse ein.",
            "Ich akzeptiere die Nutzungsbedingungen.",
            "Registrieren",
        ];
        assert!(form_blocks(lines(&de)).iter().all(|f| *f));
        let fr = [
            "Nom d'utilisateur",
            "Mot de passe",
            "Se souvenir de moi",
            "Mot de passe oublié ?",
            "Créer un compte",
            "Champs obligatoires *",
        ];
        assert!(form_blocks(lines(&fr)).iter().all(|f| *f));
    }

    /// Labels whose phrases a tab, a no-break space or two spaces split are
    /// read as the body shows them: the same form as with single spaces.
    #[test]
    fn labels_split_by_whitespace_are_read_as_shown() {
        let plain = EN_FORM;
        let spaced = plain.map(|l| l.replace(' ', ["\t", "\u{a0}", "  "][l.len() % 3]));
        let spaced: Vec<&str> = spaced.iter().map(String::as_str).collect();
        let expected = [vec![false], vec![true; 9], vec![false]].concat();
        assert_eq!(form_blocks(lines(&plain)), expected);
        assert_eq!(form_blocks(lines(&spaced)), expected, "{spaced:?}");
    }

    #[test]
    fn an_article_about_passwords_is_no_form() {
        // Short news paragraphs full of form words, but no field label.
        let story = [
            "Hackers stole the passwords of two million users, the company said.",
            "Users were asked to change their password and sign in again.",
            "The account data included e-mail addresses and user names.",
            "Experts advise using a password manager for every account.",
            "The company said it would register the breach with regulators.",
            "A spokesman said no payment data were taken from any account.",
            "The passwords were stored without encryption, researchers found.",
        ];
        assert!(!form_blocks(lines(&story)).contains(&true));
        // A menu's lone "Sign in" and "Register" links are no form either.
        let menu = ["Home", "News", "Sign in", "Register", "Contact", "Search"];
        assert!(!form_blocks(lines(&menu)).contains(&true));
    }

    #[test]
    fn long_lines_and_far_apart_lines_break_a_block() {
        let long = "Password ".repeat(FORM_LINE_MAX_WORDS + 1);
        let mut texts = vec!["Password", "Sign in", "Email address"];
        texts.extend(["Filler text."; FORM_MAX_GAP_LINES + 1]);
        texts.extend(["Remember me", "Register", long.as_str()]);
        assert!(!form_blocks(lines(&texts)).contains(&true));
    }
}
