//! Page furniture that stands where a headline would: date and byline lines,
//! share and comment labels, breadcrumbs, skip links, photo credits. The
//! title search passes over such lines (`crate::title`).
//!
//! Not a rule: many of these lines are fine body text elsewhere (a date line
//! is metadata, a breadcrumb is outside the region anyway), and some of them
//! the rules already remove; only the headline must not be one of them. The
//! vocabulary is the rules' phrase packs (`rules/phrases.rs`).

use once_cell::sync::Lazy;

use crate::engine::{DFA_CACHE_LIMIT, PATTERN_SIZE_LIMIT};
use crate::matcher::MatcherSet;

/// The furniture patterns, compiled once per process on first use. Only "does
/// it match?" is asked, so they are the engine's lean matchers.
static FURNITURE: Lazy<MatcherSet> =
    Lazy::new(|| MatcherSet::new(&PATTERNS, PATTERN_SIZE_LIMIT, DFA_CACHE_LIMIT));

/// One pattern per kind of furniture, matched case-insensitively against a
/// whole line (a candidate headline, at most `title::TITLE_MAX_WORDS` words).
pub(crate) const PATTERNS: [&str; 9] = [
    // A line that starts with a date, after an optional publication or
    // update label and weekday: `Donnerstag, 4. November 2021 …`,
    // `Pubblicato il 19 Febbraio 2020 …`, `Published: Tuesday | April 26, 2022`.
    concat!(
        r"(?i)^\W*(?:(?:",
        published_label!(),
        r"|",
        updated_label!(),
        r"|zuletzt geändert(?: am)?|release)\s*:?\s*)?(?:(?:",
        weekday_name!(),
        r")\.?\s*[,|]?\s*)?(?:",
        date!(),
        r"|[0-9]{1,2}\. [0-9]{1,2}\. [0-9]{4}|[0-9]{1,2} de [a-zç]+ de [0-9]{4})"
    ),
    // A line that ends with a date, or holds a date and a clock time: a
    // place-and-date line, a byline with its timestamp.
    concat!(
        r"(?i)(?-u:\b)",
        date!(),
        r"(?:\W*$|\s*(?:,|at|um|-|–|\||/)?\s*",
        time!(),
        r")"
    ),
    // A byline: `By Jane Doe`, `Von Leonora Holling`, `Posted by …`,
    // `Artikel von …` (a headline starting `Von der …` goes on in lower case).
    r"(?i)^(?:by|von|par|por|door|przez)\s*:?\s+(?-i:[A-ZÀ-ÞŁŚŻ])|^(?:posted|written|published|erstellt|geschrieben|verfasst|artikel|beitrag|veröffentlicht|publié|publicado|pubblicato) (?:by|von|am|on|in|par|le|por|el|da|il)(?-u:\b)|^(?:author|autor(?:in)?|auteur|redaktion)(?-u:\b)",
    // A share or follow label, alone or with the networks it offers:
    // `Beitrag teilen`, `Teilen Twittern`, `Follow Us`.
    concat!(
        r"(?i)^(?:(?:",
        share_label!(),
        r"|",
        follow_us!(),
        r")(?:\s+(?:on|auf|sur|en|su|em|op|na|via))?|twitter|facebook|linkedin|whatsapp|pinterest|e-?mail)(?:\s+(?:twittern|tweeten|tweet|twitter\w*|facebook\w*|linkedin|whatsapp|pinterest|xing|reddit|digg|e-?mail|mailen|print|drucken|pinnen|teilen|share))*\W*$|^(?:\S+\s+){0,2}(?:teilen|share|partager|compartir|condividi|compartilhar|delen|udostępnij|drucken|print|imprimer|imprimir|stampa)\W*$|^(?:empfehlen sie|empfiehl) (?:uns|\S+ seite|diesen artikel) weiter"
    ),
    // A comment label: `Schreib einen Kommentar`, `Kommentare: 1`,
    // `0 Comment(s)`, `… | 3 Kommentare`.
    concat!(
        r"(?i)(?:",
        leave_comment!(),
        r"|schreib einen kommentar|kommentar hinzufügen|(?:add|view|post) (?:a )?comments?)\W*$|(?:^|\s)[0-9]+\s+(?:",
        comments_word!(),
        r")(?:\(s\))?\W*$|^(?:",
        comments_word!(),
        r")\s*:?\s*\(?[0-9]+\)?$"
    ),
    // A breadcrumb trail: `Home » Sport » …`, `Sie sind hier: …`.
    r"(?i)\S\s+[»›>]\s+\S.*\s[»›>]\s+\S|^(?:home|startseite|accueil|inicio|sie sind hier|you are here)\s*[:»›>/|]",
    // A skip link or a widget's button: `Skip to content`, `Zum Inhalt
    // springen`, `Toggle navigation`, `Play Video`.
    r"(?i)(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|recipe)|zum (?:haupt)?inhalt(?: springen)?\W*$|^direkt zum inhalt|aller au contenu|(?:saltar|ir) al contenido|vai al contenuto|(?:pular|ir) para o conteúdo|naar (?:de )?(?:hoofd)?inhoud|przejdź do (?:treści|zawartości)|toggle navigation|^wechseln zu|(?:menü|menu) schließen|^search for|suchfeld|^seite auswählen|^mehr anzeigen$|^view all$|^play video$|^(?:\S+\s+)?(?:navigation|navigationsmenü|hauptnavigation)$|^(?:foto|photo|bild|image|slide)\s+[0-9]+\s+(?:de|of|von|di|van|z)\s+[0-9]+$",
    // A reading time: `3 min read`, `Lesezeit: 4 Minuten`, `21 minutes`.
    r"(?i)(?-u:\b)[0-9]+\s*min\S*\s+(?:read|lesezeit|lesedauer|de lectura|di lettura|de leitura|leestijd|czytania)(?-u:\b)|^(?:lesezeit|lesedauer|reading time|jeszcze)?\s*:?\s*[0-9]+(?:[.,][0-9]+)?\s*min\S*(?:\s+\S+)?$",
    // A photo credit or caption: `Foto: dpa`, `(Foto Diario Local: …)`,
    // `… © Photothek`, `…. EFE`.
    r"(?i)(?:^|[\s(])(?:fotos?|photos?|bild|bildquelle|quelle|image|credit|crédit|imagen|fonte|source)\s*:|\((?:foto|photo|bild|picture|image)|©|\.\s+(?:efe|afp|dpa|reuters|ap|cedida|archivo)\W*$|getty images\W*$",
];

