//! Phrase packs: the boilerplate phrases of each supported language (en, de, fr,
//! es, it, pt, nl, pl), one macro per concept, one line per language. The rule
//! tables splice them into their patterns with `concat!`, so a phrase is written
//! once and every rule that needs it sees the same list. All packs are active
//! for every document: the patterns are anchored to short lines, where a German
//! `Kommentare` heading cannot be mistaken for English prose.
//!
//! Every macro expands to a regex alternation without a surrounding group; wrap
//! it in `(?:…)` where it is used. Patterns are matched case-insensitively.

/// "Leave a comment / reply": opens a comment form.
macro_rules! leave_comment {
    () => {
        concat!(
            r"leave an? (?:reply|comment|response)",
            r"|(?:schreib(?:e|en sie)|hinterlass(?:e|en sie)) (?:einen|eine) (?:kommentar|antwort)|kommentar (?:schreiben|verfassen|hinterlassen)|antwort hinterlassen",
            r"|laisser un commentaire|laissez un commentaire|(?:ajouter|écrire) un commentaire|laisser une réponse",
            r"|deja (?:un comentario|una respuesta)|dejar un comentario|escribe un comentario",
            r"|lascia un commento|lascia una risposta|scrivi un commento",
            r"|deixe (?:um comentário|uma resposta)|deixar um comentário",
            r"|laat een (?:reactie|antwoord) achter|plaats een reactie|geef een reactie",
            r"|(?:dodaj|zostaw|napisz) komentarz|(?:dodaj|zostaw) odpowiedź",
        )
    };
}

/// The word "comments" (and "responses"), as in a `12 Comments` heading.
macro_rules! comments_word {
    () => {
        concat!(
            r"comments?|responses?|replies",
            r"|kommentare?|antworten|reaktionen",
            r"|commentaires?|réactions?|réponses?",
            r"|comentarios?|respuestas?",
            r"|commenti|risposte",
            r"|comentários?|respostas?",
            r"|reacties?",
            r"|komentarz[ey]?|komentarzy|odpowiedzi",
        )
    };
}

/// A lone "Comments" heading (without responses/replies, which head ordinary
/// article sections too).
macro_rules! comments_heading {
    () => {
        concat!(
            r"comments|reader comments|kommentare|leserkommentare|commentaires|comentarios|commenti|comentários|reacties|komentarze",
        )
    };
}

/// "Read more / also read / see also / related": a label before teaser links.
macro_rules! read_also {
    () => {
        concat!(
            r"read more|read next|also read|read also|see also|related|recommended|continue reading|keep reading|read the (?:full|whole) (?:story|article)|read full (?:story|article)",
            r"|(?:zum )?weiterlesen|mehr lesen|lesen sie (?:auch|mehr|hier)|mehr videos|zum artikel|passend zum thema",
            r"|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|à voir aussi|en savoir plus",
            r"|leer más|lea también|lee también|ver también|mire",
            r"|leggi anche|leggi di più|leggi tutto|vedi anche",
            r"|leia também|leia mais|veja também|saiba mais",
            r"|lees ook|lees meer|lees verder|zie ook",
            r"|zobacz (?:także|też|również)|czytaj (?:też|także|więcej|dalej)|przeczytaj (?:też|także)",
        )
    };
}

