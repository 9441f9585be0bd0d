"""A reader's first article: no omission shown as a quote, no headline kicker taken for a
speaker, sources cut where they end and named and typed as a reader would, claims a fact-checker
can use, and the hostile inputs found by testers. Inputs are this project's own (issue 23)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, assert_offsets
from test_attribution import attributions_from, tagged

from unspin.analyzers.attribution.sources import resolve, source_type
from unspin.analyzers.cues import reports_speech
from unspin.options import Options

RIVERTON = FIXTURES / "first_article" / "riverton-bus-depot.txt"


# --- cues that report no speech ------------------------------------------------------------

@pytest.mark.parametrize("cue", ["omits entirely any mention of", "also omits", "ignores", "failed to mention",
                                 "conveniently left out", "approves", "has approved", "voted", "says it all",
                                 "speaks for itself"])
def test_omissions_decisions_and_idioms_report_no_speech(cue):
    assert not reports_speech(cue)


@pytest.mark.parametrize("cue", ["said", "claims", "also notes", "told", "warned", "according to", "wrote"])
def test_verbs_of_saying_do(cue):
    assert reports_speech(cue)


def test_an_omission_is_not_a_quote_and_its_content_goes_to_no_one():
    text = ("The Herald claims the plant is safe. The Herald omits any mention of the 2019 leak that "
            "closed it for a month. The Herald also omits that its owner sits on the plant's board.")
    roles = tagged(text, ("source", "The Herald"), ("cue", "claims"), ("content", "the plant is safe"),
                   ("cue", "omits any mention of"), ("content", "the 2019 leak that closed it for a month"),
                   ("cue", "also omits"), ("content", "that its owner sits on the plant's board"))
    found = attributions_from(text, roles)
    assert [a.cue.text for a in found] == ["claims"]
    assert [c.text for c in found[0].content] == ["the plant is safe"]


def test_a_denial_that_anything_was_said_is_not_an_attribution():
    text = "Officials have not made it clear what will happen to the tenants. The landlord said rents will rise."
    roles = tagged(text, ("source", "Officials"), ("cue", "made it clear"), ("content", "what will happen to the tenants"),
                   ("source", "The landlord"), ("cue", "said"), ("content", "rents will rise"))
    assert [a.cue.text for a in attributions_from(text, roles)] == ["said"]


def test_what_an_event_indicates_is_the_authors_inference_but_a_report_may_indicate():
    text = ("A deployment of troops from the Northern Brigade (NB) indicates that the capital expects trouble. "
            "The report indicates that costs doubled.")
    roles = tagged(text, ("source", "NB"), ("cue", "indicates"), ("content", "that the capital expects trouble"),
                   ("source", "The report"), ("content", "that costs doubled"))
    roles.append(type(roles[0])("cue", text.rindex("indicates"), text.rindex("indicates") + 9, 1.0))
    found = attributions_from(text, roles)
    assert [(a.source.text, a.content[0].text) for a in found] == [("The report", "that costs doubled")]


def test_a_headline_kicker_before_a_colon_is_not_a_speaker():
    text = "Ruritania: Is the Dam Safe or Just Cheap?\n\nEngineers inspected the dam on Monday and found two cracks."
    roles = tagged(text, ("source", "Ruritania"), ("cue", ":"), ("content", "Is the Dam Safe or Just Cheap?"))
    assert attributions_from(text, roles) == []


def test_a_headline_with_no_speaker_and_no_verb_of_saying_is_a_topic():
    text = ("How the Bypass Was Sold to a Town That Never Wanted It\n\nMinister Says the Bypass Will Open in May\n\n"
            "Engineers inspected the road on Monday.")
    roles = tagged(text, ("cue", "Was Sold"), ("content", "Never Wanted It"),
                   ("source", "Minister"), ("cue", "Says"), ("content", "the Bypass Will Open in May"))
    assert [(a.source.text if a.source else None, a.cue.text) for a in attributions_from(text, roles)] == [
        ("Minister", "Says")]
    # "a Town" after the verb is what the bypass was sold to, not a speaker
    roles = tagged(text, ("cue", "Was Sold"), ("source", "a Town"), ("content", "Never Wanted It"))
    assert attributions_from(text, roles) == []


def test_a_headline_speaker_before_any_verb_or_after_a_dash_is_kept():
    for text, roles, expected in [
        ("Senator Slams Bypass as a Giveaway\n\nEngineers inspected the road on Monday.",
         (("source", "Senator"), ("cue", "Slams"), ("content", "Bypass as a Giveaway")), ("Senator", "Slams")),
        ("\u201cThe bypass is a giveaway.\u201d \u2015 Ruth Ortiz\n\nEngineers inspected the road on Monday.",
         (("content", "\u201cThe bypass is a giveaway.\u201d"), ("cue", "\u2015"), ("source", "Ruth Ortiz")),
         ("Ruth Ortiz", "\u2015")),
    ]:
        found = attributions_from(text, tagged(text, *roles))
        assert [(a.source.text, a.cue.text) for a in found] == [expected]


# --- sources: where they end, their names and types ----------------------------------------

def test_a_source_ends_at_the_name_not_at_the_phrase_after_it():
    text = ('"We will build it," said Mayor Helen Park after the vote. Council member Ruth Ortiz, who voted '
            'against, warned that it would be late. Agency memos dating back to 2012 said it was needed.')
    roles = tagged(text, ("content", '"We will build it,"'), ("cue", "said"), ("source", "Mayor Helen Park after the vote"),
                   ("source", "Council member Ruth Ortiz, who voted against"), ("cue", "warned"),
                   ("content", "that it would be late"), ("source", "Agency memos dating"), ("cue", "said it"),
                   ("content", "it was needed"))
    roles[-2] = type(roles[0])("cue", text.rindex("said"), text.rindex("said") + 4, 1.0)
    found = attributions_from(text, roles)
    assert [a.source.text for a in found] == ["Mayor Helen Park", "Council member Ruth Ortiz", "Agency memos"]
    assert [a.source_name for a in found] == ["Mayor Helen Park", "Ruth Ortiz", "Agency memos"]
    assert [a.source_type for a in found] == ["person", "person", "document"]


def test_a_sentence_initial_capital_is_not_a_name_to_cut_after():
    text = "Nobody at the council will say whether members declared an interest."
    roles = tagged(text, ("source", "Nobody at the council"), ("cue", "will say"),
                   ("content", "whether members declared an interest"))
    (found,) = attributions_from(text, roles)
    assert found.source.text == "Nobody at the council"


def test_names_types_and_the_unnamed():
    assert resolve("The Riverton Residents Association", []) == ("Riverton Residents Association", "organisation")
    assert resolve("The Riverton Gazette", [])[0] == "The Riverton Gazette"  # an outlet's "The" is its name's
    assert resolve("An environmental review published in March", []) == ("environmental review", "document")
    assert resolve("Opponents", []) == (None, "unnamed")
    assert resolve("Trump", [("Donald Trump", "person")], entity="organisation") == ("Donald Trump", "person")
    assert source_type("US Defense Intelligence Agency (DIA) memos") == "document"


def test_a_collective_or_plural_description_is_not_the_last_outlet_named():
    earlier = [("Al-Masdar News", "media")]
    assert resolve("the Western media", earlier) == (None, "media")
    assert resolve("the influential daily", earlier) == ("Al-Masdar News", "media")
    assert resolve("filings published by the Electoral Commission", [("consultation report", "document")])[0] == \
        "filings published by the Electoral Commission"


# --- the shipped models on a local news story ----------------------------------------------

from unspin.analyzers.attribution import AttributionTagger  # noqa: E402

needs_models = pytest.mark.skipif(not AttributionTagger.available(), reason="no attribution model shipped")


@needs_models
def test_a_local_news_story_reads_as_a_reader_would():
    import unspin
    from unspin.render.html import min_claim_score

    analysis = unspin.analyze_file(RIVERTON)
    assert_offsets(analysis)
    by_source = {a.source_name: a for a in analysis.attributions}
    assert "Mayor Helen Park" in by_source and by_source["Mayor Helen Park"].source_type == "person"
    assert "Riverton Residents Association" in by_source
    assert not any(a.cue and a.cue.text in ("says", "approves") for a in analysis.attributions)
    assert not any(a.source_name == "Riverton" for a in analysis.attributions)
    floor = min_claim_score(analysis)
    shown = [c for c in analysis.claims if c.score >= floor]
    assert len(shown) <= 0.4 * analysis.summary["techniques"]["sentences"] + 1


# --- hostile inputs --------------------------------------------------------------------------

def test_malformed_and_non_public_urls_get_a_clear_refusal():
    from unspin.errors import InputError
    from unspin.readers.url import blocked_reason, check_url

    for url in ("http://127.0.0.1:8124:80/x", "http://[::1/x", "http://\u00e9\u00e9..example/", "ftp://example.org/"):
        with pytest.raises(InputError):
            check_url(url)
    assert blocked_reason("100.64.0.7") == "non-public"  # shared address space
    assert blocked_reason("2002:0a00:0001::1") == "private"  # 6to4 around 10.0.0.1
    assert blocked_reason("64:ff9b::7f00:1") == "loopback"  # NAT64 around 127.0.0.1
    assert blocked_reason("2002:0808:0808::1") is None  # 6to4 around a public address


def test_a_malformed_url_among_files_loses_nothing_else(tmp_path):
    from unspin.errors import Failure
    from unspin.readers import read_all

    article = tmp_path / "a.txt"
    article.write_text("Council votes\n\nThe council voted 7-2 on Tuesday to close the library.\n")
    items = list(read_all([article, "http://127.0.0.1:8124:80/x", article]))
    assert [isinstance(i, Failure) for i in items] == [False, True, False]
    assert "not a valid URL" in items[1].message


def test_bidi_controls_never_reach_the_terminal():
    from unspin.render.terminal import shown

    assert shown("abc\u202edef\u2066x\u2069") == "abc\ufffddef\ufffdx\ufffd"


def test_file_names_for_ids_fit_any_file_system_and_never_collide():
    from unspin.render.outputs import MAX_NAME_BYTES, safe_name

    names = [safe_name(i) for i in ("a/b", "a_b", "a b", "記事" * 60, "記事" * 60 + "x", "", "../../etc/passwd")]
    assert len(set(names)) == len(names)
    assert all(len(n.encode()) <= MAX_NAME_BYTES + 9 and "/" not in n and n for n in names)
    assert safe_name("article123") == "article123"  # a plain id keeps its name


def test_a_jsonl_of_hostile_ids_writes_one_report_each(tmp_path):
    import json

    from typer.testing import CliRunner

    from unspin.cli import app

    corpus = tmp_path / "ids.jsonl"
    ids = ["a/b", "a_b", "漢" * 120, "../escape"]
    corpus.write_text("".join(json.dumps({"id": i, "text": f"Title {n}\n\nThe council voted 7-{n} on Tuesday to close "
                                          "the library, officials said."}) + "\n" for n, i in enumerate(ids)),
                      encoding="utf-8")
    out = tmp_path / "reports"
    result = CliRunner().invoke(app, ["analyze", str(corpus), "--no-techniques", "--no-attribution", "--no-claims",
                                      "-f", "html", "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    assert len(list(out.iterdir())) == len(ids) and not (tmp_path / "escape.html").exists()


def test_inputs_are_read_as_what_they_are():

    from unspin.errors import InputError
    from unspin.readers import from_text

    prose = "Markup 101\n\nTo start a page you write <html>, then <body>, and then the text of the article itself."
    assert from_text(prose).source.format == "text"
    with pytest.raises(InputError, match="no letters or digits"):
        from_text("\x00\x01\x02\x7f" * 10)
    page = "<html><body>" + "<div class='ad'></div>" * 6000 + "<p>The council voted on Tuesday to close the branch library.</p></body></html>"
    assert len(page) > 100_000 and "council voted" in from_text(page, options=Options(max_chars=100_000)).text  # the limit is on the text
    with pytest.raises(InputError, match="readable text"):
        from_text("<html><body><p>" + "word " * 30_000 + "</p></body></html>", options=Options(max_chars=100_000))


def test_a_numeric_id_is_kept_as_written(tmp_path):
    import json

    from unspin.readers import read_all

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": "Title\n\nThe council voted today to close it."})
                                for i in (1.5, 7, 2.0)) + "\n")
    assert [d.id for d in read_all([corpus])] == ["1.5", "7", "2"]


def test_a_single_corpus_file_in_any_case_prints_json_lines(tmp_path):
    import json

    from typer.testing import CliRunner

    from unspin.cli import app

    rows = [{"id": f"r{i}", "text": f"Title {i}\n\nThe council voted 7-{i} on Tuesday to close the library."} for i in (1, 2)]
    upper = tmp_path / "C.JSONL"
    upper.write_text("".join(json.dumps(r) + "\n" for r in rows))
    table = tmp_path / "c.csv"
    table.write_text("id,text\n" + "".join(f'{r["id"]},"{r["text"]}"\n' for r in rows))
    for corpus in (upper, table):
        result = CliRunner().invoke(app, ["analyze", str(corpus), "--no-techniques", "--no-attribution", "--no-claims"])
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        assert [json.loads(line)["id"] for line in lines] == ["r1", "r2"]  # one object a line, every row read


def test_a_note_does_not_run_into_the_authors_next_sentence():
    text = ("The article also notes that many more may attempt to flee. The government has not made it clear "
            "what will happen with these fighters, or others “fleeing” the area.")
    roles = tagged(text, ("source", "The article"), ("cue", "also notes"), ("content", "that many more may attempt to flee"),
                   ("cue", "made it clear"), ("content", "what will happen with these fighters, or others “fleeing” the area"))
    (note,) = attributions_from(text, roles)
    assert note.cue.text == "also notes" and [c.text for c in note.content] == ["that many more may attempt to flee"]


@needs_models
def test_the_terminal_keeps_attributions_readable_at_80_columns():
    import io

    from rich.console import Console

    import unspin
    from unspin.render.terminal import render

    out = io.StringIO()
    render(unspin.analyze_file(RIVERTON), Console(file=out, width=80, color_system=None))
    shown = out.getvalue()
    assert "Who is quoted" in shown
    assert any("the depot would bring noise and fumes" in line for line in shown.splitlines())
    assert len(shown.splitlines()) < 200
