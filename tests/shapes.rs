//! Regression fixtures, one per input shape (`tests/fixtures/shapes/`, invented
//! pages): a full-page text dump, a hard-wrapped Markdown dump, an article
//! extractor's output with leftovers, and a German full-page dump. Each test pins
//! one thing the cleaner must do on one shape: keep every article paragraph,
//! drop every piece of boilerplate, find the title and the metadata, account for
//! every character. Snapshots of `Article::to_text()` are in
//! `snapshots/shape.<name>.snap`.

mod common;

use std::path::Path;

use deboiler::Article;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The text of `tests/fixtures/shapes/<name>.txt`.
fn load(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// Runs of whitespace collapsed to one space, ends trimmed.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown link markup removed: `[text](url)` becomes `text`, an image
/// `![alt](src)` goes entirely. Text that is not link markup is left alone.
fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let text = &after[..close];
            let target = &after[close + 2..];
            let end = target.find(')')?;
            (!text.contains(['[', ']', '\n']) && !target[..end].contains(char::is_whitespace))
                .then_some((text, close + 2 + end + 1))
        });
        match link {
            Some((text, len)) => {
                let image = rest[..open].ends_with('!');
                out.push_str(if image {
                    &rest[..open - 1]
                } else {
                    &rest[..open]
                });
                if !image {
                    out.push_str(text);
                }
                rest = &after[len..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A paragraph's text without a leading list marker (`*`, `+`, `-`, `o`, `•`).
fn without_marker(p: &str) -> &str {
    for marker in ["* ", "+ ", "- ", "o ", "• "] {
        if let Some(rest) = p.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    p
}

/// Fails when `needle` (whitespace-normalised) is not in the fixture, raw or with
/// its link markup removed: the test's expectations drifted from the file.
fn assert_in_fixture(name: &str, text: &str, needle: &str) {
    let needle = norm(needle);
    assert!(
        norm(text).contains(&needle) || norm(&strip_links(text)).contains(&needle),
        "{name}: the test expects {needle:?}, but the fixture does not contain it \
         (the fixture and the test drifted apart)"
    );
}

/// Every expected article text is in the body, whitespace-normalised, with link
/// markup removed from the expectation.
fn assert_keeps(name: &str, text: &str, article: &Article<'_>, expected: &[&str]) {
    let body = norm(&article.body);
    for para in expected {
        assert_in_fixture(name, text, para);
        let want = norm(&strip_links(para));
        assert!(
            body.contains(&want),
            "{name}: article text missing from the body:\n  {want}\n--- body ---\n{}",
            article.body
        );
    }
}

/// No boilerplate line is in the body. A line of four words or more must not be
/// in the body anywhere; a shorter one (a menu item, `Facebook`) must not be a
/// paragraph of its own, with or without a list marker.
fn assert_drops(name: &str, text: &str, article: &Article<'_>, boilerplate: &[&str]) {
    let body = norm(&article.body);
    for line in boilerplate {
        assert_in_fixture(name, text, line);
        let line = norm(line);
        if line.split_whitespace().count() >= 4 {
            assert!(
                !body.contains(&line),
                "{name}: boilerplate still in the body: {line:?}\n--- body ---\n{}",
                article.body
            );
        } else {
            let para = article.paragraphs.iter().find(|p| {
                let p = norm(&strip_links(&p.text));
                p == line || without_marker(&p) == line
            });
            assert!(
                para.is_none(),
                "{name}: boilerplate line kept as a paragraph: {line:?} (paragraph {:?})",
                para.map(|p| &p.text)
            );
        }
    }
}

/// None of `fragments` (link targets, markup) appears anywhere in the body.
fn assert_no_fragments(name: &str, article: &Article<'_>, fragments: &[&str]) {
    for fragment in fragments {
        assert!(
            !article.body.contains(fragment),
            "{name}: {fragment:?} still in the body:\n{}",
            article.body
        );
    }
}

/// The title is `headline`, and the headline is not repeated in the body.
fn assert_title(name: &str, article: &Article<'_>, headline: &str) {
    assert_eq!(
        article.title.as_deref(),
        Some(headline),
        "{name}: the title should be the page's headline"
    );
    assert!(
        !article.body.contains(headline),
        "{name}: the headline is repeated in the body"
    );
}

fn snapshot(name: &str, article: &Article<'_>) {
    let text = article.to_text();
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(format!("shape.{name}"), text);
    });
}

// ---------------------------------------------------------------------------
// full_page_dump: an inscriptis-style dump of a whole local-news page
// ---------------------------------------------------------------------------

const FULL: &str = "full_page_dump";

const FULL_HEADLINE: &str =
    "Millbrook footbridge reopens two years after spring flood swept it away";

const FULL_PARAGRAPHS: &[&str] = &[
    "MILLBROOK — For the first time in more than two years, residents of the Eastbank neighborhood can walk to the farmers market without a twenty-minute detour. The rebuilt Tanner Street footbridge opened to pedestrians on Saturday morning, drawing a small crowd of neighbors, city workers and one very excited golden retriever who crossed it before the ribbon had even been cut.",
    "The old bridge, a timber span built in 1962, was torn from its footings during the April 2022 flood, when the Sorrel River rose almost nine feet in a single night. Pieces of its railing were found weeks later on a gravel bar near Fenwick, eleven miles downstream. For the families who relied on it, the loss turned a short errand into a drive across the Route 4 overpass.",
    "“People kept asking me when it would come back, and for a long time I honestly did not know,” said Dolores Aranda, who chairs the Eastbank Neighborhood Association and spent much of the last two years writing letters to state and federal agencies. “There were months when it felt like the bridge had simply been forgotten by everyone except the people who used it.”",
    "The new crossing cost $3.8 million, most of it covered by a federal disaster grant that the city secured last summer after two earlier applications were rejected. Engineers raised the deck nearly four feet above the old one and replaced the timber with weathering steel, which the city expects to last at least seventy-five years with modest upkeep.",
    "City engineer Raymond Osei said the design was tested against a flood twice the size of the 2022 event. The abutments now sit on piles driven thirty feet into bedrock, and the approaches on both banks were regraded so that water can pass around the structure instead of pushing against it. “We built it for the river we have now, not the one we had sixty years ago,” he said.",
    "Not everyone is satisfied. Several business owners on Tanner Street argued during public hearings that the money would have been better spent on the washed-out boat launch, which remains closed. Mayor Glenn Harwick acknowledged the frustration on Saturday and said the city hopes to begin repairs on the launch next spring if a second grant comes through.",
    "For now, the bridge is open daily from dawn to 10 p.m. Lighting along the span is expected to be installed by the end of June, and the city plans a formal dedication ceremony in July, when a plaque honoring the volunteers who cleared debris after the flood will be mounted at the east entrance.",
];

const FULL_BOILERPLATE: &[&str] = &[
    "Skip to main content",
    // Navigation menu, nested items included.
    "Home",
    "News",
    "Local",
    "Region",
    "State Politics",
    "Education",
    "Business",
    "Sports",
    "High School",
    "College",
    "Outdoors",
    "Opinion",
    "Editorials",
    "Letters",
    "Arts & Culture",
    "Food & Drink",
    "Weather",
    "Obituaries",
    "Classifieds",
    "Events",
    "Podcasts",
    "E-Edition",
    "About Us",
    "Sign In | Subscribe",
    // Byline and date: metadata, not body.
    "By Teresa Quill",
    "Monday, May 6, 2024",
    // Share bar.
    "Share this:",
    "Facebook",
    "Twitter",
    "Email",
    // Most Popular teasers.
    "Most Popular",
    "Council delays vote on downtown parking garage for a third time",
    "Ferry Street bakery closes its doors after 41 years in business",
    "Police identify driver in Route 4 crash near Oak Hollow",
    "Harbor Valley High names new head football coach",
    "Overnight storm knocks out power to 3,000 homes",
    "Letters: The library deserves longer weekend hours",
    // Newsletter, cookie notice, footer.
    "Sign up for The Morning Ledger newsletter and get local news in your inbox every weekday.",
    "We use cookies to personalize content and ads, to provide social media features and to analyze our traffic.",
    "By continuing to use this site, you agree to our use of cookies.",
    "Privacy Policy",
    "Terms of Use",
    "Contact Us",
    "© 2024 Example Media. All rights reserved.",
];

#[test]
fn full_page_dump_keeps_every_article_paragraph() {
    let text = load(FULL);
    assert_keeps(FULL, &text, &deboiler::clean(&text), FULL_PARAGRAPHS);
}

#[test]
fn full_page_dump_drops_boilerplate() {
    let text = load(FULL);
    assert_drops(FULL, &text, &deboiler::clean(&text), FULL_BOILERPLATE);
}

#[test]
fn full_page_dump_title_is_the_headline() {
    let text = load(FULL);
    assert_title(FULL, &deboiler::clean(&text), FULL_HEADLINE);
}

#[test]
fn full_page_dump_byline_and_date_are_metadata() {
    let text = load(FULL);
    let article = deboiler::clean(&text);
    assert_eq!(
        article.metadata.byline.as_deref(),
        Some("Teresa Quill"),
        "{FULL}: byline"
    );
    assert_eq!(
        article.metadata.published.as_deref(),
        Some("Monday, May 6, 2024"),
        "{FULL}: publication date"
    );
}

#[test]
fn full_page_dump_is_accounted() {
    let text = load(FULL);
    common::assert_accounted(&text, &deboiler::clean(&text));
}

#[test]
fn full_page_dump_snapshot() {
    let text = load(FULL);
    snapshot(FULL, &deboiler::clean(&text));
}

// ---------------------------------------------------------------------------
// markdown_dump: html2text output, hard-wrapped at 78 columns
// ---------------------------------------------------------------------------

const MARKDOWN: &str = "markdown_dump";

const MARKDOWN_HEADLINE: &str =
    "Alder River is warming faster than expected, five-year study finds";

/// Unwrapped, with the link markup the fixture has; compared without it.
const MARKDOWN_PARAGRAPHS: &[&str] = &[
    "The Alder River has warmed by almost two degrees Celsius over the past five summers, according to [the report](https://example.org/report) released on Tuesday by the Kestrel Basin Institute. Researchers say that the change is happening faster than any of their earlier models predicted, and that the upper stretches of the river, long thought to be the most stable, are warming the most.",
    "The team placed forty temperature loggers along a ninety-kilometre stretch of the river in 2019 and collected readings every fifteen minutes. Lead author Priya Vantongeren said that the most striking result came from the shaded headwaters near Corley Falls, where cold springs were long assumed to protect the water from summer heat waves.",
    "“We expected the lower river to heat up, because it is wide and slow and mostly exposed to the sun,” Vantongeren said. “What we did not expect was to see the same trend in the places that have always been our refuges. That tells us the groundwater itself is changing.”",
    "Brook trout, which need cold water to survive, have already disappeared from two tributaries that held healthy populations a decade ago. Anglers in the area noticed the decline before the scientists did, and several fishing clubs shared their catch records with the institute so that the researchers could set them beside [the temperature data](https://example.org/data/alder-temps).",
    "The report closes with a short list of measures that the authors believe could slow the warming, provided that local governments and the owners of riverside land are willing to act within the next few years:",
    "County commissioner Harold Beaulieu said on Wednesday that the county would review the recommendations at its June meeting, but warned that removing the mill dams would require the approval of private owners and could take years. Members of the Alder Watershed Alliance, a volunteer group, said they plan to begin planting willows along the banks this autumn regardless of what the county decides.",
];

/// The subheading and the bullet list inside the article.
const MARKDOWN_STRUCTURE: &[&str] = &[
    "What the warming means for trout",
    "Planting trees along the banks would shade the shallow upper reaches.",
    "Removing the two disused mill dams would let cold water move freely again.",
    "Limiting summer irrigation withdrawals would keep more water in the channel.",
];

const MARKDOWN_BOILERPLATE: &[&str] = &[
    "Skip to content",
    "Home",
    "News",
    "Environment",
    "Science",
    "Outdoors",
    "Opinion",
    "Podcasts",
    "Subscribe",
    "By Tomasz Ekwueme",
    "May 7, 2024",
    // Image alt text.
    "A photo of the river",
    // Related stories.
    "Related stories",
    "Volunteers count a record number of herons on the lower Alder",
    "Drought forces early closure of Corley Falls campground",
    "Why small dams are coming down across the region",
    "Letters: Protect the Alder before it is too late",
    // Footer.
    "* * *",
    "Get the week's best stories from the Riverbend Review in your inbox every Friday.",
    "Sign up for our newsletter",
    "About us",
    "Privacy Policy",
    "Terms of Use",
    "Contact",
    "© 2024 Riverbend Review. All rights reserved.",
];

/// Link targets and markup that must not reach the body.
const MARKDOWN_FRAGMENTS: &[&str] = &[
    "](",
    "![",
    "https://",
    "example.org",
    "#main",
    "river.jpg",
    "/data/alder-temps",
    "/news/2024/",
    "/newsletter",
];

#[test]
fn markdown_dump_keeps_every_article_paragraph() {
    let text = load(MARKDOWN);
    assert_keeps(
        MARKDOWN,
        &text,
        &deboiler::clean(&text),
        MARKDOWN_PARAGRAPHS,
    );
}

#[test]
fn markdown_dump_keeps_subheading_and_bullet_list() {
    let text = load(MARKDOWN);
    assert_keeps(MARKDOWN, &text, &deboiler::clean(&text), MARKDOWN_STRUCTURE);
}

#[test]
fn markdown_dump_drops_boilerplate_and_link_targets() {
    let text = load(MARKDOWN);
    let article = deboiler::clean(&text);
    assert_drops(MARKDOWN, &text, &article, MARKDOWN_BOILERPLATE);
    assert_no_fragments(MARKDOWN, &article, MARKDOWN_FRAGMENTS);
}

#[test]
fn markdown_dump_title_is_the_headline() {
    let text = load(MARKDOWN);
    assert_title(MARKDOWN, &deboiler::clean(&text), MARKDOWN_HEADLINE);
}

#[test]
fn markdown_dump_byline_and_date_are_metadata() {
    let text = load(MARKDOWN);
    let article = deboiler::clean(&text);
    assert_eq!(
        article.metadata.byline.as_deref(),
        Some("Tomasz Ekwueme"),
        "{MARKDOWN}: byline"
    );
    assert_eq!(
        article.metadata.published.as_deref(),
        Some("May 7, 2024"),
        "{MARKDOWN}: publication date"
    );
}

#[test]
fn markdown_dump_is_accounted() {
    let text = load(MARKDOWN);
    common::assert_accounted(&text, &deboiler::clean(&text));
}

#[test]
fn markdown_dump_snapshot() {
    let text = load(MARKDOWN);
    snapshot(MARKDOWN, &deboiler::clean(&text));
}

// ---------------------------------------------------------------------------
// extractor_output: an article extractor's output with leftovers
// ---------------------------------------------------------------------------

const EXTRACTOR: &str = "extractor_output";

const EXTRACTOR_HEADLINE: &str =
    "Tornado cuts path through Dunmore Flats, leaving dozens of homes damaged";

const EXTRACTOR_PARAGRAPHS: &[&str] = &[
    "DUNMORE FLATS — A tornado tore through this farming town of about 1,900 people late Monday, ripping roofs from houses, toppling a grain elevator and scattering debris across a half-mile stretch of Main Street. No deaths were reported, but the Calder County sheriff's office said at least eleven people were treated for injuries, two of them serious.",
    "The National Weather Service confirmed on Tuesday that the storm was an EF-2 tornado with peak winds of about 125 miles per hour. Meteorologist Craig Dunleavy said it stayed on the ground for roughly fourteen minutes, crossing open fields before it reached the western edge of town shortly after 9:30 p.m., when many residents were already asleep.",
    "Sirens sounded about eight minutes before the tornado arrived, giving families time to reach basements and storm shelters. Several residents said they heard the wind change pitch just before the windows blew out. “It sounded like a freight train parked on top of the house,” said Walter Pruitt, 71, who rode out the storm in a root cellar with his wife and their two dogs.",
    "By Tuesday afternoon, crews from three neighboring counties were clearing fallen trees and restoring power lines along the main highway. The Prairie Relief Network opened a shelter in the high school gymnasium, where about sixty people spent the night. Volunteers from area churches handed out water, sandwiches and tarps to homeowners trying to cover their damaged roofs before more rain arrives later in the week.",
    "Marjorie Keel, who has run Keel Hardware on Main Street for twenty-six years, stood in front of the building on Tuesday morning and looked up at the sky through what was left of its roof. Her inventory was soaked, the front windows were gone and the sign her father painted in 1978 lay in pieces across the sidewalk.",
    "State emergency officials said they would begin assessing the damage on Wednesday to determine whether the county qualifies for disaster assistance. Until then, Mayor Ron Tibbets urged residents to photograph all damage for insurance claims and to stay away from downed lines, which crews expect to have cleared by the weekend.",
];

/// Short article lines that a line-length filter would wrongly drop.
const EXTRACTOR_SHORT_LINES: &[&str] = &["A long cleanup ahead", "“We will rebuild,” Keel said."];

const EXTRACTOR_CAPTION: &str = "Volunteers sort donated clothing inside the gymnasium of Dunmore Flats High School on Tuesday, May 7, 2024, a day after a tornado damaged dozens of homes in the town. (AP Photo/Lena Marchetti)";

const EXTRACTOR_BOILERPLATE: &[&str] = &[
    EXTRACTOR_CAPTION,
    "Volunteers sort donated clothing inside the gymnasium",
    "(AP Photo/Lena Marchetti)",
    "READ MORE: Storm season arrives early across the southern plains",
    "Storm season arrives early across the southern plains",
    "Sign up for our daily newsletter",
    "Tags: Tornado, Calder County, Severe Weather",
];

#[test]
fn extractor_output_keeps_every_article_paragraph() {
    let text = load(EXTRACTOR);
    assert_keeps(
        EXTRACTOR,
        &text,
        &deboiler::clean(&text),
        EXTRACTOR_PARAGRAPHS,
    );
}

#[test]
fn extractor_output_keeps_short_article_lines() {
    let text = load(EXTRACTOR);
    let article = deboiler::clean(&text);
    assert_keeps(EXTRACTOR, &text, &article, EXTRACTOR_SHORT_LINES);
    for line in EXTRACTOR_SHORT_LINES {
        assert!(
            article.paragraphs.iter().any(|p| p.text == *line),
            "{EXTRACTOR}: {line:?} should be a paragraph of its own"
        );
    }
}

#[test]
fn extractor_output_drops_leftovers() {
    let text = load(EXTRACTOR);
    assert_drops(
        EXTRACTOR,
        &text,
        &deboiler::clean(&text),
        EXTRACTOR_BOILERPLATE,
    );
}

#[test]
fn extractor_output_title_is_the_headline() {
    let text = load(EXTRACTOR);
    assert_title(EXTRACTOR, &deboiler::clean(&text), EXTRACTOR_HEADLINE);
}

#[test]
fn extractor_output_caption_and_tags_are_metadata() {
    let text = load(EXTRACTOR);
    let article = deboiler::clean(&text);
    assert!(
        article
            .metadata
            .captions
            .iter()
            .any(|c| c == EXTRACTOR_CAPTION),
        "{EXTRACTOR}: the photo caption should be in metadata.captions, got {:?}",
        article.metadata.captions
    );
    assert_eq!(
        article.metadata.tags,
        ["Tornado", "Calder County", "Severe Weather"],
        "{EXTRACTOR}: metadata.tags"
    );
}

#[test]
fn extractor_output_is_accounted() {
    let text = load(EXTRACTOR);
    common::assert_accounted(&text, &deboiler::clean(&text));
}

#[test]
fn extractor_output_snapshot() {
    let text = load(EXTRACTOR);
    snapshot(EXTRACTOR, &deboiler::clean(&text));
}

// ---------------------------------------------------------------------------
// german_page: a German full-page dump with a comment section
// ---------------------------------------------------------------------------

const GERMAN: &str = "german_page";

const GERMAN_HEADLINE: &str = "Hallenbad in Kaltenbrück öffnet nach drei Jahren Sanierung wieder";

const GERMAN_PARAGRAPHS: &[&str] = &[
    "Nach mehr als drei Jahren Bauzeit hat das Hallenbad an der Mühlenstraße am Samstag wieder seine Türen geöffnet. Schon eine Stunde vor der offiziellen Eröffnung standen die ersten Familien vor dem Eingang, viele von ihnen mit Kindern, die das Bad bisher nur aus den Erzählungen ihrer Eltern kannten. Bürgermeisterin Sabine Wolters sprach von einem „guten Tag für die ganze Stadt“.",
    "Die Sanierung war deutlich teurer geworden als ursprünglich geplant. Statt der veranschlagten 9,5 Millionen Euro kostete der Umbau am Ende fast 14 Millionen Euro. Als Gründe nannte die Stadtverwaltung vor allem gestiegene Preise für Baumaterial und einen Wasserschaden im Technikraum, der erst während der Arbeiten entdeckt wurde und die Fertigstellung um mehrere Monate verzögerte.",
    "Dafür ist das Bad nun auf dem neuesten Stand. Das Schwimmerbecken wurde vollständig erneuert, dazu kommen ein neues Lehrschwimmbecken mit Hubboden und eine kleine Sauna im Obergeschoss. Auf dem Dach erzeugt eine Photovoltaikanlage einen Teil des Stroms, den die Pumpen und die Lüftung benötigen. Nach Angaben der Stadtwerke soll der Energieverbrauch dadurch um etwa ein Drittel sinken.",
    "Besonders froh über die Wiedereröffnung sind die Schulen und Vereine der Region. Während der Schließung mussten die Grundschulen für den Schwimmunterricht bis nach Oberau fahren, was nach Angaben des Schulamts pro Woche mehrere Unterrichtsstunden gekostet hat. „Viele Kinder haben in dieser Zeit nicht richtig schwimmen gelernt“, sagte Thomas Brenninger, Vorsitzender des Schwimmvereins Kaltenbrück. „Das wollen wir jetzt so schnell wie möglich aufholen.“",
    "Die Eintrittspreise steigen im Vergleich zu früher leicht. Erwachsene zahlen künftig 5,50 Euro für drei Stunden, Kinder und Jugendliche 3 Euro. Für Familien gibt es eine Tageskarte für 14 Euro. Das Bad ist dienstags bis sonntags von 7 bis 21 Uhr geöffnet, montags bleibt es für Schulen und Vereine reserviert.",
];

const GERMAN_BOILERPLATE: &[&str] = &[
    "Direkt zum Inhalt",
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Lokales",
    "Kaltenbrück",
    "Oberau",
    "Landkreis",
    "Sport",
    "Kultur",
    "Wissen",
    "Reise",
    "Auto",
    "Immobilien",
    "Jobs",
    "Traueranzeigen",
    "Veranstaltungen",
    "Wetter",
    "E-Paper",
    "Abo",
    "Aktualisiert am 6. Mai 2024",
    // Teasers.
    "Lesen Sie auch:",
    "Stadtrat streitet über neue Parkgebühren in der Innenstadt",
    "Freibad Oberau startet am 15. Mai in die Saison",
    "Kaltenbrücker Handballerinnen steigen in die Regionalliga auf",
    // Footer.
    "Impressum",
    "Datenschutz",
    "Kontakt",
    "© 2024 Lindenauer Rundschau",
];

/// The comment form and the two reader comments.
const GERMAN_COMMENTS: &[&str] = &[
    "Schreibe einen Kommentar",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
    "Jürgen Maaß sagt:",
    "6. Mai 2024 um 18:42 Uhr",
    "Endlich! Wir waren am Sonntag mit den Enkeln dort und es war wirklich schön. Nur die Parkplätze reichen bei weitem nicht aus, da muss die Stadt noch nachbessern.",
    "Antworten",
    "Petra Lindqvist sagt:",
    "7. Mai 2024 um 09:05 Uhr",
    "Vierzehn Millionen Euro für ein Hallenbad, und gleichzeitig wird bei den Büchereien gespart. Ich freue mich für die Kinder, aber die Planung war von Anfang an nicht seriös.",
];

#[test]
fn german_page_keeps_every_article_paragraph() {
    let text = load(GERMAN);
    assert_keeps(GERMAN, &text, &deboiler::clean(&text), GERMAN_PARAGRAPHS);
}

#[test]
fn german_page_drops_boilerplate() {
    let text = load(GERMAN);
    assert_drops(GERMAN, &text, &deboiler::clean(&text), GERMAN_BOILERPLATE);
}

#[test]
fn german_page_comment_section_is_gone() {
    let text = load(GERMAN);
    let article = deboiler::clean(&text);
    assert_drops(GERMAN, &text, &article, GERMAN_COMMENTS);
    let last = GERMAN_PARAGRAPHS.last().expect("paragraphs");
    assert!(
        norm(&article.body).ends_with(&norm(last)),
        "{GERMAN}: the body should end with the article's last paragraph:\n{}",
        article.body
    );
}

#[test]
fn german_page_title_is_the_headline() {
    let text = load(GERMAN);
    assert_title(GERMAN, &deboiler::clean(&text), GERMAN_HEADLINE);
}

#[test]
fn german_page_date_is_metadata() {
    let text = load(GERMAN);
    let article = deboiler::clean(&text);
    let m = &article.metadata;
    assert!(
        [&m.updated, &m.published]
            .into_iter()
            .flatten()
            .any(|d| d.ends_with("6. Mai 2024")),
        "{GERMAN}: `Aktualisiert am 6. Mai 2024` should set metadata.updated or \
         published; got updated {:?}, published {:?}",
        m.updated,
        m.published
    );
}

#[test]
fn german_page_is_accounted() {
    let text = load(GERMAN);
    common::assert_accounted(&text, &deboiler::clean(&text));
}

#[test]
fn german_page_snapshot() {
    let text = load(GERMAN);
    snapshot(GERMAN, &deboiler::clean(&text));
}

// ---------------------------------------------------------------------------
// The helpers themselves
// ---------------------------------------------------------------------------

#[test]
fn strip_links_removes_markup_only() {
    assert_eq!(
        strip_links("see [the report](https://example.org/report) now"),
        "see the report now"
    );
    assert_eq!(strip_links("![A photo](/img/a.jpg)"), "");
    assert_eq!(
        strip_links("the [US] debate (he said)"),
        "the [US] debate (he said)"
    );
    assert_eq!(norm("  a \n b\t c "), "a b c");
    assert_eq!(without_marker("* Home"), "Home");
    assert_eq!(without_marker("+ Local"), "Local");
}