/// A heading over a list of teasers for other articles ("You may also like",
/// "Most read"): the article above it has ended.
macro_rules! teaser_heading {
    () => {
        concat!(
            r"related (?:articles?|stories|posts|content|coverage|news|topics|videos|reading)|more from(?: (?-i:\p{Lu})(?-i:[\w.'’&-]*)){1,4}|you (?:may|might) also like|recommended(?: for you| stories| articles)|more stories|more on this(?: story| topic)?|most (?:read|popular|viewed|shared)(?: (?:articles|stories|news))?|trending(?: now| stories| news)?|top stories|latest (?:news|stories)|(?:other|more) (?:news|articles|stories)|up next|next up|watch next|what to read next|explore further",
            r"|das könnte (?:sie|dich|euch) (?:auch )?interessieren|ähnliche (?:artikel|beiträge)|verwandte (?:artikel|beiträge)|mehr zum thema|auch interessant|meistgelesen(?:e artikel)?|weitere (?:aktuelle )?(?:artikel|beiträge|nachrichten|themen)|(?:neueste|aktuellste) (?:artikel|beiträge)",
            r"|sur le même sujet|articles? liés?|les plus lus|à lire également|dans la même rubrique",
            r"|te puede interesar|noticias relacionadas|(?:artículos|temas) relacionados|más noticias|otras noticias|lo más leído|más leídas",
            r"|potrebbe interessarti|articoli correlati|i più letti|più letti",
            r"|você pode gostar|notícias relacionadas|mais lidas|mais notícias",
            r"|meer nieuws|gerelateerde artikelen|meest gelezen",
            r"|polecamy|najczęściej czytane|najpopularniejsze|powiązane artykuły",
        )
    };
}

/// An advertisement marker.
macro_rules! advertisement {
    () => {
        concat!(
            r"advertisement|advertising|advert|ads?|sponsored(?: content| links?| stories)?|promoted(?: content| stories)?|paid (?:content|post|partnership)",
            r"|anzeige|werbung",
            r"|publicité|annonce",
            r"|publicidad|anuncio",
            r"|pubblicità",
            r"|publicidade",
            r"|advertentie|gesponsord",
            r"|reklama|materiał sponsorowany",
        )
    };
}

/// "Published (on)": a label before the publication date.
macro_rules! published_label {
    () => {
        concat!(
            r"(?:first )?(?:published|posted)(?:\s+(?:on|at))?",
            r"|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|erschienen(?:\s+am)?|datum",
            r"|publié(?:\s+le)?|mis en ligne(?:\s+le)?",
            r"|publicado(?:\s+(?:el|en|em))?|fecha",
            r"|pubblicato(?:\s+il)?",
            r"|gepubliceerd(?:\s+op)?|geplaatst(?:\s+op)?",
            r"|opublikowano|data publikacji",
        )
    };
}

/// "Updated (on)": a label before the update date.
macro_rules! updated_label {
    () => {
        concat!(
            r"(?:last )?(?:updated|modified|edited)(?:\s+(?:on|at))?",
            r"|aktualisiert(?:\s+am)?|zuletzt aktualisiert(?:\s+am)?|stand",
            r"|mis à jour(?:\s+le)?|actualisé(?:\s+le)?",
            r"|actualizado(?:\s+(?:el|a las))?",
            r"|aggiornato(?:\s+il)?",
            r"|atualizado(?:\s+em)?",
            r"|bijgewerkt(?:\s+op)?",
            r"|zaktualizowano|aktualizacja",
        )
    };
}

/// "Tags / topics / categories": a label before a tag list.
macro_rules! tags_label {
    () => {
        concat!(
            r"(?:related )?(?:tags|topics|tagged(?: with)?|filed under|categories|keywords)",
            r"|schlagw(?:ö|o)rte(?:r)?|themen|kategorien?|stichw(?:ö|o)rte(?:r)?",
            r"|étiquettes|mots-clés|catégories?|thèmes",
            r"|etiquetas|categorías?|temas",
            r"|argomenti|categorie|parole chiave",
            r"|marcadores|categorias",
            r"|trefwoorden|categorieën|onderwerpen",
            r"|tagi|kategorie|tematy|słowa kluczowe",
        )
    };
}

/// "Share (this)": a share-bar label.
macro_rules! share_label {
    () => {
        concat!(
            r"share(?: this(?: (?:article|story|post|page|video))?| on| via| the story| article)?|sharing is caring|spread the word",
            r"|teilen(?: mit)?|artikel teilen|diesen (?:artikel|beitrag) teilen|jetzt teilen",
            r"|partager(?: cet article| sur)?|partagez",
            r"|compartir(?: en)?|comparte",
            r"|condividi(?: su)?",
            r"|compartilh(?:ar|e)",
            r"|delen|deel dit artikel",
            r"|udostępnij|podziel się",
        )
    };
}

