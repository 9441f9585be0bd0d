"""The structure analyzer on web copies in many site styles, each checked against what a
careful reader would mark: metadata, where the body starts and ends, quotes and boilerplate."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SHARED_EXAMPLE, assert_offsets

import unspin

# fixture: (title, authors, published, outlet, tags, first body words, last body words,
#           quote blocks (starts), boilerplate (starts))
EXPECTED = {
    "blog-posted-by.txt": ("Why Our Library Hours Matter", ["Jane Smith"], "2024-03-03", None, ["Local Politics"],
                           "The county board voted", "Where will they go?\"", [], ["***", "Share this post"]),
    "blog-name-pipe-date.md": ("The Quiet Collapse of Local News", ["Maria Chen"], "2023-01-12", None, ["Media", "Journalism"],
                               "Across the country", "reporting they trust.", [], ["*", "If you value this work"]),
    "oped-markdown-tags.md": ("Opinion: The Bypass Is a Bad Deal", ["Ruth Okafor"], None, None,
                              ["Transport", "Environment", "Council"], "The council will vote", "cycling to school.", [],
                              ["Share on Facebook"]),
    "wire-reuters.txt": ("Senate passes stopgap bill to avert shutdown", ["Maria Lenz", "Tom Ashby"], None, "Reuters", [],
                         "The U.S. Senate on Tuesday", "did nothing to cut spending.", [], ["Reporting by"]),
    # a summary's bullets over the byline are no headline (they had been: the headline went to boilerplate)
    "wire-reuters-summary.txt": ("Port strike halts grain exports as talks stall", ["Elena Marsh"], None, "Reuters", [],
                                 "A strike by dock workers", "on Monday.", [], ["(Reporting by"]),
    "wire-ap.txt": ("Storm knocks out power to 200,000 homes", ["JANE DOE", "RICK SALAS"], None, "Associated Press", [],
                    "A fast-moving storm", "near the coast.", [], ["Copyright 2024"]),
    "oped-markdown.md": ("Why the Water Board Keeps Getting It Wrong", ["Helen Ortiz"], "2023-02-04", None,
                         ["water", "infrastructure", "opinion"], "For the third winter running", "started digging.", [],
                         ["Helen Ortiz is a civil engineer", "Share this article"]),
    "blog-wordpress.txt": ("Ten Years of Keeping Bees on a City Roof", [], "2020-03-03", None, ["Gardening", "Urban Life"],
                           "When we put the first hive", "nobody sprays.", [],
                           ["Share this:", "Twitter", "Facebook", "Email", "Related", "How to Start", "The Best Plants"]),
    "ptc-layout.txt": ('Mayor Calls Critics "Enemies of Progress" in Heated Meeting', [], None, None, [],
                       "The mayor lashed out", "expected next month.", [], []),
    "newsletter-substack.md": ("The Quiet Collapse of the Local Newspaper", ["Sam Becker"], "2024-06-12", None, [],
                               "In the last five years", "someone who might too.", [],
                               ["Subscribe now", "Share", "Leave a comment", "Subscribe to The Valley Dispatch"]),
    "thinktank-bio.txt": ("The Case for a Four-Day School Week Is Weaker Than It Looks", ["Dr. Alan Mercer"], "2022-09-09", None, [],
                          "Districts across the country", "makes the change.", [],
                          ["About the author", "Alan Mercer is a senior fellow", "The views expressed"]),
    "press-release.txt": ("Greenfield Energy Announces New Solar Plant in Arizona", [], "2023-05-02", None, [],
                          "Greenfield Energy today announced", "said chief executive Laura Kim.", [],
                          ["FOR IMMEDIATE RELEASE", "About Greenfield Energy", "Greenfield Energy develops", "Media contact"]),
    "tabloid-readmore.txt": ("FURY as council bans fireworks on village green", ["Kerry Mills"], "2021-11-06", None, [],
                             "Villagers have reacted with fury", "review the decision next year.", [],
                             ["Read more:", "Advertisement", "Sign up for our daily newsletter"]),
    "markdown-blockquote.md": ("What the Minister Did Not Say", ["Ruth Adeyemi"], "2024-01-18", None, [],
                               "The minister's speech on Thursday", "were unconvinced.", ["We will not rest"], []),
    "world-section.txt": ("Floods force thousands from homes in northern Italy", ["Giulia Neri"], "2023-06-12",
                          "Continental News Service", ["World"],
                          "Floods have forced more than 10,000", "to ease by Wednesday.", [], ["© 2023 Continental News Service"]),
    "crlf-windows.txt": ("Library to Close Two Branches Next Year", ["Marcus Hale"], None, None, [],
                         "The city library will close", "hit the poorest neighbourhoods hardest.", [], []),
    "photo-credits.md": ("Wolves Return to the Valley After a Century", ["Anna Lind"], "2022-08-21", "Nordic Wildlife Review", [],
                         "For the first time in more than a hundred years", "before the winter.", [],
                         ["Photo: A grey wolf", "Featured image: Erik Sand"]),
    "related-list.txt": ("Rail Strike Called Off After Last-Minute Deal", ["Owen Price"], None, None, [],
                         "Rail unions have called off", "on most routes.", [],
                         ["Related articles", "Commuters face", "Union leaders meet", "Why rail fares"]),
    "translated-note.txt": ("The Price of Bread in Buenos Aires", ["Lucía Fernández"], None, None, [],
                            "The price of a kilo of bread", "or bake their own.", [], ["This article was originally published"]),
    "no-metadata.txt": ("A Short Walk Along the Old Canal", [], None, None, [],
                        "The towpath begins", "two pubs along the route.", [], []),
    "opinion-colon-quote.txt": ("The Inconvenient Report Nobody Wants to Read", ["Victor Hale"], "2021-04-02", "Global Monitor",
                                ["Media", "Foreign Policy"], "The Daily Courier, in an editorial", "out of the headlines.",
                                ["The agreement marks a turning point", "Violations of the ceasefire", "Civilian casualties have risen"],
                                ["*", "Note to readers", "Victor Hale is a regular contributor", "The original source", "Copyright ©"]),
    "html-news.html": ("Council approves new cycle lanes", ["Priya Shah"], "2024-03-18", "The Harbour Gazette", [],
                       "The city council has approved", "busy shopping streets.", ['"This is the biggest investment'], []),
    "html-blog.html": ("My year without a car", ["Jonas Berg"], "2023-11-02", "Slow Roads Blog", [],
                       "Twelve months ago I sold my car", "I am not going back.", [], []),
    "guardian-style.md": ("The housing crisis will not be solved by slogans", ["Amira Patel"], "2023-03-14", None,
                          ["Housing", "Opinion"], "Every government of the past twenty years", "contact with the data.",
                          [], ["Skip to main content", "Opinion", "Share", "Amira Patel is a housing economist",
                               "Explore more on these topics", "Reuse this content"]),
    "cable-news-style.txt": ("Border officials report record crossings in September", ["Mike Jensen"], "2023-10-03",
                             "Fox Example News", [], "Border officials recorded", "surging resources to the border.", [],
                             ["CLICK HERE TO GET", "Mike Jensen is a reporter"]),
    "medium-style.md": ("Why I Quit Social Media for a Year", ["Jordan Lee"], "2022-01-08", None, [],
                        "A year ago I deleted", "I am telling you that you can.", [],
                        ["Follow", "5 min read", "12", "Listen", "Share", "--", "--", "12", "Follow", "Written by Jordan Lee",
                         "143 Followers",
                         "Writer and teacher."]),
    "utf16-bom.txt": ("Café owners protest new rules on outdoor seating", ["Élodie Martin"], None, None, [],
                      "Café owners in the old town", "wheelchair users.", [], []),
    # The furniture below a blog post, every line of it a shape the rules know (issue 22):
    # a copyright notice that reads like a sentence, a closing bio, a second tag line, blog
    # navigation, comment-form lines and a cookie notice.
    "blog-closing-furniture.txt": (
        "Why the Night Bus Matters More Than the Tram", ["Dana Whitfield"], "2022-03-14", "Harbour Media", ["Transport"],
        "The transit board will decide", "two years old.", [],
        ["© 2022 Harbour Media", "Dana Whitfield is a senior writer", "Tags: buses", "Newer Post Older Post",
         "More stories", "Leave a Reply", "Notify me of follow-up", "Save my name, email", "Privacy & Cookies"]),
    # A news page as a reader copies it: a byline with an e-mail between bars, a labelled date
    # line, an appeal inside the article, tags below it (issue 22).
    "newscopy-byline-email-tags-below.txt": (
        "Council approves new bus lanes after heated debate", ["Jane Roe"], "2021-04-05", "The Courier",
        ["transit", "city council", "buses"], "The city council voted", "according to the transit agency.", [],
        ["Skip to content", "NEWS", "SPORTS", "OPINION", "Log in", "Get the morning headlines", "Related Articles",
         "City weighs", "Transit agency names", "Bike lane plan", "Leave a Reply", "Your email address",
         "Privacy Policy", "© 2021 The Courier"]),
}


def _texts(spans):
    return [s.text for s in spans]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_structure_of_fixture(name, structure_pipeline):
    title, authors, published, outlet, tags, body_first, body_last, quotes, boilerplate = EXPECTED[name]
    analysis = unspin.analyze_file(FIXTURES / "structure" / name, pipeline=structure_pipeline)
    meta = analysis.meta
    assert meta.title is not None and meta.title.text == title
    assert _texts(meta.authors) == authors
    assert meta.published == published
    assert (meta.outlet.text if meta.outlet else None) == outlet
    assert _texts(meta.tags) == tags
    body = analysis.document.segments("body")
    assert body, "no body found"
    assert body[0].text.startswith(body_first)
    assert body[-1].text.endswith(body_last)
    assert [q.text[: len(p)] for q, p in zip(analysis.document.segments("quote_block"), quotes)] == quotes
    assert len(analysis.document.segments("quote_block")) == len(quotes)
    found_boilerplate = _texts(analysis.document.segments("boilerplate"))
    for start in boilerplate:
        assert any(b.startswith(start) for b in found_boilerplate), (start, found_boilerplate)
    assert len(found_boilerplate) == len(boilerplate)
    assert_offsets(analysis)


def test_segments_never_overlap(structure_pipeline):
    for path in sorted((FIXTURES / "structure").iterdir()):
        segments = unspin.analyze_file(path, pipeline=structure_pipeline).segments
        for a, b in zip(segments, segments[1:]):
            assert a.end <= b.start, (path.name, a, b)


def test_content_regions_exclude_boilerplate(structure_pipeline):
    doc = unspin.analyze_file(FIXTURES / "structure" / "opinion-colon-quote.txt", pipeline=structure_pipeline).document
    content = " ".join(doc.text[a:b] for a, b in doc.content_regions())
    assert "Note to readers" not in content and "Copyright" not in content
    assert "The Courier never mentions" in content and "Violations of the ceasefire" in content


def test_bundled_example(structure_pipeline):
    from unspin.cli import example_path

    analysis = unspin.analyze_file(example_path(), pipeline=structure_pipeline)
    meta = analysis.meta
    assert _texts(meta.authors) == ["Dana Whitfield", "Omar Reyes"]
    assert meta.published == "2025-10-14"
    assert meta.outlet.text == "The Valley Ledger"
    quotes = _texts(analysis.document.segments("quote_block"))
    assert [q[:20] for q in quotes] == ["The scheme is expect", "A majority of respon", "Concerns were also r"]
    assert_offsets(analysis)


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared/examples is not beside this checkout")
def test_shared_example_article(structure_pipeline):
    analysis = unspin.analyze_file(SHARED_EXAMPLE, pipeline=structure_pipeline)
    doc = analysis.document
    meta = analysis.meta
    assert meta.title.text == "Syria: Is US Fighting ISIS or Liquidating Assets?"
    assert _texts(meta.authors) == ["Tony Cartalucci"]
    assert meta.published == "2019-03-30"
    assert meta.outlet.text == "Global Research"
    assert _texts(meta.tags) == ["Middle East & North Africa", "US NATO War Agenda", "SYRIA"]
    body = doc.segments("body")
    assert body[0].text.startswith("That the “final stronghold”")
    assert body[-1].text.endswith("for so long.")
    quotes = _texts(doc.segments("quote_block"))
    assert [q[:25] for q in quotes] == ["At its height, ISIS contr", "More than 3,000 ISIS figh",
                                       "The Iraqi Armed Forces de", "According to a new report"]
    boilerplate = " ".join(_texts(doc.segments("boilerplate")))
    for expected in ("Note to readers", "Tony Cartalucci is Bangkok-based", "Copyright ©", "Disclaimer:"):
        assert expected in boilerplate
    assert_offsets(analysis)


HARD_WRAPPED = """Notes from the workshop

