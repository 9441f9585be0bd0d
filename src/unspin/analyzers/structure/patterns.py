"""The pattern tables of structure analysis: what bylines, tag lines, datelines, boilerplate
and quotation introductions look like. Kept apart from the code that applies them, as
trafilatura keeps its XPath tables, so a new site style is usually one line here."""

from __future__ import annotations

import re
import re._constants as _regex_ops  # (the parsed form of a pattern, for the words it needs: `needed_words`)
import re._parser as _regex_parser
from functools import lru_cache

_AUTHOR_COLON = r"(?:authors?|writers?|contributors?|words|penulis)[^\S\t]*:"  # (Indonesian: "Penulis : Ann Roe")
BYLINE = re.compile(  # "By Ann Lee", "by: Cora Neas", "Written by: Charnele Henry", "Author: Jacopo Cascioli",
    # "Analysis by Ann Lee, Senior Legal Analyst"
    # (never a table's row: "Written by<TAB>Jane Roe" is a film's credits)
    r"^(?:(?:(?:written|words|post|posted|reported|story|analysis|opinion|commentary|column|review)[^\S\t]+)?by[^\S\t]*:?"
    # in other languages: "Von: Wolfgang Roe", "Por Williams Roe", "Par Jeanne Roe" (before a name only)
    r"|(?:von|door|autor|auteur|autore)[^\S\t]*:|(?:por|par|penulis)(?=[^\S\t]+(?-i:[A-ZÀ-Ý]))"
    # "Von Ann Roe" over a German story, "di Giovanna Roe" over an Italian one (a short line: "Von Miller
    # signs with the Bills" is a headline)
    r"|(?:von|di)(?=(?:[^\S\t]+(?-i:[A-ZÀ-Ý])[\w'’.\-]*){1,3}(?:[^\S\t]*(?:,|und|e|and)[^\S\t]+(?-i:[A-ZÀ-Ý])[\w'’.\-]*(?:[^\S\t]+(?-i:[A-ZÀ-Ý])[\w'’.\-]*){0,2})*[^\S\t]*$)"
    rf"|{_AUTHOR_COLON})[^\S\t]+(?=\S)", re.IGNORECASE
)
# A sign-off under the post ("Posted by Ned Roe at 5:11 AM", a syndicated piece's "Authored by Jane
# Roe via The Harbour Times,"): its author, where none is named above.
SIGN_OFF = re.compile(r"^(?:posted by[^\S\t]+(?P<name>\S.{0,59}?)[^\S\t]+at[^\S\t]+\d{1,2}:\d{2}|"
                      r"authored by[^\S\t]+(?P<syndicated>\S.{0,59}?)[^\S\t]+via\b|"
                      # a company blog's "Posted by Ann Roe, Project Marketing, Harbour Data"
                      r"posted by[^\S\t]+(?P<signed>[^,\n]{3,40}),[^\S\t]*[^.!?\n]{2,80}$)", re.IGNORECASE)
# An author card's link under the writer's name: "Ann Roe" / "Search for this author in:" / "PubMed"
AUTHOR_SEARCH = re.compile(r"^\s*search for this author in\b", re.IGNORECASE)
# A byline that says so ("Author: Jacopo Cascioli", "Written by Ann Lee"), which counts even below the article.
AUTHOR_LABEL = re.compile(rf"^(?:{_AUTHOR_COLON}|written by:?)[^\S\t]+(?=\S)", re.IGNORECASE)
# ... and alone on its line over the name ("Author" / "Ann Roe" under the article)
AUTHOR_ALONE = re.compile(r"^\W*(?:author|written by|words by)\W*$", re.IGNORECASE)
TAG_LINE = re.compile(
    r"^(?P<label>region|regions|theme|themes|topic|topics|tags?|tagged(?: with)?|filed under|categor(?:y|ies)|labels|"
    r"sections?|keywords|subjects?|in-depth report|related topics|country|countries|see more on)\s*:\s*(?=\S)",
    re.IGNORECASE,
)
# A label alone over a list of the article's topics, one a line ("Explore more on these topics",
# "More about", "Tags", "Tagged:"; not "Topics" or "Categories" alone, a site's menu more often than not).
TOPICS_LABEL = re.compile(r"^\W*(?:explore more on these topics|related topics|more on these topics|topics in this (?:article|story)|"
                          r"read more (?:stories )?about|more about|tags|tagged(?: with)?|keywords|archivado en|schlagw(?:ö|o)rte?r?|stichw(?:ö|o)rte?r?|mots-clés|"
                          # in Spanish, Portuguese, Polish, Swedish and Dutch
                          r"read related topics|temas(?: relacionados)?|tags relacionados|etiquetas|tópicos|tematy|tagi|ämnen|onderwerpen|tag|read more on|"
                          r"argomenti|etiketler|emner)\W*$",
                          re.IGNORECASE)
# An American station's call sign ("KHRB", "WKYC-TV"), as a local station's datelines name it
CALL_SIGN = r"[KW][A-Z]{2,3}(?:-(?:TV|DT|FM|AM))?"
WIRE_DATELINE = re.compile(
    # (and the day, as Reuters gives it: "BUDAPEST, Feb 18 (Reuters) -", "NEW YORK, March 3, 2018 (Reuters) -")
    r"^(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?(?:\s\d{1,2}(?:,\s*\d{4})?)?)?)\s*"
    # a wire agency, or a station's call sign ("HARBOUR CITY (KHRB) —", "CLEVELAND, Ohio (WKYC-TV) —")
    rf"\((?P<agency>Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|TASS|Sputnik|IANS|PTI|ANI|CNN|RT|{CALL_SIGN})\)\s*[-—–:]+\s*"
)
UPDATED_LABEL = re.compile(r"^\W*(?:last\s+)?updated\b", re.IGNORECASE)  # "Updated - December 04, 2024 06:00 am IST"
# ("News date : 04/21/2022", "Release date: ...": a press office's)
_DATE_LABELS = r"(?:published|updated|last updated|last modified|posted|first published|(?:news |release |publication )?date)"
DATE_LABEL = re.compile(rf"^{_DATE_LABELS}\b\s*:?", re.IGNORECASE)
# A date line that says so with a colon ("Published: 22:00 GMT, 26 September 2020 | Updated: ..."):
# a dateline however long, wherever it stands ("Published reports say ..." is a sentence).
LABELLED_DATE = re.compile(rf"^{_DATE_LABELS}\s*:", re.IGNORECASE)
# A dateline that gives only the time ("Updated 6:14 p.m. ET" under a daily's date)
LABELLED_TIME = re.compile(r"^(?:published|updated|last updated|posted)\s*:?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?"
                           r"(?:\s*[a-z]{2,4})?\s*$", re.IGNORECASE)
SEPARATOR = re.compile(r"^[\s*#~=_\-–—•·.|/]+$")  # (a bar or slash alone: what sat between a byline's items)
# A post an article embeds, signed by its writer and dated when it was posted (not the article's date,
# nor its outlet): "— Ann Roe (@annroe) January 8, 2019" on a line of its own, or ending the post's line
# ("... pic.twitter.com/x1 — Ann Roe (@annroe) January 8, 2019")
_POST_SIGNER = r"[^()\n]{1,60}\(@\w{1,30}\)"
EMBEDDED_POST_SIGNATURE = re.compile(rf"^\s*[—–-]\s*{_POST_SIGNER}\s")
EMBEDDED_POST_END = re.compile(rf"[—–]\s*{_POST_SIGNER}\s*(?:[A-Z][a-z]+\.? \d{{1,2}}, \d{{4}})?\s*$")
# an editor's label over a note of the paper's own ("CORRECTION:" / "An article on Nov. 26 misstated ..."): no quotation
NOTE_LABEL = re.compile(r"^\W*(?:corrections?|clarifications?|updates?|updated|editor['’]?s['’]? notes?|notes?)\s*:\s*$",
                        re.IGNORECASE)
_BULLET_MARK = r"[-*•·◦▪►]"
LIST_ITEM = re.compile(rf"^(?:{_BULLET_MARK}|\d{{1,3}}[.)])\s")  # "* PM Orban faces elections ...", "2) Slice the onions"
BULLET = re.compile(rf"^{_BULLET_MARK}\s")  # a list item's mark, not its number
# a poll box's label amid the story, whose form signs the reader up: "take our poll - story continues below"
_POLL = r"(?:take|answer) (?:our|this|today['’]s) (?:poll|survey)\b"
POLL_LABEL = re.compile(rf"^\W*{_POLL}", re.IGNORECASE)
# A comment form's notices as WordPress words them, in English and its German, Spanish, French and
# Italian translations ("Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert").
_FORM_NOTICES = (r"your email address will not be published|required fields are marked|notify me of follow-up comments|"
                 r"save my name,? email|e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind|"
                 r"correo electrónico no será publicada|los campos obligatorios están marcados|"
                 r"adresse (?:e-?mail|de messagerie) ne sera pas publiée|les champs obligatoires sont indiqués|"
                 r"indirizzo email non sarà pubblicato|i campi obbligatori sono contrassegnati|"
                 # the spam filter's note under the form ("This site uses Akismet to reduce spam. Learn how ...")
                 r"(?:this site|diese website|este sitio|ce site|questo sito) (?:uses|verwendet|usa|utilise) akismet|"
                 r"wenn sie (?:diesen|den) (?:blogeintrag|beitrag|artikel) kommentieren möchten")