/// "Follow us": a prompt to follow the site on a network.
macro_rules! follow_us {
    () => {
        concat!(
            r"follow us",
            r"|folg(?:e|en sie) uns(?: auch)?",
            r"|suivez-nous|rejoignez-nous",
            r"|síguenos|siguenos",
            r"|seguici",
            r"|siga-nos|segue-nos",
            r"|volg ons",
            r"|obserwuj nas|dołącz do nas",
        )
    };
}

/// A footer link: contact, imprint, privacy and terms pages.
macro_rules! footer_link {
    () => {
        concat!(
            r"privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|cookie policy|contact(?: us)?|about(?: us)?|imprint|sitemap|advertise(?: with us)?",
            r"|kontakt|impressum|datenschutz(?:erklärung)?|agb|über uns|mediadaten",
            r"|mentions légales|politique de confidentialité|nous contacter|qui sommes-nous",
            r"|aviso legal|política de privacidad|contacto|quiénes somos",
            r"|contatti|chi siamo|note legali",
            r"|contato|fale conosco|política de privacidade|quem somos",
            r"|privacybeleid|over ons|algemene voorwaarden",
            r"|polityka prywatności|regulamin|o nas",
        )
    };
}

/// "Subscribe to the newsletter": a sign-up prompt.
macro_rules! newsletter_signup {
    () => {
        concat!(
            r"(?:sign up|subscribe|register) (?:now |today |here )?(?:to|for) (?:our|the|my)(?-u:\b)(?:\s+(?-i:[\w'’-]+)){0,5}\s+(?:newsletters?|e-?mails?|updates|alerts|briefing|digest)(?-u:\b)",
            r"|newsletter (?:abonnieren|bestellen)|jetzt (?:anmelden|abonnieren)|zum newsletter anmelden",
            r"|(?:abonnez-vous|inscrivez-vous) à (?:notre|la) newsletter|s'abonner à la newsletter",
            r"|suscríbete a (?:nuestro|el) (?:boletín|newsletter)",
            r"|iscriviti alla (?:nostra )?newsletter",
            r"|(?:assine|inscreva-se n)a (?:nossa )?newsletter",
            r"|(?:abonneer|schrijf je in) (?:je )?(?:op|voor) (?:onze|de) nieuwsbrief",
            r"|zapisz się (?:do|na) (?:naszego )?newsletter",
        )
    };
}

/// A cookie notice sentence.
macro_rules! cookie_notice {
    () => {
        concat!(
            r"(?-u:\b)(?:we|this (?:web)?site|our (?:web)?site|our partners)(?: and our partners)? uses? cookies(?-u:\b)",
            r"|(?-u:\b)(?:wir verwenden|diese (?:web)?seite verwendet|diese website nutzt|wir nutzen|(?:nutzen|verwenden|setzen) wir) cookies(?-u:\b)",
            r"|(?-u:\b)(?:nous utilisons|ce site utilise) (?:des )?cookies(?-u:\b)",
            r"|(?-u:\b)(?:utilizamos|este sitio (?:web )?utiliza|usamos) cookies(?-u:\b)",
            r"|(?-u:\b)(?:utilizziamo|questo sito utilizza) (?:i )?cookie",
            r"|(?-u:\b)(?:este site usa|utilizamos) cookies(?-u:\b)",
            r"|(?-u:\b)(?:wij gebruiken|deze website gebruikt) cookies(?-u:\b)",
            r"|(?-u:\b)(?:ta strona używa|korzystamy z) (?:plików )?cookies(?-u:\b)",
        )
    };
}