1 Why we met

Last spring the river board asked the three villages to agree on a
plan for the flood meadows; none of the earlier plans had lasted
beyond one wet winter, and the farmers had stopped coming to the
meetings altogether.

2 What we decided

The board will buy the lowest fields outright and let them flood,
which the farmers accepted once the price was fixed in writing.
"""


def test_hard_wrapped_lines_are_a_paragraph_not_headings(structure_pipeline):
    analysis = unspin.analyze(HARD_WRAPPED, pipeline=structure_pipeline)
    kinds = {s.text: s.kind for s in analysis.segments}
    first = HARD_WRAPPED[HARD_WRAPPED.index("Last spring"):HARD_WRAPPED.index("altogether.") + len("altogether.")]
    second = HARD_WRAPPED[HARD_WRAPPED.index("The board"):].rstrip()
    assert kinds[first] == kinds[second] == "body"  # each paragraph whole, over its line breaks
    assert kinds["2 What we decided"] == "heading"
    assert_offsets(analysis)


LIST_ARTICLE = "\n\n".join([
    "Four states tighten rules on drones",
    "By Sam Field",
    "Lawmakers in four states passed new limits on private drones this year, according to a survey "
    "published on Tuesday by a group of county sheriffs who had asked for the change.",
    *[f"In the {k}th county surveyed, the sheriff said the new rules would stay on paper until the "
      f"legislature pays for training, and that {k} deputies had asked for it." for k in range(4, 18)],
    "The states that passed the rules:",
    "Arizona", "Delaware", "Florida", "Ohio",
])


def test_the_line_classifier_leaves_an_article_file_alone(structure_pipeline):
    """A list and a question inside an article are the article's: only a text that reads as a
    copied page (mostly lines that are not prose) goes through the classifier."""
    analysis = unspin.analyze(LIST_ARTICLE, pipeline=structure_pipeline)
    kept = {s.text for s in analysis.segments if s.kind in ("body", "heading")}
    assert {"Arizona", "Delaware", "Florida", "Ohio"} <= kept
    assert not [s for s in analysis.segments if s.type == "page"]


@pytest.mark.parametrize("text, expected", [
    ("Published: 03 December 2019", "2019-12-03"),
    ("Oct. 9, 2010 - 7:28 AM EST", "2010-10-09"),
    ("6. November 2023", "2023-11-06"),  # German, day first with its full stop
    ("25. Januar 2022", "2022-01-25"),
    ("11 de mayo de 2022", "2022-05-11"),
    ("10 MAYO, 2022", "2022-05-10"),
    ("le 3 mars 2021", "2021-03-03"),
    ("Date 19.01.2020", "2020-01-19"),  # a dotted date puts the day first
    ("Posted by Konstantin 21.10.2019", "2019-10-21"),
    ("01.21.2020 07:00 AM", "2020-01-21"),  # ... but month first where the second cannot be a month
    ("12.03.2020", "2020-03-12"),
    ("Published: 11/18/2011 2:27 AM", "2011-11-18"),  # a slashed date whose order shows
    ("21/10/2019", "2019-10-21"),
    ("12/04/2020 by Kay", None),  # April in Britain, December in the United States: unread
    ("12/04/2024 05:00 AM EST", "2024-12-04"),  # ... unless an American time zone follows
    ("Updated: 12/04/2024, 5:12 p.m. ET", "2024-12-04"),
    ("12/04/2024 05:00 GMT", None),
    ("version 1.10.2019.2", None),
    ("mayo 11, 2022", "2022-05-11"),
    ("December 3, 20246:14 PM ET", "2024-12-03"),  # a public radio's date, glued to its time
    ("3 December 202411:05", "2024-12-03"),
    ("December 3, 20245", None),  # digits glued to the year that are no time
    ("BUSINESSNOV 7, 2023 2:00 AM", "2023-11-07"),  # a section in capitals glued to the month
    ("THE MAYOR 3, 2020", None),
    ("Madrid - 03 dic 2024 - 18:14 CET", "2024-12-03"),  # months' short forms in other languages
    ("3. Dez. 2024", "2024-12-03"),
    ("3 déc. 2024", "2024-12-03"),
    ("by Ann Roe - 12/03/24 6:14 PM ET", "2024-12-03"),  # a two-digit year, where an American time zone follows
    ("3/12/24", None),
    ("Publié le 03/12/2024 à 18h14", "2024-12-03"),  # a French label puts the day first
    ("3 grudnia 2024", "2024-12-03"),  # months as Polish, Czech, Finnish, Russian, Turkish, Catalan write them
    ("3. prosince 2024 18:42", "2024-12-03"),
    ("3 joulukuuta 2024", "2024-12-03"),
    ("3 декабря 2024, 18:42", "2024-12-03"),
    ("3 Aralık 2024 18:42", "2024-12-03"),
    ("3 d'abril de 2024", "2024-04-03"),
    ("Actualizada 03/12/2024 19:10", "2024-12-03"),  # so do Spanish, Dutch and Swedish ones
    ("Bijgewerkt 03/12/2024", "2024-12-03"),
    ("Actualizado al 03/12/2024", "2024-12-03"),  # ("al": "a" and "el")
    ("Publicerad 03/12/2024", "2024-12-03"),
    ("Published on 03/12/2024 - 18:14 GMT+1", "2024-12-03"),  # so does a Continental time zone
])
def test_dates_as_pages_write_them(text, expected):
    from unspin.analyzers.dates import normalise_date

    assert normalise_date(text) == expected


@pytest.mark.parametrize("page, expected", [
    ("12/04/2020 by Kay\nJo says 14/04/2020 at 3:00 pm", "2020-04-12"),  # the comments put the day first
    ("12/04/2020 by Kay\nJo says 04/14/2020 at 3:00 pm", "2020-12-04"),  # ... or the month
    ("12/04/2020 by Kay\n14/04/2020 and 04/15/2020", None),  # both: the order still does not show
    ("12/04/2020 by Kay", None),
])
def test_a_slashed_date_is_read_in_the_order_the_pages_other_dates_show(page, expected):
    from unspin.analyzers.dates import date_place, unordered_date_on_page

    line_end = page.index("\n") if "\n" in page else len(page)
    assert unordered_date_on_page(page, 0, line_end) == expected
    assert date_place(page, 0, line_end) == (0, 10, None)  # where the line gives a date it cannot read


def test_an_embedded_posts_signature_gives_no_date_and_no_outlet():
    """An article that opens on a quoted post, under its headline, ends the quote with the post's
    signature ("— Ann Roe (@annroe) May 16, 2018", in any language): the date the post was posted,
    not the article's, and no outlet."""
    menu = "\n".join(["Skip to content", "Home", "News", "Politics", "Sport", "Culture", "Search", "Log in"])
    text = (menu + "\nHarbour council bans cars from its seafront\n"
            "We did it. The waterfront belongs to everyone now.\n"
            "— Lena Ortiz (@lenaortiz) 16 мая 2018 г.\n"
            "The council voted on Tuesday to close four blocks of the waterfront to cars, ending a long fight.\n"
            "The mayor had promised the ban during her campaign, and posted about it on the night of the vote.\n"
            "Traders on Quay Street said they would lose customers and some said they would go to court.\n"
            "Share\nFacebook\nTwitter\nPrivacy Policy\nTerms of Use\n")
    analysis = unspin.analyze(text)
    assert_offsets(analysis)
    assert analysis.meta.published is None and analysis.meta.outlet is None
    assert [s.kind for s in analysis.segments if s.text.startswith("— Lena Ortiz")] != ["dateline"]