# The log-in dialog a common news theme (tagDiv's "Newspaper") writes into every page, in English and
# its German, Spanish, French, Italian and Portuguese translations: "Welcome! Log into your account",
# "your username", "Password recovery", "A password will be e-mailed to you.", "Create an account".
_LOG_IN_DIALOG = (r"(?:welcome!?\s*(?:log into|register for) (?:your|an) account|herzlich willkommen!?\s*melden sie sich an|"
                  r"¡?bienvenid[oa]!?\s*(?:ingresa en tu cuenta|registrarse para una cuenta)|bienvenue\s*!?\s*connectez-vous|"
                  r"benvenut[oa]!?\s*accedi al tuo account|bem-vind[oa]!?\s*entre na sua conta|"
                  r"(?:your|ihr|ihre|tu|votre|il tuo|la tua|seu|sua) (?:username|password|e-?mail|benutzername|passwort|"
                  r"e-mail-adresse|nombre de usuario|contraseña|correo electrónico|nom d'utilisateur|mot de passe|"
                  r"nome de usuário|senha)\s*$|"
                  r"password recovery\s*$|recover your password\s*$|passwort[- ](?:vergessen|wiederherstellung|zurücksetzen)|"
                  r"recuperación de contraseña|recupera tu contraseña|récupération de (?:votre )?mot de passe|"
                  r"récupérer votre mot de passe|mot de passe oublié|recupero della password|recupera la tua password|"
                  r"password dimenticata|recuperação de senha|recupere sua senha|esqueceu sua senha|"
                  r"a password will be e-?mailed to you|ein passwort wird ihnen per e-?mail|se te ha enviado una contraseña|"
                  r"un mot de passe vous sera envoyé|la password verrà inviata|uma senha será enviada|"
                  r"(?:create an account|crea una cuenta|créer un compte|crea un account|konto erstellen|criar uma conta)\s*$)")
# (a wire's end-of-story mark may follow: "... after a year. ■")
# (with the full stops of other scripts: Bengali's and Hindi's danda, the ideographic full stop, Urdu's and
# Arabic's full stop and question mark, the full-width marks of Chinese and Japanese)
SENTENCE_END = re.compile(r"[.!?…।॥。！？۔؟][\"'”’)\]」』]*(?:\s*[■□◆◇♦▪])?$|[\"”’]$")

_SHARING_SERVICES = (r"(?:facebook|twitter|digg|del\.?i\.?c\.?i?o\.?u\.?s|reddit|myspace|stumbleupon|linkedin|pinterest|"
                     r"tumblr|whatsapp|telegram|e-?mail|google\s?\+|google buzz|buzz|mixx|print|reprints?|tweet|share)")
# A comment thread's own heading: "11 responses to “The Loneliest Woman ...”", "One thought on “...”",
# "{ 38 comments… read them below or add one }" (not "5 Comments", also a link under a headline).
THREAD_HEADING = (r"(?:[{(]?\s*(?:\d+|one|two|three|four|five) (?:responses?|thoughts?|comments?|replies)"
                  r"(?:\s+(?:to|on) [“\"'‘]|\W*read them below|:\s*$)"  # (Blogger's: "2 comments:")
                  r"|comment via facebook\s*$"  # (a comment plugin's)
                  r"|discussion about this (?:post|article|story)\s*$"  # (a newsletter platform's)
                  r"|comments section\s*$|search comments\s*$)")  # (a forum's: "Sort by:" / "Best" / "Search Comments")
# A press release's sender under it: "SOURCE Harbour City Council" (a credit, and where the release ends)
_RELEASE_SENDER = r"(?-i:SOURCE[^\S\n]+[A-Z])"
# A syndicated story's note on where it first ran ("This article originally appeared on Harbour Tribune: ...")
APPEARED_ON = r"this (?:article|story) (?:originally |first )?appeared (?:first )?(?:on|in)"
# Where an advert or a portal cuts the article: the advert's own lines ("Advertisement 2", "This
# advertisement has not loaded yet, but your article continues below.") and the labels around it
# ("Story continues", "Article continues below advertisement", a newspaper chain's "Article content")
_ADVERT = (r"advertisement(?:\s+\d{1,2})?\s*$|advertisement\s*[-–—:]\s*(?:scroll to )?continue reading(?: below)?\s*$|this advertisement has not loaded yet\b|advertise with [\w&'’. ]{2,40}$|"
           # in German, Spanish, French, Italian, Polish, Swedish and Dutch
           r"(?:anzeige|publicidad|publicité|pubblicità|reklama|annons|advertentie|annonse|reklam)\s*$")
_CONTINUES = (r"(?:the )?(?:story|article) continues(?:\s+(?:below|after)(?:\s+(?:this|the))?"
              r"(?:\s+(?:advertisement|ad|video|(?:photo )?gallery|slideshow|graphic|poll))?)?\s*$|article content\s*$|"
              r"continue reading below\s*$|continue reading the main story\s*$|scroll to continue(?: with content| reading)?\s*$")