/// Month names and abbreviations of every supported language.
macro_rules! month_name {
    () => {
        concat!(
            r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
            r"|januar|februar|märz|mär|mai|juni|juli|okt|oktober|dez|dezember",
            r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre",
            r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
            r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
            r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro",
            r"|januari|februari|maart|mei|augustus",
            r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia",
        )
    };
}

/// Weekday names of every supported language.
macro_rules! weekday_name {
    () => {
        concat!(
            r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?",
            r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
            r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo",
            r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
            r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira",
            r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
            r"|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela",
        )
    };
}

/// Log-in / sign-up form vocabulary, concept 1: the password field and its
/// messages (German compounds such as `Passwortes` included).
macro_rules! form_password {
    () => {
        concat!(
            r"(?-u:\b)passw(?:ord|ort|ört)|(?-u:\b)kennwort",
            r"|(?-u:\b)mot de passe(?-u:\b)",
            r"|(?-u:\b)contraseña",
            r"|(?-u:\b)senha(?-u:\b)",
            r"|(?-u:\b)wachtwoord",
            r"|(?-u:\b)hasł[oa]",
        )
    };
}

/// Form vocabulary, concept 2: the identity fields (user name, e-mail address).
macro_rules! form_identity {
    () => {
        concat!(
            r"(?-u:\b)user ?name(?-u:\b)|(?-u:\b)e-?mail[ -]?address(?-u:\b)",
            r"|(?-u:\b)(?:benutzer|nutzer|anzeige)name|(?-u:\b)e-?mail-?adresse",
            r"|(?-u:\b)nom d'utilisateur|(?-u:\b)adresse (?:e-?mail|électronique)(?-u:\b)",
            r"|(?-u:\b)nombre de usuario|(?-u:\b)correo electrónico",
            r"|(?-u:\b)nome utente|(?-u:\b)indirizzo (?:e-?mail|di posta)",
            r"|(?-u:\b)nome de usuário|(?-u:\b)endereço de e-?mail",
            r"|(?-u:\b)gebruikersnaam|(?-u:\b)e-?mailadres",
            r"|(?-u:\b)nazwa użytkownika|(?-u:\b)adres e-?mail",
        )
    };
}

/// Form vocabulary, concept 3: the account and its actions (sign in, register).
macro_rules! form_account {
    () => {
        concat!(
            r"(?-u:\b)(?:sign|log) ?(?:in|up|out)(?-u:\b)|(?-u:\b)regist(?:er|ration)(?-u:\b)|(?-u:\b)accounts?(?-u:\b)",
            r"|(?-u:\b)registrier|(?-u:\b)(?:an|ab)melden(?-u:\b)|(?-u:\b)angemeldet(?-u:\b)|(?-u:\b)einloggen(?-u:\b)|(?-u:\b)konto(?-u:\b)",
            r"|(?-u:\b)se connecter(?-u:\b)|(?-u:\b)connexion(?-u:\b)|(?-u:\b)inscri(?:re|ption|vez)|(?-u:\b)compte(?-u:\b)",
            r"|(?-u:\b)iniciar sesión|(?-u:\b)registr(?:o|arse|ate)(?-u:\b)|(?-u:\b)cuenta(?-u:\b)",
            r"|(?-u:\b)accedi(?-u:\b)|(?-u:\b)registra(?:ti|zione)(?-u:\b)",
            r"|(?-u:\b)cadastr(?:o|ar|e-se)(?-u:\b)",
            r"|(?-u:\b)inloggen(?-u:\b)|(?-u:\b)registre(?:ren|tie)(?-u:\b)",
            r"|(?-u:\b)zaloguj|(?-u:\b)rejestr|(?-u:\b)konta?(?-u:\b)",
        )
    };
}