/// The index in [`PATTERNS`] of the byline pattern.
const BYLINE_PATTERN: usize = 2;

/// True when `line` is page furniture rather than a headline.
pub(crate) fn is_furniture(line: &str) -> bool {
    FURNITURE.is_any_match(line.trim(), &mut FURNITURE.caches())
}

/// True when `line` is a byline (`By Jane Doe`, `Posted by …`, `Von …`).
pub(crate) fn is_byline(line: &str) -> bool {
    FURNITURE.is_match(BYLINE_PATTERN, line.trim(), &mut FURNITURE.caches())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_agree_with_the_full_regex() {
        FURNITURE.assert_agrees_on(&[
            "Von Jane Doe",
            "3 min read",
            "Home » News » Story",
            "A headline",
            "",
        ]);
        // Lines ending in `\W*$` branches, then any ending (see
        // `matcher::Tail`).
        for line in [
            "Beitrag teilen",
            "Schreib einen Kommentar",
            "3 Kommentare",
            "Zum Inhalt springen",
            "Foto: Getty Images",
            "Hamburg, 4. November 2021",
        ] {
            let texts: Vec<String> = crate::matcher::testing::TAIL_CHARS
                .iter()
                .flat_map(|c| [format!("{line}{c}"), format!("{line} .{c}")])
                .collect();
            FURNITURE.assert_agrees_on(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }

    /// The literal prefilter never hides a match: on every line of the
    /// fixtures, and on the test lines here, asking all patterns gives
    /// what asking the possible ones does.
    #[test]
    fn the_prefilter_never_hides_furniture() {
        let mut lines: Vec<String> = crate::rules::testing::fixture_texts()
            .iter()
            .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| l.len() < 500)
            .collect();
        lines.extend(
            FURNITURE_LINES
                .iter()
                .chain(HEADLINES)
                .map(|l| l.to_string()),
        );
        let mut caches = FURNITURE.caches();
        let mut found = 0;
        for line in &lines {
            let every = (0..PATTERNS.len()).any(|k| FURNITURE.is_match(k, line, &mut caches));
            assert_eq!(FURNITURE.is_any_match(line, &mut caches), every, "{line:?}");
            found += usize::from(every);
        }
        assert!(found >= FURNITURE_LINES.len(), "{found}");
    }

    #[test]
    fn furniture_lines() {
        for line in FURNITURE_LINES {
            assert!(is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn headlines_are_not_furniture() {
        for line in HEADLINES {
            assert!(!is_furniture(line), "{line:?}");
        }
    }

    /// Lines of page furniture, one or more of each kind.
    const FURNITURE_LINES: &[&str] = &[
        "Donnerstag, 4. November 2021Donnerstag, 4. November 2021",
        "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
        "Published: Tuesday | April 26, 2022 | 9:52 PM",
        "Veröffentlicht am: 28. Oktober 2023 | Anzahl Kommentare: noch keine",
        "28. Jan. 2022 Paula Balov",
        "Miércoles 4 de Mayo de 2022",
        "01. 11. 2023",
        "Hofheim am Taunus | Wiesbaden, 11. November 2021",
        "Jane Doe, 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit",
        "By Jane Doe / June 12, 2020 9:49 am EST",
        "Von Leonora Holling",
        "Posted by DT in Tagebuch",
        "Artikel von Alexa von Heyden",
        "Mit Freunden teilen",
        "Beitrag teilen",
        "Teilen Twittern Email",
        "Social Share",
        "Follow Us",
        "Udostępnij na Twitterze",
        "Twitter Facebook LinkedIn Email Reddit Digg Print",
        "Empfehlen Sie uns weiter",
        "Schreib einen Kommentar",
        "Kommentar hinzufügen",
        "Kommentare: 1",
        "0 Comment(s)",
        "6. November 2023 | 3 Kommentare",
        "Home » Klettern » Mammut nimmt neue Athletin unter Vertrag",
        "Accueil > Actualités > Décisions du mardi",
        "Sie sind hier: Home » Europa » Deutschland",
        "Skip to main content",
        "Zum Inhalt springen",
        "Toggle navigation",
        "Saltar al contenido",
        "Service Navigation",
        "Foto 1 de 3",
        "Von: Jane Doe",
        "Teilen Teilen Drucken Teilen Tweeten",
        "Udostępnij na Facebooku",
        "Jeszcze 3 minuty czytania",
        "3 min read",
        "Lesezeit: 4 Minuten",
        "Die neue Schulleiterin. (Picture by Jane Doe)",
        "La bendición se realizará mañana. Foto: LN",
        "Los precios siguen aumentando. (Foto Diario Local: Juan Pérez)",
        "Ein Gruppenbild der Jury. © Verband / Photothek",
        "Un grupo de pingüinos, en la Antártida. EFE",
    ];

    /// Headlines, some of them with a word of furniture vocabulary.
    const HEADLINES: &[&str] = &[
        "Lavrov denies Russian influence over US election",
        "Von der Leyen kündigt neues Klimapaket an",
        "By the numbers: the year in climate",
        "Andacht zur Friedensdekade in der Gedächtniskirche, 11. November 2021, 18 Uhr",
        "Fishing Masters Show in Rostock im Mai 2022",
        "Teilen statt besitzen: Wie Nachbarn Werkzeug tauschen",
        "Die 10 schönsten Kommentare des Jahres",
        "Warum es ein Ressourcenschutzgesetz braucht",
        "Purpose / Overview",
        "Is Russia meddling in the election?",
        "Sharing economy grows in Berlin",
        "Navigation im Wandel der Zeit",
        "Pizza in 10 Minuten",
        "Die letzten 5 Minuten vor dem Start",
    ];
}