_LEDE = ("The first night bus in forty years left Harbour Square at midnight on Tuesday, carrying eleven "
         "passengers and a council member.")
_PARAGRAPHS = ["The route runs every half hour between the square and the Eastfield estate until five in the morning.",
               "The service will be reviewed after six months, the transport authority said."]


@pytest.mark.parametrize(("first", "title"), [
    (_LEDE, None),  # a reader copied the article's paragraphs alone: no headline to read
    # headlines that end on a full stop: in title case however long, or short
    ("Glenn Beck Blasts Drudge for Mocking His Fast, Quotes Bible to Encourage Indiana to ‘Turn Away’ from "
     "‘Boasters’ and ‘Blasphemers’ Like Trump.", "same"),
    ("As Bill Clinton turns 70, a look at where he fits into a Hillary Clinton White House.", "same"),
])
def test_a_text_that_opens_with_its_first_paragraph_has_no_title(first, title, structure_pipeline):
    analysis = unspin.analyze("\n\n".join([first, *_PARAGRAPHS]), pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert (analysis.meta.title.text if analysis.meta.title else None) == (first if title == "same" else title)
    assert [s.kind for s in analysis.segments if s.text == first] == (["title"] if title else ["body"])


@pytest.mark.parametrize(("under_title", "authors"), [
    (["Ann Roe"], ["Ann Roe"]),
    (["harbourgazette.co.uk", "Ann Roe", "4 min read"], ["Ann Roe"]),  # a read-later app's header
    (["Harbour City"], []),  # a place, no writer
    (["Breaking News"], []),
])
def test_a_persons_name_alone_under_the_title_is_the_writers(under_title, authors, structure_pipeline):
    """A text pasted with its headline and its author, as a browser's reader view or a read-later app
    gives it: the name is the byline (where the recogniser reads a person), the site's address is furniture."""
    title = "Harbour City opens its first night bus route"
    analysis = unspin.analyze("\n".join([title, *under_title, _LEDE, *_PARAGRAPHS]), pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert analysis.meta.title is not None and analysis.meta.title.text == title
    assert [a.text for a in analysis.meta.authors] == authors
    assert not any(s.kind == "body" for s in analysis.segments if s.text in under_title)


def test_a_hard_wrapped_text_keeps_each_paragraph_whole(structure_pipeline):
    """Plain-text mail or lines copied from a PDF break each paragraph at about 72 characters: the
    paragraphs are the article's, whole (its first two lines, short and unpunctuated, were read as the
    page's furniture), also over a wrapped line that happens to end a sentence ("ferry terminal. Drivers
    ... at night." / "Tickets cost ..."), as blank lines part this text's paragraphs."""
    text = (FIXTURES / "structure" / "hard-wrapped-mail.txt").read_text(encoding="utf-8")
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    bodies = [s.text for s in analysis.segments if s.kind == "body"]
    assert [b.split()[:3] for b in bodies] == [["The", "first", "night"], ["The", "route", "runs"], ["\"People", "who", "work"],
                                              ["The", "transport", "authority"], ["Eastfield", "residents", "have"]]
    assert bodies[0].endswith("since 2019.") and "\n" in bodies[0]
    assert bodies[1].endswith("on the day routes.")
    assert [a.text for a in analysis.meta.authors] == ["Ann Roe"]


def test_a_printed_pages_numbers_in_lines_copied_from_a_pdf_are_furniture(structure_pipeline):
    lines = (FIXTURES / "structure" / "hard-wrapped-mail.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join([*lines[:13], "", "Page 1 of 2", "", *lines[13:], "", "- 2 -"])
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert [(s.kind, s.type) for s in analysis.segments if s.text in ("Page 1 of 2", "- 2 -")] == [("boilerplate", "page")] * 2
    assert len([s for s in analysis.segments if s.kind == "body"]) == 5


def test_only_a_text_whose_long_lines_stop_mid_sentence_is_read_as_hard_wrapped():
    from unspin.analyzers.structure.lines import physical_lines, wrap_width

    wrapped = (FIXTURES / "structure" / "hard-wrapped-mail.txt").read_text(encoding="utf-8")
    assert wrap_width(physical_lines(wrapped)) == max(map(len, wrapped.splitlines()))
    # a sentence a line (PTC), and a paragraph a line (a copied page), are not wrapped
    sentences = "\n".join(["Harbour City opens a night bus route",
                           *[f"The council said that route {n} would run all night from the spring." for n in range(8)]])
    paragraphs = "\n".join(["Harbour City opens a night bus route", _LEDE, *_PARAGRAPHS])
    for text in (sentences, paragraphs):
        assert wrap_width(physical_lines(text)) is None


def test_only_blank_lines_between_paragraphs_carry_a_wrapped_line_past_a_sentence_end():
    """Mail parts its paragraphs with blank lines, so a full-width line ending a sentence goes on below;
    lines copied from a PDF have none, and there such a line may end its paragraph."""
    from unspin.analyzers.structure.lines import blank_between_paragraphs, physical_lines, wrap_width

    mail = (FIXTURES / "structure" / "hard-wrapped-mail.txt").read_text(encoding="utf-8")
    pdf = "\n".join(line for line in mail.splitlines() if line.strip())
    for text, parted in ((mail, True), (pdf, False)):
        lines = physical_lines(text)
        assert blank_between_paragraphs(lines, wrap_width(lines)) is parted


def test_a_copyright_notice_glued_with_no_break_spaces_names_the_outlet(structure_pipeline):
    text = "\n".join(["Harbour\xa0Gazette", "News", "Sport", "Opinion", "Harbour City opens its first night bus route",
                     "By Ann Roe", "December 4, 2024", _LEDE, *_PARAGRAPHS, "Share this article",
                     "©\xa02024\xa0Harbour\xa0Gazette"])
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert analysis.meta.outlet is not None and analysis.meta.outlet.text == "Harbour\xa0Gazette"


def test_a_marked_headline_that_ends_on_a_date_stays_the_title():
    html = ("<html><head><title>x</title></head><body><article><h1>Berlin confronts its colonial past | DW | 19.01.2020"
            "</h1><p>By Deutsche Welle</p><p>The German capital has launched a five-year project to mark its part in "
            "European colonialism, the city's culture senator said on Sunday.</p><p>The project will fund research, "
            "exhibitions and school visits, and will end with a memorial in the city centre.</p></article></body></html>")
    analysis = unspin.analyze(html, format="html")
    assert [s.kind for s in analysis.segments if s.text.startswith("Berlin confronts")] == ["title"]
    assert_offsets(analysis)


def test_a_paragraph_that_opens_with_by_is_no_byline_under_the_first_paragraph(structure_pipeline):
    """A PolNeAR story: its second paragraph opens "By the end of next week's contests ..."; the
    first was taken for a standfirst over a byline, and "Rhode Island" for its author."""
    text = ("Beyond victory, a deep image problem\n\n"
            "The senator got what she needed in New York, a solid victory that stopped her rival's winning streak.\n\n"
            "By the end of next week's contests in Pennsylvania, Maryland, Connecticut, Rhode Island and Delaware, "
            "her lead in pledged delegates in all likelihood will be insurmountable.\n\n"
            "By the beginning of May, she will be at liberty to turn her attention to the general election.\n")
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert list(analysis.meta.authors) == [] and analysis.meta.outlet is None
    assert [s.text[:20] for s in analysis.document.segments("body")] == [
        "The senator got what", "By the end of next w", "By the beginning of "]


@pytest.mark.parametrize("label", ["CORRECTION:", "Correction:", "Editor's note:", "UPDATE:"])
def test_a_correction_under_its_label_is_the_papers_note_not_a_quotation(label, structure_pipeline):
    text = ("Harbour ferry fares to rise by a fifth\n\n"
            "The ferry company will raise its fares by a fifth in April, the council said on Tuesday.\n\n"
            "Commuters who cross twice a day will pay about £190 more a year, by the council's own figures.\n\n"
            f"{label}\n\n"
            "An article on Tuesday misstated the size of the rise. It is a fifth, not a quarter.\n")
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert analysis.document.segments("quote_block") == []
    assert analysis.document.segments("body")[-1].text.startswith("An article on Tuesday misstated")


@pytest.mark.parametrize("byline, authors, outlet", [
    ("By ANN ROE FOR THE HARBOUR MAIL", ["ANN ROE"], "THE HARBOUR MAIL"),
    ("By ANN ROE and JOHN DOE FOR DAILYMAIL.COM", ["ANN ROE", "JOHN DOE"], "DAILYMAIL.COM"),
    ("By Ann Roe and John Doe for the Associated Press", ["Ann Roe", "John Doe"], "Associated Press"),  # (its name, not "the")
    ("By Ann Roe for Reuters", ["Ann Roe"], "Reuters"),
    ("By Ann Roe, New Delhi", ["Ann Roe"], None),  # a place after the writer, as the recogniser reads it
    ("By Ann Roe, Omar Reyes", ["Ann Roe", "Omar Reyes"], None),
    ("By state political reporter Ann Roe", ["Ann Roe"], None),  # the writer's role before the name
    ('By Ann "Harbour Queen" Roe', ['Ann "Harbour Queen" Roe'], None),  # a nickname between the names
    ("By Ann Roe edited by Omar Reyes", ["Ann Roe"], None),  # the editor is no author
    ("By Ann Roe; Fact-checked by Omar Reyes", ["Ann Roe"], None),
])
def test_what_follows_for_in_a_byline_is_its_outlet_and_a_place_no_author(byline, authors, outlet, structure_pipeline):
    text = (f"Harbour council bans cars from its seafront\n{byline}\nMarch 3, 2024\n"
            + "The council voted on Tuesday to close four blocks of the waterfront to cars, ending a long fight.\n" * 3)
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert [s.text for s in analysis.meta.authors] == authors
    assert (analysis.meta.outlet.text if analysis.meta.outlet else None) == outlet


@pytest.mark.parametrize("line, kind", [
    ("e-mail", "social"), ("shares", "share"), ("View comments", "comments"), ("Add your comment", "comments"),
    ("Share or comment on this article:", "share"), ("Shares in Harbour Telecom rose 3% on Monday.", None),
    ("Read Time: 3 min", "page"), ("5 min read", "page"), ("It took 5 min to read the report.", None),
    ("A cyclist rides along the waterfront road [File: Jane Doe/Reuters]", "credit"), ("[Photo/VCG]", "credit"),
    ("Trump extends his lead over Ted Cruz in the national primary race. [IBD/TIPP]", None),  # a poll's source
    ("Cyclists will have the road to themselves.(Harbour ABC News: Jane Doe)", "credit"),
    ("Help keep family & friends informed by sharing this article", "share"), ("copied", "share"),
    # a blog's row of links behind symbols; a quote that opens on an appeal's word is prose
    ("✉️ Join my mailing List 🐣 @-me on Twitter ✨ Subscribe to my RSS", "subscribe"),
    ("“Share your story,” she said.", None), ("(2 min)", "page"), ("Advertisement 2", "advertisement"),
    ("Cyclists ride along the waterfront on Tuesday. Photo by Jane Doe /Harbour Sun", "credit"),
])
def test_buttons_counters_and_captions_of_news_pages_are_furniture(line, kind):
    from unspin.analyzers.structure.patterns import boilerplate_kind

    assert boilerplate_kind(line) == kind


def test_a_closing_paragraph_whose_subject_is_an_institution_is_no_bio():
    from unspin.analyzers.structure.patterns import BIO

    assert not BIO.match("The House is expected to take up the measure next week, but several conservative members "
                         "have said they will vote against it.")
    assert BIO.match("Ann Roe is a reporter for the Harbour Times.")


POEM = (FIXTURES / "structure" / "copied-poem-page.txt").read_text(encoding="utf-8")
POEM_LINES = [line for line in POEM[POEM.index("The spade"):POEM.index("Share this:")].splitlines() if line.strip()]


def test_a_pasted_poem_is_its_title_and_every_line_of_it_as_body(structure_pipeline):
    """A poem pasted with its title: its first lines are no standfirst and no headline, short and
    unpunctuated as they are."""
    text = "Winter Allotment\n\n" + POEM[POEM.index("The spade"):POEM.index("Share this:")]
    analysis = unspin.analyze(text, pipeline=structure_pipeline)
    assert_offsets(analysis)
    assert analysis.meta.title is not None and analysis.meta.title.text == "Winter Allotment"
    assert [(s.kind, s.text) for s in analysis.segments][1:] == [("body", line) for line in POEM_LINES]


RELATED_BOX = "\n".join([
    "Related stories", "Council delays vote on the new harbour bridge",
    "Why the ferry timetable is changing again this spring", "Residents say they were not told about the parking plan",
    "What we know so far about the school closures",
    "Storm leaves thousands without power in the north", "How to get the most out of the new library hours",
])
COMMENTS = "\n".join(["Jo Marsh", "This is so true and I agree with every word", "Reply", "Sam Lee",
                      "I do not think that is what the council said at all", "Reply", "Ann",
                      "we need more of this in the paper to be honest", "Reply"])


def test_verse_is_told_from_a_box_of_headlines_a_wrapped_paragraph_and_a_sentence_a_line():
    from unspin.analyzers.structure.lines import physical_lines, verses

    lines = physical_lines(POEM)
    assert [lines[i].text for i in sorted(verses(lines))] == POEM_LINES
    wrapped = (FIXTURES / "structure" / "hard-wrapped-mail.txt").read_text(encoding="utf-8")
    sentences = "\n".join(f"The council said that route {n} would run all night." for n in range(8))
    shouted = "\n".join(line.title() for line in POEM_LINES)  # a menu's or a headline's Title Case
    for text in (RELATED_BOX, wrapped, sentences, COMMENTS, shouted):
        assert not verses(physical_lines(text)), text[:40]


def test_the_words_a_pattern_needs_spare_searches_and_never_change_a_lines_kind():
    """`boilerplate_kind` looks for the words each "anywhere" pattern needs before searching with it:
    one of them is in every text the pattern matches, and the kinds of every line of the fixtures are
    those a search with every pattern gives."""
    import re

    from unspin.analyzers.structure import patterns
    from unspin.analyzers.structure.patterns import needed_words

    pattern = re.compile(r"subscribe to our newsletter|(?:delivered|straight) to your inbox|^by (?:signing up|clicking)\b", re.I)
    needed = needed_words(pattern)
    assert needed is not None
    for text in ("Please SUBSCRIBE to our newsletter!", "News straight to your inbox", "By clicking below you agree"):
        assert pattern.search(text) and any(word in text.casefold() for word in needed)
    assert needed_words(re.compile(r"[.!?]\s+By\s+[A-Z]+$")) is None  # (no word three letters long nor a sign)
    assert needed_words(re.compile(r"©\s*\d{4}")) == ("©",)

    def searched(text: str) -> str | None:
        text = text.replace("\xa0", " ")
        bare = patterns._TRAILING_SEPARATORS.sub("", text)
        for kind, start in patterns.BOILERPLATE_START_RE:
            if start.match(text) or (bare != text and start.match(bare)):
                if kind in ("donate", "subscribe", "related", "social") and len(text) > 240:
                    continue
                return kind
        return next((kind for kind, anywhere in patterns.BOILERPLATE_ANYWHERE if anywhere.search(text)), None)

    lines = {line.strip() for path in (FIXTURES / "structure").iterdir() if path.suffix in (".txt", ".md")
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()}
    assert len(lines) > 2000
    assert [patterns.boilerplate_kind.__wrapped__(line) for line in sorted(lines)] == [searched(line) for line in sorted(lines)]