/// Form vocabulary, concept 4: what surrounds the fields (remember me, required
/// fields, accepting the terms).
macro_rules! form_consent {
    () => {
        concat!(
            r"(?-u:\b)remember me(?-u:\b)|(?-u:\b)keep me (?:signed|logged) in(?-u:\b)|(?-u:\b)(?:required|mandatory) fields?(?-u:\b)|(?-u:\b)i (?:accept|agree to) the(?-u:\b)",
            r"|(?-u:\b)angemeldet bleiben(?-u:\b)|(?-u:\b)pflichtfeld|(?-u:\b)ich (?:akzeptiere|stimme|bin einverstanden)(?-u:\b)|(?-u:\b)stimme unser",
            r"|(?-u:\b)se souvenir de moi(?-u:\b)|(?-u:\b)champs? obligatoires?(?-u:\b)|(?-u:\b)j'accepte(?-u:\b)",
            r"|(?-u:\b)recordarme(?-u:\b)|(?-u:\b)campos? obligatorios?(?-u:\b)|(?-u:\b)acepto(?-u:\b)",
            r"|(?-u:\b)ricordami(?-u:\b)|(?-u:\b)campi obbligatori(?-u:\b)|(?-u:\b)accetto(?-u:\b)",
            r"|(?-u:\b)lembrar-me(?-u:\b)|(?-u:\b)campos? obrigatórios?(?-u:\b)|(?-u:\b)aceito(?-u:\b)",
            r"|(?-u:\b)onthoud mij(?-u:\b)|(?-u:\b)verplichte velden(?-u:\b)|(?-u:\b)ik ga akkoord(?-u:\b)",
            r"|(?-u:\b)zapamiętaj mnie|(?-u:\b)pola wymagane(?-u:\b)|(?-u:\b)akceptuję",
        )
    };
}

/// A cookie-consent dialog's description of a cookie category (`These cookies
/// are necessary for the site to work`, `Diese Cookies sind notwendig, um …`):
/// "these cookies" and a verb, at the start of a sentence.
macro_rules! cookie_category {
    () => {
        concat!(
            r"(?:these|this|such) cookies? (?:are|is|help|allow|enable|collect|track)(?-u:\b)",
            r"|diese[rs]? cookies? (?:sind|ist|werden|wird|helfen|ermöglich|erheb|sammel|speicher)",
            r"|ces cookies (?:sont|permettent|nous)(?-u:\b)",
            r"|estas cookies (?:son|permiten|nos)(?-u:\b)",
            r"|questi cookie (?:sono|permettono|ci)(?-u:\b)",
            r"|(?:esses|estes) cookies (?:são|permitem|nos)(?-u:\b)",
            r"|deze cookies (?:zijn|worden|helpen|maken)(?-u:\b)",
            r"|te (?:pliki )?cookies? (?:są|pozwalają|umożliwiają)",
        )
    };
}

/// "Straight to your inbox": a newsletter pitch that promises mail.
macro_rules! inbox_pitch {
    () => {
        concat!(
            r"(?:straight|directly|delivered|sent) (?:in)?to your inbox",
            r"|(?:direkt|bequem|regelmäßig) (?:in (?:dein|ihr|euer) (?:e-mail-)?postfach|per e-?mail)",
            r"|directement dans votre boîte",
            r"|directamente (?:en|a) tu (?:bandeja|correo|email)",
            r"|direttamente nella tua (?:casella|inbox|email)",
            r"|direto (?:na sua caixa|no seu e-?mail)",
            r"|(?:direct|rechtstreeks) in je (?:mailbox|inbox)",
            r"|prosto na twoją skrzynkę",
        )
    };
}