BOILERPLATE_START = [
    ("note", (r"note to readers|editor'?s note|editors'? note|a note from|"
              # a daily's print edition: "A version of this article appears in print on Dec. 4, 2024, Section A, ..."
              r"a version of this (?:article|story|review|essay|column) (?:appears|appeared|was published) in print\b|"
              # a nonprofit newsroom's partnership note: "This article was produced for ... in partnership with ..."
              r"this (?:article|story|report) was (?:produced|reported|co-published) (?:for|by|with|in partnership)\b")),
    ("share", r"share (?:this|on|via)\b|share:|shares?\s*$|like\s*$|bookmark\s*$|share or comment\b|tweet this|please share|click the share|"
              # a blog's buttons as their text copies ("Click to share on Telegram (Opens in new window)",
              # "Like this:" over "Like Loading...")
              r"click to (?:share|email|print)\b.{0,50}\(opens in new window\)\s*$|like this:\s*$|like loading\W*$|"
              r"forward this|copy link\s*$|save(?: (?:article|story|for later))?\s*$|"
              # in German, Spanish, French and Italian: "Teilen", "Compartir en WhatsApp", "Copiar enlace", "Partager"
              r"(?:teilen|compartir|partager|condividi)(?: (?:en|auf|sur|su) \w+)?\s*$|"
              # ... in Swedish, Polish, Dutch and Portuguese: "Dela artikeln", "Udostępnij", "Delen", "Compartilhe"
              r"(?:dela|udostępnij|delen|compartilhe|compartilhar|partilhar|paylaş)(?: (?:artikeln|artykuł|artikel|este artigo))?\s*$|"
              r"del (?:artikkelen|saken|artiklen)\s*$|"
              r"the following links open in a new (?:tab|window)\b|(?:copiar|copier le|copia) (?:enlace|lien|link)\s*$|link copied\s*$|copied\s*$|help keep .{0,40}informed by sharing\b|"
              r"email this\s*(?:blogthis|share)|flattr\b|"
              # a bar of sharing services, spaced or glued ("Mixx Facebook Twitter Digg", "FacebookEmailTwitterGoogle+")
              rf"(?:{_SHARING_SERVICES}\W*){{2,}}$"),
    ("subscribe", r"subscribe\b|sign up\b|get (?:our|the) .{0,40}(?:newsletter|headlines|stories)|get our free .{0,40}\be-?mail\s*$|join (?:our|my) (?:mailing|email) list|"
                  r"join our community\s*$|join\b.{0,40}\b(?:whatsapp|telegram) channel\b|don['’]t miss out on the latest\b|sign me up\W*$|"
                  r"[^.]{0,30}\bat your fingertips\W*$|"
                  r"newsletter\b|log ?in\s*$|sign in\s*$|(?:receive|get) our .{0,40}newsletter|(?:[\w'’]+ ){1,4}newsletters?\s*$|"
                  r"to (?:view|read|continue reading) (?:the full|this|the rest of this) (?:story|article)|"
                  # a log-in or sign-up form: "Forgot password?", "Remember me?", "Log In Sign Up"
                  r"forgot (?:your )?(?:password|username)|remember me\W*$|log ?in\s*(?:or\s*)?sign ?up\s*$|"
                  rf"{_LOG_IN_DIALOG}|"
                  r"save articles to read later|download (?:the|our) (?:[\w'’]+ )?app\s*$|get (?:news |breaking news )?alerts\s*$|"
                  r"enjoy unlimited (?:digital )?access\b|already have an account\?\s*(?:(?:sign|log) ?in\W*)?$|unlock (?:the|our) .{0,40}\bfor free\s*$|"
                  r"a free (?:daily|weekly) (?:digest|newsletter|round-?up|briefing)\b|"
                  r"e-?mail(?: address)?\s*(?:\(required\)|\*)\s*$|thank you for (?:subscribing|signing up)\b|invalid e-?mail(?: address)?\W*$|show me\s*$|"
                  r"try another email|choose an available username|get (?:regular|free|daily|weekly|e-?mail) updates\b|"
                  r"join (?:the )?(?:hundreds|thousands|millions|\d[\d,]*)(?: of)? (?:other )?"
                  r"(?:readers|subscribers|followers|developers|people)\b"),
    ("navigation", r"(?:skip|jump) to:? (?:the )?(?:main |primary |secondary )?(?:content|navigation|sidebar|footer|search|menu)\b|toggle navigation\b|back to top\s*$|(?:previous|next) (?:post|article|story)(?:\b|(?-i:(?=[A-Z])))|"
                   # (glued to the other story's headline: "Previous articleWORLD VIEW: Ukraine Latest ...")
                   r"(?:newer|older) (?:posts?|entries)\b|(?:pdf|printer[- ]friendly|printable) version\s*$|"
                   # a blog theme's own labels and the line under a WordPress post ("This entry was posted in
                   # Gardening. Bookmark the permalink.")
                   r"posts? navigation\s*$|blog archive\s*$|this entry was posted in\b.{0,300}\bbookmark the permalink\b|"
                   r"you are here\s*:|home\s*(?:[»›>|]+|/)\s*\S|"  # breadcrumbs: "Home » Recipes » Sharing »"
                   r"(?:[^»›]{1,40}[»›]\s*){2,}\S|"  # "Front Page » Transportation » Transit tax trust rejects ..."
                   r"(?:text|font) size\s*$|a a a\s*$|toggle\s*$|search for:?\s*$|"  # the reader's text-size buttons
                   # a fan wiki's categories over the page's title: "in: Characters, Captains, Gull Island"
                   r"(?-i:in): [^.!?]{1,120}$|sign in to edit\s*$|"
                   # the label over a page's own table of contents
                   r"(?:table of )?contents\s*$|on this page\s*:?\s*$|in this (?:article|guide|post)\s*:?\s*$|"
                   r"inhaltsverzeichnis\s*$|sommaire\s*$|índice\s*$"),
    ("comments", rf"leave a (?:reply|comment)\b|{_FORM_NOTICES}|join (?:our|the) (?:commenting|comments?|discussion) (?:forum|section|community)\b|"
                 r"post (?:a )?comment\s*$|we welcome your comments at\b|\d+ comments?:?\s*$|(?:kommentare|comentarios|commentaires|commenti)\s*$|comments? \(\d+\)\s*$|notify me of new posts\b|"
                 r"(?:view|show|read|see) (?:all )?comments?\s*$|add (?:a |your )?comment\s*$|"
                 r"deja (?:un comentario|una respuesta)|schreibe einen kommentar|"
                 rf"laisser un commentaire|lascia un commento|{THREAD_HEADING}"),
    ("notice", r"privacy policy\s*$|(?:see|read) our privacy (?:notice|policy)\s*$|terms of (?:service|use)\s*$|cookie (?:policy|settings)\s*$|we use cookies\b|"
               r"(?:rights|reprints?) (?:&|and) permissions\s*$|"
               r"this (?:web)?site uses cookies\b|privacy (?:&|and) cookies\s*:|advertising disclosure\s*$"),
    ("donate", r"donate\b|support (?:us|our|independent)|support [\w'’\- ]{0,30}\bjournalism\b|support now\s*$|your support (?:helps|makes|means)\b|become a (?:member|patron|supporter)|please support|make a donation|"
               r"support [\w'’ ]{1,40} on patreon\b|[^.]{0,40}\b(?:relies|depends) on readers like you\b|"
               r"help us (?:continue|keep)\b|thank you for (?:your support|supporting us)\W*$"),
    ("disclaimer", r"disclaimer\b|disclosure statement\s*$|the views expressed|the opinions expressed|views and opinions|this article does not|"
                   # a shopping page's disclosures: "We earn a commission for products purchased through some links in
                   # this article.", "Harbour Living participates in various affiliate marketing programs, which means ..."
                   r"(?:we|i) (?:may )?earn (?:a )?(?:small )?commission\b[^.]{0,80}\b(?:links?|purchases?|products?|buy)\b|"
                   r"(?:[\w&'’.\-]+ ){1,4}(?:participates in|is a participant in) (?:various |the )?[\w. ]{0,30}"
                   r"(?:affiliate (?:marketing|advertising)|associates) programs?\b"),
    # an embed's stand-in, where the copy did not run it: "This content is imported from YouTube. You may be able to find
    # the same content in another format ...", "This content is created and maintained by a third party, and imported ..."
    ("notice", r"this content is (?:imported from|created and maintained by a third party)\b"),
    # a shopping card's button alone on its line
    ("page", r"(?:shop|buy) (?:it )?now\s*$|shop (?:the (?:story|look)|at [\w&'’.\- ]{2,30})\s*$"),
    ("copyright", r"copyright\b|©|\(c\) \d{4}|(?:all|some) rights reserved|the original source of this article|reuse this content\s*$|réutiliser ce contenu\s*$|"
                  r"this (?:article|story) (?:was|is|has been) (?:originally |first )?(?:published|reprinted|republished)|"
                  rf"{APPEARED_ON}\b|"
                  r"originally published|reprinted (?:with|from)|republished (?:with|from)|"
                  # a syndicated post's credit: "Article posted with permission from Harbour Watch"
                  r"(?:(?:this )?(?:article|story|post) )?(?:re)?(?:posted|published|used|shared) with permission (?:from|of)\b"),
    ("related", r"related(?: articles?| stor(?:y|ies)| posts?| coverage| reading| content| topics| fact[- ]checks| videos?| links?)?\s*(?::|$)|read (?:more|also|next)\b|read:\s|more:\s+\S|click here to (?:read|see|view|watch)(?: (?:more|the full (?:story|article)))?\W*$|see also\b|also read\b|"
                r"popular(?: stories| now| articles| posts)?\s*$|more by\b|(?:up )?next on [\w&'’. ]{2,40}$|"
                r"you (?:may|might) also like|recommended(?: for you| stories| articles| reading| videos)?\s*:?$|more from\b|"
                r"more in (?:[\w&'’]+\s?){1,3}$|most (?:read|popular)\b|most (?:viewed|shared|emailed|commented)(?: [\w&'’]+){0,2}\s*$|trending\b|"
                r"more (?:related )?(?:stories|articles|coverage)\s*$|recent (?:posts|articles|stories|news)\s*$|latest (?:articles|stories|posts|news)\s*$|catch (?:all )?the latest\b|"
                r"mehr zum thema\b|más información\s*$|(?:à )?lire aussi\b|sur le même sujet\b|leggi anche\b|"
                # "Lee también: <headline>", "Czytaj także: ...", "Leia também: ...", "Läs också: ...", "Lees ook: ..."
                r"le[ea] (?:también|más)\b|czytaj (?:także|również|też|więcej)\b|leia (?:também|mais)\b|läs (?:också|mer)\b|lees ook\b|"
                r"mer om ämnet\s*$|polecamy\s*$|baca juga\b|berita terkait\s*$|mir[aá] también\b|ver también\b|"
                r"l[eæ]s også\b|ilgili haber(?:ler)?\b|"
                # "Most read" in Dutch, Portuguese, Spanish, French, Italian, German, Polish and Swedish
                r"(?:meest gelezen|mais lidas|(?:lo )?más leíd[oa]s?|les plus lus|(?:i )?più letti|meistgelesen|"
                r"najczęściej czytane|mest lästa|mest lest|mest læste)\s*$|"
                # a station's line under every story: "For the latest news, weather, sports, and streaming video, head to KHRB."
                r"for the latest (?:news|headlines|updates)\b.{0,80}\b(?:head|go) to\b"),
    ("social", r"follow us\b|follow [\w&.'’ ]{1,30} on\s*:?\s*$|like us on|leave a comment\b|find us on|comment on .{0,60}(?:facebook|twitter)|join the (?:discussion|conversation)|"
               r"(?:facebook|twitter|whatsapp|linkedin|reddit|telegram|e-?mail|print|pinterest|tumblr|follow|listen|"
               r"digg|del\.?i\.?c\.?i?o\.?u\.?s|stumbleupon|mixx|myspace|reprints?|tweet)\s*$|"
               r"follow (?:this|these) (?:topics?|stor(?:y|ies)|authors?)\s*$|"
               r"(?:tag|mention) @[\w.]+ (?:on|or)\b|follow me on\b|"  # a recipe card's "Tag @harbourkitchen on Instagram ..."
               # a columnist's sign-off: "Follow Ann Roe on Twitter @annroe.", "Twitter: @annroe."
               # (a name: "Follow these steps shared on Twitter to ..." heads a story)
               r"follow (?-i:(?:[A-Z][\w&.'’-]*\s+){1,4})on\s+(?:twitter|x|facebook|instagram|threads|bluesky|mastodon)\b|"
               r"(?:twitter|x|instagram|threads|bluesky)\s*:\s*@[\w.]+\.?\s*$"),
    ("credit", r"featured image\b|image\s*(?:credit|source)?\s*:|photo\s*(?:credit)?\s*:|photograph:|illustration:|"
               r"\(?reporting by\b|(?:photographs?|photography|illustrations?) by\b|story source\W*$|journal reference\W*$|materials provided by\b|editing by\b|[—–-]?\s*with assistance from\b|edited by\s*:?\s*[A-Z]|additional reporting\b|writing by\b|articles by\s*:|"
               r"for media inquiries|media contact|contact us\b|posted by\b.{0,60}\bat \d{1,2}:\d{2}|credit\W*$|"
               # a statement's contact, with the number or address to reach: "Contact: Press Office, 555-0100"
               r"(?:press )?contacts?\s*:.{0,80}?(?:\d{3}[-.\s]\d{4}\b|[\w.+\-]+@[\w\-]+\.\w)|"
               r"credit(?:\.{3}|…)|"  # a daily's picture credit: "Credit...Jane Doe for The Harbour Times"
               rf"{_RELEASE_SENDER}|"
               # a picture agency's name alone, as a picture's credit ("Getty Images", "PA Media")
               r"(?:getty images|afp|epa|pa media|pa|ap|reuters|shutterstock|alamy|eyevine|bloomberg via getty images)\W*$|"
               # a photo's credit alone on its line: "Rich Pedroncelli/Associated Press", "(Elizabeth
               # Conley / Houston Chronicle)", "Claudio Reyes/AFP/Getty Images"
               r"(?-i:\(?(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*\s*/\s*(?:[A-Z][\w.'’&\-]*\s*){1,4}"
               r"(?:/\s*(?:[A-Z][\w.'’&\-]*\s*){1,3})*\)?\s*$)"),
    ("advertisement", rf"{_ADVERT}|sponsored\b|(?:video )?ad feedback\s*$|skip ad\s*$|promoted\s*(?:content|stories)?\s*$|(?:show|hide|close) ads?\s*$|"
                      # a review's shop buttons: "Check Price on Amazon", "Buy now at Harbour Cycles"
                      r"(?:check|see|view) (?:the )?(?:latest |current )?price (?:on|at) [\w.&'’ ]{2,30}$|buy (?:it )?now (?:on|at|from) [\w.&'’ ]{2,30}$|"
                      r"buy (?:it )?(?:on|at|from) amazon\s*$"),
    ("bio", r"about the authors?\b|"
            # "Contact Ann Roe at aroe@courier-journal.example or follow her on X @annroe."
            r"(?:contact|reach|email|e-mail) (?:[A-Z][\w.'’\-]*\s+){1,3}at\s+[\w.+\-]+@[\w\-]+\.\w"),
    # a page's own counters: "Read Time: 3 min", "5 min read"
    # a daily's pointer to its topic page under the article: "For more news about the city, visit our Harbour City page."
    ("page", r"for more news (?:about|on) .{1,60}\b(?:visit|click|go to)\b|"
             # a magazine's print edition: "This article appears in the December 2024 print edition."
             r"this (?:article|story|essay) appears in the\b.{0,60}\b(?:edition|issue)\b|"
             # a blog's entry meta under the post: "Posted in News | Tagged library, volunteers | Leave a comment"
             r"posted in\b[^|]{1,60}\|\s*(?:tagged\b|leave a comment\b|\d+ comments?\b)|"
             r"google preferred source\b"),  # (the search engine's badge: "Google Preferred Source badge")
    ("page", r"(?:(?:read(?:ing)? time|temps de lecture|tiempo de lectura|lesezeit|tempo di lettura|tempo de leitura|leestijd|"
             r"czas czytania|lästid)\s*:?\s*\d+\s*(?:min(?:ute)?s?|minuten|minutos|minut|minuter)\.?|"
             r"\d+\s*min(?:ute)?s? read)\s*$|"
             # an audio player's length ("3-Minute Listen", "(2 min)" under "Listen") and a picture's lightbox button
             r"\d+[- ]min(?:ute)?s?\s+listen\s*$|\(\d{1,2}\s*min(?:ute)?s?\)\s*$|enlarge this image\s*$|"
             r"\d{1,3}\s*[-–]\s*\d{1,3}\s+minutes\s*$|"  # (a browser's reader view gives the reading time so: "4–5 minutes")
             # a recipe card's buttons and rating ("Jump to Recipe  Print Recipe", "5 from 13 votes")
             r"(?:(?:jump to|print|pin|save|rate this)\s+recipe\s*)+$|did you make this recipe\?|\d+(?:\.\d+)? from \d+ votes?\s*$|"
             r"sharing is caring\W*$|full story\s*$|open in app\s*$|cite this (?:page|article)\W*$|"
             r"(?:listen to (?:this )?(?:article|story)|artikel (?:anhören|vorlesen)|escuchar (?:el )?artículo|écouter(?: (?:cet )?article)?|"
             r"ascolta l['’]articolo|lyssna(?: på artikeln)?|lytt til (?:artikkelen|saken))\s*$|heard on (?:[\w'’]+ ){0,4}[\w'’]+\s*$|"
             rf"{_CONTINUES}|"
             # a video player's own lines, as a regional chain's pages write them ("Video Loading", "Click to
             # play", "The video will auto-play soon", "Play now") and a bookmark's confirmation ("Story Saved",
             # "You can find this story in My Bookmarks.")
             r"video (?:loading|unavailable)\s*$|(?:click|tap) to (?:play|unmute)\s*$|the video will (?:auto-?play|start) (?:soon|in)\b|"
             r"(?:play now|cancel|replay|autoplay)\s*$|(?:story|article) saved\s*$|you can find this (?:story|article) in\b|"
             r"or by navigating to the user icon\b|something went wrong,? please try again\b|"
             # a photo gallery's counter and buttons ("1 of 12", "Expand", "Next photo")
             r"\d{1,3}\s+of\s+\d{1,3}\s*$|(?:expand|enlarge|full ?screen|view (?:the )?gallery)\s*$|"
             r"(?:previous|next)(?: (?:image|photo|picture|slide))?\s*$|"
             # a printed page's jumps, as an e-edition or an archive gives them ("See BRIDGE, Page A4", "From Page A1")
             r"(?:see|continued on|continues on|turn to)\b[^.!?]{0,40}\bpage\s+[A-Z]?\d{1,3}\s*$|"
             r"(?:from|continued from)\s+page\s+[A-Z]?\d{1,3}\s*$|"
             # the writer's address alone under the article ("aroe@harbour.example")
             r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*$"),
    ("notice", r"for immediate release\b|embargoed\b|why you can trust\b|how we reviewed this article\W*$|this (?:article|story) is more than \d+ (?:years?|months?) old\b|"
               r"(?:have|got) a (?:confidential |news )?tip\b"),  # "Have a confidential tip for our reporters? Get in Touch"
    # the Trust Project's badge: "Se adhiere a los criterios de The Trust Project", "Learn more about the Trust Project"
    ("notice", r".{0,60}\bthe trust project\s*$|.{0,60}\bis a trust project member\s*$"),
    # a share prompt, a page's like button under its question: "Think your friends would be interested?",
    # "Do you support the mayor? Like the page:"
    ("share", r"think your friends would be interested\?|(?:do you [^?]{1,80}\?\s*)?like (?:the|our|this) page\s*:?\s*$"),
    # a news app's and a site's buttons inside the article, each a line of its own ("Gift this article",
    # "Share full article", "Listen to this article · 4:32 min", "Report an error"), and what a phone
    # adds to what it shares ("Shared from Apple News", "Sent from my iPhone")
    ("share", r"(?:gift|give) (?:this )?(?:article|story)\s*$|link copied\W*$|share (?:the )?full (?:article|story)\s*$|"
              r"this (?:article|story) has been shared [\d,.]+k? times\s*$|print this (?:page|article|story)\s*$|"
              r"shared (?:from|via) (?:apple|google) news\s*$|sent from my (?:iphone|ipad|android|phone|mobile)\s*$"),
    ("page", r"listen(?: to this (?:article|story))?\s*[·•|-]?\s*(?:\d{1,2}:\d{2}(?:\s*min(?:ute)?s?)?|\d{1,3}\s*min(?:ute)?s?)\s*$|"
             # a media player's elapsed and whole time ("0:00 / 2:31")
             r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?\s*$|"
             r"report an (?:error|issue|inaccuracy)\s*$|send us a (?:news )?tip\s*$|thanks? (?:you )?for (?:your|the) feedback\W*$|"
             r"get the [\w .'’&\-]{2,40} app\s*$|read (?:it )?in (?:the )?app\s*$|loading comments\W*$|"
             # a blogging platform's cards around the post: "1.2K Followers", "120 Following", "42 Likes",
             # "Last published 2 days ago", "Published in Harbour Voices"
             r"\d[\d,]*(?:\.\d+)?\s*[KkMm]?\s+(?:followers|following|subscribers|likes|claps|restacks|reposts|views|reads)\s*$|"
             r"last published\b.{0,30}\bago\s*$|published in (?:[\w&'’.\-]+ ?){1,5}$"),
    # a printed page's number, as lines copied from a PDF keep it ("Page 1 of 2", "Seite 3", "- 4 -")
    ("page", r"(?:page|seite|página|pagina|strona|sida|side|pag\.|p\.)\s*\d{1,4}(?:\s*(?:of|/|von|de|di|z|av|af)\s*\d{1,4})?\s*$|"
             r"[-–—]\s*\d{1,4}\s*[-–—]\s*$"),
    ("comments", r"sign in to (?:comment|reply|join the conversation)\s*$"),
    # a wiki's footer: "This page was last edited on 4 December 2024, at 10:12 (UTC).", "Retrieved from
    # "https://..."", "Text is available under the Creative Commons Attribution-ShareAlike License ..."
    ("page", r"this page was last (?:edited|modified|updated)\b|diese seite wurde zuletzt\b|retrieved from\s+[\"“]?https?://"),
    ("copyright", r"(?:text|content|community content) is available under\b"),
    ("advertisement", r"paid post\s*$|advertisement\s*[·•|\-–—]\s*scroll to continue\s*$|"
                      # a recommendation widget's label ("Around the Web", "Sponsored Stories") and an advert's alone
                      r"(?:around|from) the web\s*$|paid content\s*$|(?:sponsored|promoted) (?:stories|links|content)\s*$|"
                      r"advertising\s*$|werbung\s*$"),
    # a site's buttons amid the article: "Click to expand", "Show more", "Up Next", "Read 42 comments"
    ("page", r"click to (?:expand|enlarge|zoom)\W*$|(?:show|load|see) (?:more|less)\s*$|all reactions\s*:|sort(?:ed)? by\s*:?\s*$|(?:continue|keep) reading\W*$|read (?:the )?full article\W*$|view image in full ?screen\s*$|"
             r"your browser (?:does not|doesn['’]t|cannot|can['’]t) (?:support|play)\b"),  # (a player's stand-in)
    # a news site's promotions amid the article, in capitals as often as not: "CLICK HERE TO GET THE HARBOUR NEWS
    # APP", "CLICK HERE TO SIGN UP FOR OUR LIFESTYLE NEWSLETTER", "CLICK HERE FOR MORE SPORTS COVERAGE ON ...",
    # "Like what you're reading? Click here for more ..." (not the writer's own "Click here to watch the video ...")
    ("subscribe", r"click here to (?:(?:get|download) (?:the |our )?[\w .'’&\-]{2,40} app\b|sign up\b|subscribe\b)"),
    ("related", r"click here for more [\w .'’&\-]{2,60}\b(?:coverage|news|stories)\b|like what you(?:['’]re| are) reading\?"),
    ("related", r"(?:watch|up) next\s*$|read the full (?:story|article)(?: here)?\W*$|"
                r"(?:[\w&'’.\-]+ )?recommends\s*$|we recommend\s*$|editor['’]?s['’]? picks?\s*$"),
    ("comments", r"(?:read|view|see|show) (?:all )?\d[\d,]* comments?\s*$"),
    # a forum's or a Q&A site's furniture around its posts: the poster's card ("Posts: 212", "Joined: Mar 2019"),
    # the thread's counts ("4 posts • Page 1 of 1", "Viewed 48k times"), its buttons ("Top", "Post Reply",
    # "Improve this answer") and who is reading it
    ("page", r"(?:posts|messages|joined|reaction score|karma|reputation)\s*:\s*[\w ,.]{1,20}$|"
             r"\d[\d,]* (?:posts?|replies|messages)\s*[•·|]\s*page \d+ of \d+\s*$|viewed \d[\d,.]*k? times\s*$|"
             r"top\s*$|post (?:a )?reply\s*$|improve this (?:question|answer)\s*$|"
             r"users browsing this (?:forum|topic|thread)\s*:|who is online\s*$|powered by (?:phpbb|vbulletin|xenforo|discourse)\b|"
             # a social post's counters and its reply setting: "3 quotes", "48.2K Views", "Everybody can reply"
             r"\d[\d,.]*[km]? (?:reposts?|quotes?|likes?|views|bookmarks|retweets?|boosts?|favou?rites?)\s*$|everybody can reply\s*$"),
    ("notice", r"your (?:data|information|personal data) (?:is|will be) (?:managed|processed|handled|used) in accordance with\b|"
               # a form's prompt: "Submit your sports question below and ...", "Submit your letter to the editor via this form"
               r"submit your (?:[\w'’]+ ){0,3}(?:questions?|letters?|stor(?:y|ies)|tips?|photos?|news|events?)\b[^.]{0,60}\b(?:below|form|here|online)\b"),
    # a paywall's word amid the copy
    ("subscribe", r"(?:create|register for) a free account to (?:continue|keep) reading\b|"
                  r"you(?:['’]ve| have) reached your (?:limit|maximum) of free (?:articles|stories)\b|"
                  r"this (?:story|article) is (?:(?:available|exclusively|only) ){0,2}(?:to|for) subscribers\b"),
    # a sign-up form's check: "Please enter your valid email address."
    ("subscribe", r"please enter (?:a |your )?(?:valid )?e-?mail(?: address)?\W*$"),
    # a poll box amid the story (`_POLL`)
    ("subscribe", _POLL),
]
# A count alone on its line, of a post's likes, shares or comments ("42", "1.2K"; not a list's
# number, "1.", nor a year).
COUNT = re.compile(r"^\s*(?!(?:19|20)\d\d\s*$)\d[\d,]*(?:\.\d+)?\s*[KkMm]?\s*$")
# ... and what it counts, on the line below it ("48" / "Reposts", "12" / "Quotes" under a shared post)
COUNTED = re.compile(r"^\s*(?:reposts?|retweets?|quotes?|quote posts?|likes?|shares?|views?|comments?|replies|"
                     r"bookmarks?|followers|following|claps|reactions?|restacks?)\s*$", re.IGNORECASE)
# A site's address alone on its line: a link card's source under a shared post, a network's sites in
# a menu ("BVINEWS.COM", "Canada.com": 19 such lines in webcopy's copies, two of them evaluation
# snippets of what is not the article, none of what is)
SITE_ADDRESS = re.compile(r"^\s*(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|co|uk|de|fr|it|es|nl|"
                          r"news|info|tv|us|ca|au|in|ie|eu|ru|ch|at|be|se|no|dk|pl|cz|me)\s*$", re.IGNORECASE)
# The comment form below a post: the article never goes on past it (its heading "Leave a Reply",
# its fields' notices), unlike "Leave a comment", which is also a link under a headline.
COMMENT_FORM = re.compile(r"^[\s*_]*(?:leave a reply\b|post comment\s*$|deja (?:un comentario|una respuesta)|"
                          rf"schreibe einen kommentar|laisser un commentaire|lascia un commento|{THREAD_HEADING})|"
                          + _FORM_NOTICES, re.IGNORECASE)
# A reader's comment in a thread: its time ("14/04/2020 at 3:00 pm", "MAY 30, 2019 AT 1:06 PM", a short
# line with a date) and its reply button
# What stands between two stretches of one article where an advert cuts it: no edge of the article
INSIDE_ARTICLE = re.compile(rf"^\W*(?:{_ADVERT}|{_CONTINUES})", re.IGNORECASE)
# A wiki's section heading with its edit link glued on ("Fleet[edit]", "Geschichte[Bearbeiten | Quelltext
# bearbeiten]"): MediaWiki writes the link on the sections of the page's own text, and on its list of
# references, further reading and links below, which are not (`WIKI_END_SECTIONS`).
WIKI_SECTION = re.compile(r"^(?P<name>\S.{0,80}?)\s?\[(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|"
                          r"modifier le code|editar|editar código|modifica|modifica wikitesto)(?:\s*\|\s*[^\]]{1,30})?\]\s*$",
                          re.IGNORECASE)
WIKI_END_SECTIONS = re.compile(r"^(?:references|notes|footnotes|citations|sources|bibliography|further reading|external links|"
                               r"see also|notes and references|einzelnachweise|anmerkungen|weblinks|literatur|siehe auch|"
                               r"références|notes et références|liens externes|voir aussi|bibliographie|referencias|"
                               r"enlaces externos|véase también|bibliografía|note|bibliografia|collegamenti esterni|voci correlate)$",
                               re.IGNORECASE)


def wiki_section_name(text: str) -> str | None:
    """The heading's words where a line is a wiki's section heading with its edit link ("Fleet[edit]": "Fleet")."""
    section = WIKI_SECTION.match(text)
    return section["name"].strip() if section else None


def is_wiki_section(text: str) -> bool:
    """A wiki's heading of a section of the page's own text ("Fleet[edit]"; not "References[edit]")."""
    name = wiki_section_name(text)
    return name is not None and WIKI_END_SECTIONS.match(name) is None


# A live blog's time over each entry ("9.02pm GMT", "Updated at 9.05pm GMT", "14:32"), alone on its line
ENTRY_TIME = re.compile(r"^(?:updated(?: at)?\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2})?)?\s*$",
                        re.IGNORECASE)
COMMENT_TIME = re.compile(r"\bat\s+\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?(?!\S)", re.IGNORECASE)
COMMENT_TIME_WORDS = 10
REPLY_BUTTON = re.compile(r"^\s*(?:reply|reply ↓|↓ reply|reply ?delete|responder|responde|antworten|répondre|rispondi|log in to reply)\s*$",
                          re.IGNORECASE)
# a blog's archive, a month or a year a line, each opened or closed by its arrow ("►  June (24)", "▼  2016 (18)")
ARCHIVE_ENTRY = re.compile(r"^\s*[►▼▶◀▸▾]\s*[^()\n]{1,30}\(\d[\d,]*\)\s*$")
# where a press release ends: the comment form's equivalent for the line classifier's run
RELEASE_END = re.compile(rf"^{_RELEASE_SENDER}")
# and where a wire story ends, on its agency's notice ("Copyright 2023 The Associated Press. All rights reserved.
# This material may not be published, broadcast, rewritten or redistributed."): the site's other stories follow
WIRE_END = re.compile(r"\bmay not be published, broadcast, rewritten,? or redistributed\b", re.IGNORECASE)
# (past a line's opening symbols: "✉️ Join my mailing list 🐣 @-me on Twitter ✨ Subscribe to my RSS")
_OPENING_SYMBOLS = "\u2190-\u2bff\ufe0f\u200d\U0001f000-\U0001faff"
BOILERPLATE_START_RE = [(kind, re.compile(rf"^[\s*_\[({_OPENING_SYMBOLS}]*(?:--?\s*)?(?:" + p + ")", re.IGNORECASE))
                        for kind, p in BOILERPLATE_START]
# Phrases that mark a line as boilerplate wherever they stand, even in a long line.
BOILERPLATE_ANYWHERE = [
    ("disclaimer", re.compile(r"of sole responsibility of the author|"
                              # an affiliate's disclosure: "As an Amazon Associate I earn from qualifying purchases."
                              r"\bearn from qualifying purchases\b|when you buy through links on our site\b|"
                              r"content may be edited for style and length|our experts continually monitor\b|will not be responsible for any inaccurate|"
                              r"(?:do(?:es)?|may) not necessarily (?:reflect|represent)|for (?:informational|educational) purposes only|"
                              r"(?:is|are) not responsible for the (?:opinions|views|content)", re.I)),
    ("copyright", re.compile(r"contains copyrighted material|provisions of .fair use.|grants permission to cross-post|"
                             r"may not be (?:reproduced|republished|reprinted|redistributed)|all rights reserved|"
                             r"riproduzione riservata|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|"
                             r"you must request permission from the copyright owner", re.I)),
    # a footer's line about the site that ends on its notice: "Harbour Pravda is the main online news outlet
    # of the city. © 2000-2024 Harbour Pravda"
    ("copyright", re.compile(r"©\s*\d{4}(?:\s*[-–]\s*\d{4})?,?\s+[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,4}\.?\s*$")),
    ("share", re.compile(r"click the share buttons|forward this article to|share this (?:article|story|post)", re.I)),
    # a newsletter box's consent line: "The Harbour Standard would like to keep you informed about offers, events ..."
    ("subscribe", re.compile(r"would like to keep you (?:informed|updated) about (?:offers|our|events|news)\b|"
                             r"mailing list consent terms", re.I)),
    # a site's word about itself and its readers: "Harbour Week is committed to challenging conventional
    # wisdom ...", "Postmedia is committed to maintaining a lively but civil forum for discussion ..."
    # (not "The White House is committed to working with Congress")
    ("notice", re.compile(r"^(?:The\s+)?(?:[A-Z][\w&'’.\-]*\s+){0,3}[A-Z][\w&'’.\-]*\s+is\s+(?:committed|dedicated)\s+to\b"
                          r".*\b(?:journalism|readers|discussion|conventional wisdom|common ground)\b")),
    ("credit", re.compile(r"purchase licensing rights", re.I)),  # Reuters' captions end on it
    # a study's reference under a science story ("... Harbour Journal of Ecology, 2024; 12 (4): 101 DOI: 10.1000/hje.2024.101")
    ("credit", re.compile(r"\bdoi:\s*10\.\d{4,9}/\S+\s*$", re.I)),
    # "... on Tuesday. Jane Doe/HPR hide caption": a public radio's caption, ending on its lightbox's
    # button (and the button alone, "toggle caption")
    ("credit", re.compile(r"\b(?:hide|toggle) caption\s*$", re.I)),
    # "... closed to cars from next summerImage: Jane Doe/AFP": a caption glued to its credit
    ("credit", re.compile(r"(?<=[a-z.!?)\s])(?:Image|Photo|Picture|Foto|Bild)\s*:\s*[^:]{2,60}$")),
    # "Cyclists ride along the waterfront. GETTY IMAGES": a caption ending on its agency in capitals
    # (photo agencies only: a wire story's paragraph may end on its agency, "... the council said. AFP")
    ("credit", re.compile(r"[.!?]\s+(?:[A-Z]+ VIA )?(?:GETTY IMAGES|SHUTTERSTOCK|ALAMY)\s*$")),
    # "FILE PHOTO. © Getty Images / Jane Roe": a picture agency's mark
    ("credit", re.compile(r"^file photo\b|©\s*(?:getty images|reuters|afp|ap photo|epa|shutterstock|alamy|sputnik|tass)\b", re.I)),
    # "... poised to lose electoral votes. | AP Photo Close": a caption ending on its credit (and the lightbox's button)
    ("credit", re.compile(r"[|/–—-]\s*(?:AP|AFP|Reuters|Getty)\s+(?:Photos?|Images)(?:\s*/\s*[^|]{2,40}?)?(?:\s+close)?\s*$", re.I)),
    # "Cyclists will have the road to themselves.(Harbour ABC News: Jane Doe)": a caption ending on its outlet and photographer
    ("credit", re.compile(r"[.!?]\s*\((?:[A-Z][\w&'’.\-]*\s+){0,4}[A-Z][\w&'’.\-]*:\s*(?:[A-Z][\w.'’\-]*\s*){1,4}\)\s*$")),
    # "Cyclists ride along the waterfront on Tuesday. (Jane Doe/The Harbour Post)": a caption ending on its
    # photographer and outlet in parentheses (or "(Jane Doe/Harbour Times of Israel)")
    ("credit", re.compile(r"[.!?]\s*\((?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]*\s*/\s*"
                          r"[A-Z][\w.'’&\-]*(?:\s+(?:[A-Z][\w.'’&\-]*|of|the|and|de|for)){0,5}\s*"
                          r"(?:/\s*(?:[A-Z][\w.'’&\-]*\s*){1,3})*\)\s*$")),
    # "... on Tuesday. INQUIRER PHOTO / JANE DOE", "... on Tuesday. (Yonhap)": a caption ending on its paper's
    # photographer in capitals, or on a news agency in parentheses
    ("credit", re.compile(r"[.!?]\s+(?:[A-Z][A-Z&'’.\-]*\s+){1,3}(?:FILE\s+)?PHOTOS?\s*/\s*[A-Z][A-Z .'’\-]{1,40}$")),
    ("credit", re.compile(r"[.!?]\s*\((?:Yonhap|AP|AFP|Reuters|Xinhua|EPA|EPA-EFE|Kyodo|AAP|PA|Anadolu|AA|Bloomberg|"
                          r"Getty Images|Getty|TASS|Bernama|Antara|PTI|ANI|IANS|dpa)(?:\s+(?:File\s+)?Photo)?\)\s*$")),
    # "... on Tuesday. | Photo Credit: JANE DOE"
    ("credit", re.compile(r"\|\s*(?:photo|image|picture) credit\s*:\s*\S.{0,60}$", re.IGNORECASE)),
    # "A cyclist rides along the waterfront road [File: Jane Doe/Reuters]": a caption ending on its credit in brackets
    # (not a poll's source: "... in the national primary race. [IBD/TIPP]")
    ("credit", re.compile(r"\[(?:file(?: photo)?:[^\[\]]{2,80}|photo/[^\[\]]{2,40}|[^\[\]/]{2,60}/\s*(?:AP|AFP|Reuters|"
                          r"Getty(?: Images)?|EPA(?:-EFE)?|Bloomberg|Pool|Xinhua|Anadolu(?: Agency)?|NurPhoto|Shutterstock|"
                          r"Alamy|VCG|SOPA Images|Sipa)\b[^\[\]]{0,30})\]\s*$", re.I)),
    # "... speaks to reporters on Capitol Hill. | Jane Doe/AP": a caption ending on its photographer and agency
    ("credit", re.compile(r"\|\s*(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w.'’\-]*\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA|"
                          r"Bloomberg|Pool|POLITICO)\s*$")),
    # A caption that ends on its credit: "... Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
    # "... in Washington. (AP Photo/J. Scott Applewhite, File)"
    ("credit", re.compile(r"\((?:[\w.&'’-]{1,20}\s+)?(?:picture|photo|photograph|image)\s*(?:by\b|:|/)[^()]{2,60}\)\s*\.?\s*$",
                          re.I)),
    # "Cyclists ride along the waterfront on Tuesday. Photo by Jane Doe /Harbour Sun", "... on Tuesday. — Photo
    # courtesy Jane Doe": a caption ending on its credit
    ("credit", re.compile(r"[.!?]\s+(?:[—–-]\s*)?(?:photo|picture|image|photograph)\s+(?:by|courtesy(?:\s+of)?)\s+"
                          r"[^.!?]{2,60}$", re.I)),
    # "Associated Press writers Kevin Fry and Farah Amin contributed to this report.", "Information from
    # The Associated Press was used in this report."
    ("credit", re.compile(r"\bcontributed (?:reporting )?to this (?:report|story|article)\b|"
                          r"^information from .{2,80} (?:was|were|is) used in this (?:report|story|article)\b", re.I)),
    # "Mayor Lena Ortiz at City Hall on Tuesday.Jane Doe/The Harbour Globe": a caption glued to its
    # photographer and outlet ("... Jane Doe/Reuters files": a file photo); a gallery's button over it
    ("credit", re.compile(r"[.!?]\s*(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w.'’\-]*\s*/\s*(?:The\s+)?(?:[A-Z][\w.'’&\-]*\s*){1,4}(?:files?\s*)?$|"
                          r"^(?i:open this photo in gallery)\W*$")),
    # a site's word on its readers' comments: "Harbour24 encourages commentary submitted via MyHarbour24 profiles."
    ("comments", re.compile(r"\bencourages (?:commentary|comments)\b", re.I)),
    # "Do you like the content of this article?", "Was this article helpful?": a feedback form
    ("page", re.compile(r"^(?:do you like the content of this article|was this (?:article|page|story) (?:helpful|useful)|"
                        r"is this page useful|did you (?:like|enjoy) this (?:article|story))\W*$", re.I)),
    # "LDR is local body journalism co-funded by RNZ and NZ On Air.": who pays for the reporting
    ("credit", re.compile(r"^[^.]{0,60}\bjournalism\b[^.]{0,40}\b(?:co-?)?funded by\b", re.I)),
    # "Ann Roe, speaking at the council meeting on Tuesday": a picture's caption, a name and what the picture
    # shows her doing, no sentence (a paragraph goes on: "Ann Roe, speaking at the meeting, said ...")
    ("credit", re.compile(r"^(?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w.'’\-]*,\s+(?:speaking|pictured|photographed|seen|addressing|"
                          r"arriving|attending|standing|sitting|posing|shown)\b[^.!?,;:]{0,80}\.?$")),
    # "Agents unload the seized boat at the ramp on Sunday. By HARBOUR COAST GUARD": a caption ending on
    # its credit in capitals after "By"
    ("credit", re.compile(r"[.!?]\s+By\s+(?:[A-Z][A-Z.&'’\-]*\s+){0,5}[A-Z][A-Z.&'’\-]+\s*$")),
    # "Photo by Jane Doe on Unsplash", "[Photo by Jane Doe]": a picture's credit alone on its line
    # (a name, or a photo library's: not "Picture by the sea")
    ("credit", re.compile(r"^\W*(?:photo(?:graph)?|image|picture|illustration)s?\s+by\s+(?:(?-i:[A-Z])[^.!?]{1,80}?|"
                          r"[^.!?]{1,60}?\s+(?:on|from|via)\s+(?:unsplash|pexels|pixabay|flickr))[\])]?\s*$", re.IGNORECASE)),
    # "Mayor Lena Ortiz at City Hall on Tuesday. Photo / File": a caption ending on its credit after a slash
    ("credit", re.compile(r"[.!?]\s+(?:Photo|Picture|Image|Video)s?\s*/\s*[A-Z][\w.'’\- ]{1,40}$")),
    # a box that asks for the reader's e-mail in Spanish, French, German and Italian: "Recibe en tu correo
    # las noticias más importantes del día. Suscríbete aquí"
    ("subscribe", re.compile(r"\bsuscr[ií]bete\b|\babonnez-vous\b|\bjetzt (?:abonnieren|bestellen|testen)\b|"
                             r"^recib[eií]s? .{0,60}\ben tu (?:mail|correo|e-?mail|casilla)\b|\bexclusiv[oa] para suscriptores\b|"
                             r"\bzur probe lesen\b|\biscriviti\b", re.I)),
    ("comments", re.compile(rf"{_FORM_NOTICES}|please enter your (?:name|email|comment)|comments are moderated|"
                            r"(?:we have|have been) (?:suspended|closed|disabled) comments|comments (?:are|have been) "
                            r"(?:closed|suspended|disabled)\b|"
                            r"we ask that comments|comments may be (?:republished|edited|removed)|"
                            r"we want to hear what you think|submit a letter to the editor|"
                            r"submit a response of up to \d+ words|considered for publication in our letters", re.I)),
    ("subscribe", re.compile(r"subscribe to our newsletter|sign up for our newsletter|"
                             # a newsletter's own lines, in a mail a reader forwards
                             r"you(?:['’]re| are) receiving this (?:e-?mail|newsletter|message)\b|"
                             r"view (?:this )?(?:e-?mail|newsletter|message) in (?:your |a )?(?:web )?browser|"
                             r"update your (?:e-?mail |subscription )?preferences|"
                             r"(?:delivered|straight|direct|right) to your inbox|enter your email (?:address )?below|"
                             r"already a subscriber|first-time subscribers|"
                             r"download (?:the|our) .{0,40}\bapps? for (?:ios|android|iphone)|"
                             r"i (?:consent to receiv|agree (?:that )?my (?:information|data|details))|"
                             r"by submitting your (?:information|email|details)|contact me with news and offers|"
                             r"receive (?:e-?mails?|news|offers) from us|on behalf of our trusted partners|"
                             r"we['’]ll email you a (?:reset )?link|if you signed up using a (?:3rd|third)[- ]party account|"
                             r"by becoming a registered user|share my data|"
                             # a sign-up or poll form's own lines: "You also agree to this site's Privacy Policy and
                             # Terms of Use.", a form plugin's hidden field, "You may opt out at anytime."
                             r"^you (?:also )?agree to (?:this site['’]s|our|the site['’]s) (?:privacy policy|terms)\b|"
                             r"\bthis field is for validation purposes\b|^you (?:may|can) opt[- ]out at any ?time\W*$|"
                             r"^completing this (?:poll|survey|form) (?:grants|gives) you\b|"
                             # "We use your sign-up to provide content in ways you've consented to ...", "I would like to be
                             # emailed about offers, events and updates from The Harbour Independent."
                             r"we use your sign-?up to provide\b|i would like to be (?:e-?mailed|contacted|kept informed) about\b|"
                             r"get the latest (?:news|headlines|updates|stories)\b.{0,60}\b(?:app|inbox|e-?mail)\b|"
                             r"never miss (?:our|a|the) (?:top |latest |best )?(?:stor(?:y|ies)|posts?|updates?|articles?)\b|"
                             r"receive a (?:daily|weekly) (?:list|digest|round-?up|e-?mail|newsletter)\b|"
                             r"receive promotional (?:content|offers|e-?mails|messages)\b|"
                             # "Thanks for reading The Harbour Letter! Subscribe for free to receive new posts ..."
                             r"subscribe for free\b|\bin (?:this|our) (?:daily|weekly|monthly|free) newsletter\W*$|to receive new posts\b|you can now listen to\b|"
                             # "By subscribing, you can help us get the story right."; "... quality journalism
                             # is more crucial than ever."
                             r"^by subscribing\b|"
                             # the consent under a sign-up form: "By signing up, you agree to our Terms of Use ..."
                             r"^by (?:signing up|clicking|registering|entering your e-?mail)\b[^.]{0,60}\byou (?:agree|acknowledge|consent)\b|"
                             r"journalism is more (?:crucial|important|vital|needed|essential) than ever\b",
                             re.I)),
    ("copyright", re.compile(r"copyrighted property of|written permission must be obtained|"
                             r"licen[cs]ed under (?:a |the )?creative[- ]commons|steht unter einer creative[- ]commons", re.I)),
    ("comments", re.compile(r"(?:uses|verwendet) akismet", re.I)),  # WordPress's note under its comment form
    ("notice", re.compile(r"you(?:['’]re| are) (?:running|using) an? ad-?blocker|you are using an? (?:outdated |old )?browser", re.I)),
    ("donate", re.compile(r"please (?:consider )?(?:donat|support)|become a (?:member|patron)|"
                          # a reader-funded site's appeal: "We rely on readers like you to fund our journalism.",
                          # "You've read 1 article in the last month", "Yes, I'll give $5/month"
                          r"(?:rely on|depend on|funded by|supported by) readers like you\b|you['’]ve read \d+ (?:free )?articles? in the last\b|"
                          r"^yes,? i['’]ll (?:give|donate|contribute)\b|^we accept credit cards?\b|"
                          # a nonprofit newsroom's box: "We rely on your support to make local news available to
                          # all" / "Make your contribution now and help ..." / "Gothamist is funded by sponsors and
                          # member donations"
                          r"^we rely on your support\b|^make your (?:contribution|donation|gift) (?:now|today)\b|"
                          r"^[\w'’.\- ]{1,40} is funded by sponsors and (?:member |reader |listener )?(?:donations|members|readers|listeners)\W*$",
                          re.I)),
]

NEEDED_WORD_CHARACTERS = 3  # the shortest word worth looking for before a search


def needed_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings, casefolded, one of which the text of every match of `pattern` holds (its
    alternatives' longest literal runs: "subscribe to our newsletter", "inbox", ...), or None where
    some alternative has none: a substring test that spares the search on the lines that cannot match,
    most of them. Read off the pattern's parsed form, so a phrase added to a table needs no word list
    (a Python whose private parser reads otherwise gets None: every line searched, as before)."""
    try:
        return _one_of(_regex_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a private module's form may change between Python versions
        return None


def _one_of(items) -> tuple[str, ...] | None:
    best: tuple[str, ...] | None = None

    def consider(options: tuple[str, ...] | None) -> None:
        nonlocal best
        if options and (best is None or min(map(len, options)) > min(map(len, best))):
            best = options

    run: list[str] = []
    for op, value in [*items, (None, None)]:
        if op is _regex_ops.LITERAL:
            run.append(chr(value))
            continue
        word = "".join(run)
        # (a word, or a sign a line seldom holds: "©", "(", "|")
        if len(word.strip()) >= NEEDED_WORD_CHARACTERS or (word.strip() and not any(c.isalnum() for c in word)):
            consider((word.casefold(),))
        run = []
        if op is _regex_ops.SUBPATTERN:  # (a group: what it needs, the text needs)
            consider(_one_of(value[-1]))
        elif op is _regex_ops.BRANCH:  # (alternatives: one of what each needs)
            each = [_one_of(branch) for branch in value[1]]
            if all(each):
                consider(tuple(word for words in each for word in words))
        elif op in (_regex_ops.MAX_REPEAT, _regex_ops.MIN_REPEAT) and value[0] >= 1:
            consider(_one_of(value[2]))
    return best


_ANYWHERE_NEEDS = [(kind, pattern, needed_words(pattern)) for kind, pattern in BOILERPLATE_ANYWHERE]

# A sign-up form's own instructions: the paragraph holding one is the form's however long ("Missing out
# on the latest ...? Enter your email below to receive ... please check your spam folder ...").
FORM_INSTRUCTION = re.compile(r"enter your e-?mail(?: address)? below|check your spam folder|you (?:may|can) opt[- ]out (?:at )?any ?time|"
                              r"you (?:may|can) unsubscribe (?:at )?any ?time|we use your sign-?up to provide\b|"
                              # (or that opens as an offer: "Subscribe to INQUIRER PLUS to get access to ...")
                              r"^\W*subscribe to\b.{0,60}\bto (?:get|enjoy|access|unlock)\b",
                              re.IGNORECASE)
# A copyright notice reads like a sentence ("© 2020 CBS Interactive Inc. All Rights Reserved."),
# but no article paragraph opens with the sign or closes on the reservation.
COPYRIGHT_NOTICE = re.compile(r"^[\s*_]*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|all rights reserved\.?\s*$",
                              re.IGNORECASE)
BACK_REFERENCE = re.compile(
    r"^(?:the (?:article|report|piece|story|statement|paper|op-ed|study|post)\b|it (?:also|further|then|goes on)\b|"
    r"in other words|of course|clearly|obviously|indeed|this (?:is|was|means|claim|statement)\b|such\b|however\b|"
    r"but\b|yet\b|what\b|so\b|thus\b|note\b|here\b|meanwhile\b|instead\b|still\b|again\b|that is\b|this\b|these\b|those\b)",
    re.IGNORECASE,
)
# A news agency named where a writer would be ("By The Associated Press", "By Reuters Staff"): the
# story's source, never a person
NEWS_AGENCY = re.compile(r"^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france[- ]presse|upi|"
                         r"united press international|bloomberg(?: news)?|dpa|deutsche presse-agentur|xinhua(?: news agency)?|"
                         r"tass|kyodo(?: news)?|yonhap(?: news agency)?|pa media|press association|aap|"
                         r"australian associated press|canadian press|press trust of india|pti|ians|ani|ansa|efe|"
                         r"anadolu agency)(?:\s+(?:staff|wire|wire service|reports))?\s*$", re.IGNORECASE)
# "RICK SALAS Associated Press": wire bylines put the agency right after a capitalised name.
CAPS_NAME_THEN_ORG = re.compile(r"^((?:[A-Z][A-Z'.\-]+\s+){1,3}[A-Z][A-Z'.\-]+)\s+([A-Z][a-z][\w .&'\-]*)$")
# "PHOENIX, Ariz., May 2, 2023 -- ": press-release and newspaper datelines with a date (and a release
# wire's name: "HARBOUR CITY, Dec. 3, 2024 /Harbour Newswire/ --").
PLACE_DATE_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.'\- ]{0,30}?)*,?\s+[^-—–]{4,30}?\d{4}\s*"
                                 r"(?:/[^/\n]{2,40}/\s*)?(?:--|—|–|-)\s*")
# A legal newswire's dateline, its name and the date in brackets: "Harbour Law Report (December 4, 2024, 5:02 PM EST) --"
OUTLET_DATE_DATELINE = re.compile(r"^[A-Z][\w&'’.]*(?:[ \t]+[A-Z0-9][\w&'’.]*){0,4}[ \t]*\([^()\n]{0,20}\d{4}[^()\n]{0,20}\)"
                                  r"[ \t]*(?:--|—|–)[ \t]*")
WEEKDAY_AT_END = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                             r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s*$", re.IGNORECASE)
ABOUT_HEADING = re.compile(r"^(?:about\s+(?!the authors?\b)|written by\s+)\S.{0,60}$", re.IGNORECASE)
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# (a copy may keep a page's invisible characters inside a name: zero-width spaces and joiners, soft hyphens)
NAME_WORD = rf"(?:[{UPPER}][\w'’.\-\u200b-\u200d\u2060\u00ad]*|de|da|del|van|von|der|bin|al|el|la|le|du|dos|ibn)"
PERSON = re.compile(rf"^{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}$")
BIO_ROLES = (r"(?:writer|journalist|author|columnist|contributor|editor|correspondent|reporter|professor|fellow|"
             r"researcher|analyst|commentator|blogger|founder|director|lecturer|economist|historian|activist|expert|"
             r"member|editor-in-chief|fact-?checker)")
# "Sarah Hinger, Staff Attorney, ACLU Racial Justice Program", "& Sylvia Torres-Guillén, Director of
# Education Equity": an author's name and role under a copied page's headline; or an academic's name
# and university ("Ann Roe, University of Harbour", "Omar Reyes, Harbour Institute of Technology"),
# or a local site's "Ann Roe, Patchwork Staff".
_ROLES = (rf"(?:{BIO_ROLES}|attorney|counsel|officer|president|chair(?:man|woman|person)?|manager|staff|"
          r"universit(?:y|ies)|institute|college)s?")
NAME_THEN_ROLE = re.compile(rf"^(?:&\s*|and\s+)?({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}),\s+(?i:(?:[\w'’.\-]+\s+){{0,3}}?"
                            rf"{_ROLES})\b")
# A writer's name and the agencies the story draws on, under a broadcaster's headline: "Ann Roe with AFP, Reuters"
# ("HARBOUR SABAH WITH AA": a paper's own byline over a story it wrote with an agency)
_AGENCIES = r"(?:AFP|AP|Reuters|dpa|KNA|epd|EFE|Lusa|ANSA|Bloomberg|AAP|PTI|IANS|ANI|Xinhua|AA)"
NAME_WITH_AGENCIES = re.compile(rf"^({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s+(?i:with)\s+{_AGENCIES}"
                                rf"(?:\s*(?:,|and)\s*{_AGENCIES})*\s*$")
# The writer's handle alone on the line under the name ("@annroe", a professional network's "@in/annroe")
HANDLE = re.compile(r"^\s*@(?:in/)?[A-Za-z0-9_.]{2,30}\s*$")
# The writer's role alone on the line under the name ("Political reporter @annroe", "Staff Writer",
# "Professor of Urban Planning, University of Harbour"): no sentence, the role in its first four words.
ROLE_LINE = re.compile(rf"^(?!(?i:authors?)\W*$)(?i:(?:[\w'’.\-]+\s+){{0,3}}{_ROLES})\b[^.!?]{{0,60}}$")  # ("Author": a label)
# (a sentence's subject is no name: "The House is expected ..., but several conservative members ...")
BIO = re.compile(rf"^[*_\s]*(?!(?:The|This|That|These|Those|It|He|She|They|We|There|A|An)\s)(?:{NAME_WORD}\s+){{1,4}}"
                 rf"(?:is|was|has been|writes|teaches|serves)\b.{{0,120}}\b{BIO_ROLES}s?\b")
# Stricter, for a bio line that closes the body rather than the footer: a full name, "is a ...",
# and the role as a whole word ("Where is that authorized" and "X was the director" are prose).
# (an apposition may follow the name: "Ann Roe, a former transport minister of Harbour, is Professor of ...")
CLOSING_BIO = re.compile(rf"^[*_\s]*{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}(?:,\s[^,]{{2,80}},)?\s+(?:is\s+(?:(?:a|an|the)\s.{{0,80}}?)?\b(?i:{BIO_ROLES})s?\b|"
                         r"writes (?:about|for|on)\b|reports on\b|has (?:written|worked) (?:for|as)\b|"
                         # "Ann Roe covers city government for The Harbour Times."
                         r"covers\s.{0,60}?\bfor\s+(?:the\s+)?[A-Z]|"
                         # "Ann Roe joined the Post in 2019 and covers urban affairs."
                         r"joined\s+(?:the\s+)?[A-Z][\w.'’&\-]*(?:\s+[A-Z][\w.'’&\-]*){0,3}\s+in\s+(?:19|20)\d\d\b)")
# The first words of an author card's bio, after the name on the line above ("Martin Chikilian" /
# "Martin is a full-stack engineer and has worked as ...").
CARD_BIO_VERB = re.compile(r"^[*_\s]*(?:is|was|has|writes|teaches|covers|reports|joined|works|leads)\b")
QUOTE_OPEN = "\"“‘'«„"
QUOTE_MARKS = "\"“”«»„"
SPLIT_VALUES = re.compile(r"\s*(?:,|;|\||·|•|/)\s*")
# "Ann Lee - AP Writer": a spaced dash too; "By Ann Lee • 11/08/23"; "By Glen Owen And Brendan Carlin For The Mail On Sunday"
# ("Von Ann Roe und Omar Reyes", "Par Jeanne Roe et Paul Doe", "Por Ann Roe y Omar Reyes", "di Giovanna Roe e
# Marco Bianchi", in lower case between spaces: "Ann E. Roe" is one name;
# what follows "for" is the outlet: "By Ann Roe for The Courier", "By ANN ROE FOR DAILYMAIL.COM";
# a copy glues the writer's handle to the next name: "By Ann Roe@annroe28Omar Reyes")
SPLIT_NAMES = re.compile(r"\s*(?:,|;|\||&|•|·|\b(?i:and)\b|\bwith\b)\s*|\s+(?:und|et|e|y)\s+|\s+[-–—]\s+|"
                         # (a handle glued to the outlet after it, "@annroeThe Harbour Times"; not one that ends in
                         # capitals, "@annroeINQ")
                         r"\s*@[a-z0-9_]+(?=[A-Z][a-z]|[A-Z]{2,}\s)|\s+(?P<outlet>[Ff]or|FOR)\s+(?=[A-Z]|the\s+[A-Z])")


# A link to the site's story before or after this one, its headline after the label (glued or not: the
# navigation pattern says where the label ends)
NEIGHBOUR_STORY = re.compile(r"^(?:previous|next) (?:post|article|story)", re.IGNORECASE)
_TRAILING_SEPARATORS = re.compile(r"(?:\s+[|•·\-–—]+)+\s*$")


@lru_cache(maxsize=8192)  # segmenting, the classifier's features and the header all ask of each line
def boilerplate_kind(text: str) -> str | None:
    """The kind of boilerplate a line is (share, copyright, ...), or None for article text."""
    text = text.replace("\xa0", " ")  # pages glue words with no-break spaces ("download the\xa0Nationnews apps")
    # a button or label set off by the bar or the dashes around it: "Share |", "- Advertisement -"
    bare = _TRAILING_SEPARATORS.sub("", text)
    for kind, pattern in BOILERPLATE_START_RE:
        if pattern.match(text) or (bare != text and pattern.match(bare)):
            # A long sentence that merely starts with "Support ..." or "Read ..." is prose.
            if kind in ("donate", "subscribe", "related", "social") and len(text) > 240:
                continue
            return kind
    folded = text.casefold()
    for kind, pattern, needed in _ANYWHERE_NEEDS:
        if (needed is None or any(word in folded for word in needed)) and pattern.search(text):
            return kind
    return None


# A line of code or data an article shows ("def even(number):", "$ pipenv shell", "\"Age\": 26,", "},"):
# short and full of symbols as a menu's line is, but the article's (trafilatura keeps a page's <pre>
# blocks): 155 of the 168 such lines of the training pages are article. Not a page's own style sheet
# leaking into the text (".gmobile {" / "width:100%;", at the end of a PolNeAR article).
CODE_LINE = re.compile(r"""^(?!\s*(?:[.#]?[\w-]+(?:[\s,>+~]+[.#:]?[\w-]+|[.#:][\w-]+)*\s*\{|@[\w-]+\b.*\{|[\w-]+\s*:\s*[^;]*;)\s*$)\s*(?:
    [{}\[\]()]+[,;]?\s*$                                   # a bracket alone: "{", "},", "])"
    | ["'][^"'\n]{1,80}["']\s*:\s*                           # a JSON object's key and its value, "Age": 26, (not a
      (?:true|false|null|-?\d[\d.]*|["'\[{](?:.*["'\]}{\[])?)\s*,?\s*$  # quote that opens a headline: "'I never ...': Meet")
    | (?:def|class|return|import|from|for|if|elif|else|while|var|let|const|function|public|private|print|echo)\b
      .*[:;{(]\s*$                                          # a statement that opens a block or a call
    | .*[;{]\s*$                                            # a statement that ends, or a block that opens
    | [A-Za-z_][\w.\[\]]*\s*[-+*/]?=\s*\S                    # an assignment: "result = []"
    | [A-Za-z_][\w.]*(?!\(\d+\))\((?:[^()]|\([^()]*\))*\)\s*;?\s*$  # a call alone: "print(len(harbour))", not "Comments(3)"
    | (?:\$|>>>)\s                                          # a shell's or an interpreter's prompt
    | @[A-Za-z_][\w.]*\((?:[^()]|\([^()]*\))*\)\s*$           # a decorator: "@task(retries=5)", not "@annroe"
    | \[[a-z_][\w.\-]*\]\s*$                                 # a settings file's section: "[scheduler]"
)""", re.VERBOSE)
# ... and a sign that it is code, not a sentence that happens to end on a semicolon or a brace: an
# operator or a bracket, a name_with_underscores, a prompt, a quoted key ("CBC = Fake News." ends as
# a sentence: not code)
CODE_SIGN = re.compile(r"""^(?!.*[.!?]["”’']*\s*$).*(?:[=(){}\[\]<>]|\w_\w|^\s*(?:\$|>>>)\s|["']\s*:)""")