/// "Our newsletter keeps you informed": a newsletter pitch in its own words,
/// which addresses the reader (an article sentence about a newsletter does
/// not). The sign-up wording is `newsletter_signup!`.
macro_rules! newsletter_pitch {
    () => {
        concat!(
            r"(?:with|via|through) our (?:free |weekly |daily )?newsletter(?-u:\b).*(?-u:\b)(?:you|your)(?-u:\b)",
            r"|(?:mit|über) unser(?:em|en)? (?:kostenlosen |wöchentlichen |täglichen )?newsletter(?-u:\b).*(?-u:\b)(?:sie|dich|euch|ihnen|dir)(?-u:\b)",
            r"|(?:für|zu) (?:den|unseren) (?:kostenlosen )?newsletter(?-u:\b).*(?-u:\b)(?:anmelden|registrieren|eintragen)(?-u:\b)",
            r"|(?:avec|grâce à) notre (?:newsletter|lettre d'information)(?-u:\b).*(?-u:\b)(?:vous|votre)(?-u:\b)",
            r"|con (?:nuestro boletín|nuestra newsletter)(?-u:\b).*(?-u:\b)(?:te|tu|usted)(?-u:\b)",
            r"|con la nostra newsletter(?-u:\b).*(?-u:\b)(?:ti|tuo|tua)(?-u:\b)",
            r"|com a nossa newsletter(?-u:\b).*(?-u:\b)(?:você|seu|sua)(?-u:\b)",
            r"|met onze nieuwsbrief(?-u:\b).*(?-u:\b)(?:je|jij|u)(?-u:\b)",
            r"|dzięki naszemu newsletterowi",
        )
    };
}

/// A plea for the reader's support under the article: "If you liked this
/// article …", "Do you like our work?", "We rely on your support".
macro_rules! support_plea {
    () => {
        concat!(
            r"(?-u:\b)(?:if you (?:liked|enjoyed|found value in) (?:this|the|our) (?:article|post|story|piece|blog post)|we (?:rely|depend) on (?:your|readers'?|reader) support|support (?:our|independent|local|quality) journalism)(?-u:\b)|^(?:do you |did you )?(?:like|enjoy|value) (?:our|this) (?:work|journalism|content|site|blog|magazine)\?",
            r"|(?-u:\b)wenn (?:ihnen|dir|euch) (?:der|dieser|unser) (?:artikel|beitrag|text) gefallen hat|^(?:gefällt|gefallen) (?:dir|ihnen|euch) unser|^(?:unterstützen sie|unterstütze|unterstützt) (?:uns|unsere arbeit|(?:das |den |die )?\S+)(?: bereits| jetzt)? (?:mit|ab) (?:einer spende|[0-9])",
            r"|(?-u:\b)si (?:cet article|ce billet) vous a plu|^vous aimez notre (?:travail|journalisme|site|magazine)",
            r"|(?-u:\b)si te (?:ha )?gust(?:ó|ado) (?:este|el) (?:artículo|post)|^¿te gusta nuestro (?:trabajo|periodismo|contenido)",
            r"|(?-u:\b)se ti è piaciuto (?:questo|l')\s?articolo|^ti piace il nostro (?:lavoro|giornalismo)",
            r"|(?-u:\b)se (?:você )?gostou (?:deste|do) (?:artigo|post)",
            r"|(?-u:\b)als je dit artikel (?:leuk|interessant) vond",
            r"|(?-u:\b)jeśli (?:spodobał|podobał) ci się (?:ten )?artykuł",
        )
    };
}

/// "Never miss a post": a prompt that heads a sign-up box.
macro_rules! never_miss {
    () => {
        concat!(
            r"^(?:never|don't|do not) miss (?:a|an|another|out on (?:a|an|any|the latest)) (?:post|story|article|update|issue|episode|thing)(?-u:\b)",
            r"|^(?:du willst|willst du|sie wollen|wollen sie|ihr wollt|wollt ihr) (?:nichts|keinen (?:beitrag|artikel)) (?:mehr )?(?:verpassen|versäumen)\?",
            r"|^ne (?:manquez|ratez) plus (?:rien|aucun (?:article|épisode))",
            r"|^no te pierdas (?:nada|ninguna novedad)",
            r"|^non perderti (?:nulla|niente)",
            r"|^não perca nada",
            r"|^mis (?:niets|geen (?:artikel|aflevering))",
            r"|^nie przegap (?:niczego|żadnego)",
        )
    };
}

/// "You must be logged in to …": a comment or favourites box for members.
macro_rules! must_be_logged_in {
    () => {
        concat!(
            r"(?-u:\b)you (?:must|need to|have to) be (?:logged|signed) in to(?-u:\b)",
            r"|(?-u:\b)(?:müssen sie|musst du|müsst ihr) (?:eingeloggt|angemeldet|registriert) sein(?-u:\b)",
            r"|(?-u:\b)vous devez être (?:connecté|identifié|inscrit)",
            r"|(?-u:\b)debes (?:estar (?:registrado|conectado|identificado)|iniciar sesión) para(?-u:\b)",
            r"|(?-u:\b)devi (?:essere (?:loggato|registrato|connesso)|effettuare il login) per(?-u:\b)",
            r"|(?-u:\b)você precisa estar (?:logado|conectado) para(?-u:\b)",
            r"|(?-u:\b)je moet (?:ingelogd|aangemeld) zijn om(?-u:\b)",
            r"|(?-u:\b)musisz być zalogowany",
        )
    };
}

/// A form's validation message about a field: `Please enter a valid e-mail
/// address.`, `Bitte geben Sie einen Spitznamen ein.`, `This e-mail address
/// is already registered.`, `Der gewählte Anzeigename ist nicht zulässig.`.
macro_rules! form_message {
    () => {
        concat!(
            r"^please (?:enter|provide|choose|fill in) (?:a |an |your )?(?:valid |correct )?(?:e-?mail(?: address)?|user ?name|password|(?:first |last |display |full )?name|nickname|comment|phone number)\W*$",
            r"|^bitte (?:geben sie|gib|gebt) (?:eine?n?|ihre?n?|deine?n?) (?:gültige[n]? )?\S+ ein\W*$",
            r"|^veuillez (?:saisir|entrer|indiquer) (?:une?|votre) (?:adresse e-?mail|nom|mot de passe|pseudo|commentaire)(?: valide)?\W*$",
            r"|^por favor,? (?:introduce|ingresa|escribe|introduzca|ingrese) (?:una?|tu|su) (?:correo|nombre|contraseña|comentario)",
            r"|^(?:per favore,? )?inserisci (?:una?|il tuo|la tua) (?:indirizzo e-?mail|email|nome|password|commento)",
            r"|^por favor,? (?:insira|digite|informe) (?:um|uma|o seu|a sua|seu|sua) (?:e-?mail|nome|senha|comentário)",
            r"|^(?:vul|voer) (?:een|je|uw) (?:geldig )?(?:e-?mailadres|naam|wachtwoord|reactie) in\W*$",
            r"|^(?:proszę )?(?:podaj|wpisz) (?:poprawny |swój )?(?:adres e-?mail|e-?mail|nazwę|imię|hasło)",
            r"|(?:e-?mail(?:[ -]?address|-?adresse)?|user ?name|benutzername|anzeigename|nickname) (?:is|ist) (?:already|bereits|schon) (?:registered|in use|taken|registriert|vergeben|belegt)",
            r"|^(?:the |der |die )?(?:chosen |selected |gewählte )?(?:user ?name|display name|nickname|benutzername|anzeigename|spitzname|e-?mail(?:-?adresse| address)?|password|passwort) (?:is|ist) (?:not (?:allowed|valid|available)|invalid|nicht (?:zulässig|gültig|erlaubt|verfügbar)|ungültig)\W*$",
            r"|registrierung (?:hat )?(?:leider )?(?:nicht funktioniert|ist fehlgeschlagen)|^registration failed",
            r"|(?:please|bitte) (?:check|überprüfe|überprüfen sie|prüfe|prüfen sie) (?:your|deine|ihre) (?:input|entries|details|angaben|eingaben?)\W*$",
            r"|(?:please try again|bitte versuchen? (?:sie )?es (?:später )?(?:erneut|noch einmal|nochmal)|veuillez réessayer|(?:inténtalo|inténtelo) (?:de nuevo|más tarde)|riprova più tardi|tente novamente|probeer het (?:later )?opnieuw|spróbuj ponownie)(?: later)?\W*$",
        )
    };
}

/// "Your cart is empty": a shop widget's message.
macro_rules! empty_cart {
    () => {
        concat!(
            r"your (?:shopping )?(?:cart|basket|bag) is (?:currently )?empty|no products in the (?:cart|basket)",
            r"|(?:ihr|dein) warenkorb ist (?:noch )?leer|es befinden sich keine (?:produkte|artikel) im warenkorb|keine (?:produkte|artikel) im warenkorb",
            r"|votre panier est vide|aucun produit dans (?:le|votre) panier",
            r"|tu (?:carrito|cesta) está vacío|no hay productos en (?:el|tu) carrito",
            r"|il tuo carrello è vuoto|nessun prodotto nel carrello",
            r"|o seu carrinho está vazio|nenhum produto no carrinho",
            r"|je winkelwagen is leeg|(?:er zijn )?geen producten in (?:je|de|uw) winkelwagen",
            r"|twój koszyk jest pusty|brak produktów w koszyku",
        )
    };
}

/// A month name or abbreviation in any supported language (`month_name!`).
macro_rules! month {
    () => {
        concat!(r"(?:", month_name!(), r")\.?")
    };
}

/// An optional weekday (`Saturday,`, `Tue`).
macro_rules! weekday {
    () => {
        concat!(r"(?:(?:", weekday_name!(), r")\.?,?\s*)?")
    };
}

/// A calendar date: `23 September 2017`, `Oct. 11, 2016`, `2017-09-23`, `23.09.2017`.
macro_rules! date {
    () => {
        concat!(
            r"(?:[0-9]{1,2}(?:st|nd|rd|th)?\.?\s+",
            month!(),
            r",?\s+[0-9]{4}|",
            month!(),
            r"\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4})"
        )
    };
}

/// A clock time with optional meridiem and zone: `05:13 AM`, `10.31 pm CST`.
macro_rules! time {
    () => {
        r"[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{2,4}\)?)?"
    };
}

/// A whole timestamp: a date with an optional weekday and clock time, in either
/// order (`Saturday, September 23, 2017 03:18 AM`, `10:31 AM ET, Tue October 11, 2016`).
///
/// The date is written once, with a clock time allowed on both sides: the
/// multilingual month and weekday names are most of the pattern, and written
/// twice (a time before, or after) they doubled its build time. The only lines
/// this adds, a date with a time on both sides, are timestamps too.
macro_rules! timestamp {
    () => {
        concat!(
            r"(?:",
            time!(),
            r"\s*(?:,|-|–|\||/)?\s*)?",
            weekday!(),
            date!(),
            r"(?:\s*(?:,|at|-|–|\||/)?\s*",
            time!(),
            r")?"
        )
    };
}

/// "Enter your e-mail to receive …": the text of an e-mail sign-up box.
macro_rules! email_signup {
    () => {
        concat!(
            r"enter your e-?mail(?: address)?(?: below| here)? to (?:receive|get|subscribe|sign up|follow)",
            r"|geben sie (?:hier )?ihre e-?mail-?adresse ein,? um|gib (?:hier )?deine e-?mail-?adresse ein,? um",
            r"|(?:entrez|saisissez|indiquez) votre (?:adresse )?e-?mail pour",
            r"|(?:introduce|ingresa|escribe) tu (?:correo(?: electrónico)?|e-?mail) para",
            r"|inserisci (?:la tua|il tuo) (?:e-?mail|indirizzo e-?mail) per",
            r"|(?:digite|insira|informe) (?:o )?seu e-?mail para",
            r"|vul (?:je|uw) e-?mailadres in om",
            r"|(?:podaj|wpisz) (?:swój )?(?:adres )?e-?mail,? (?:aby|by)",
        )
    };
}
