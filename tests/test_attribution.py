"""Attribution plumbing: PolNeAR reading, metrics on hand-made cases, linking and sources."""

from __future__ import annotations

import numpy as np
import pytest

from unspin.analyzers.attribution.linking import kind_of, link
from unspin.analyzers.attribution.sources import resolve, source_type
from unspin.analyzers.attribution.tagger import RoleSpan, with_neighbours
from unspin.analyzers.sentences import sentence_offsets
from unspin.document import Document
from unspin.polnear.formats import GoldAttribution, read_ann, read_corpus
from unspin.polnear.scoring import score

ANN = """T1\tSource 0 6\tMorris
T2\tCue 7 11\tsays
T3\tContent 12 30;40 50\tthe campaign will x
T4\tAttribution 7 11\tsays
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tCue 60 72\taccording to
T6\tContent 73 90\tthe report findings
T7\tAttribution 60 72\taccording to
E2\tAttribution:T7 Content:T6 Cue:T5
"""


def test_read_ann_with_discontinuous_content_and_missing_source(tmp_path):
    path = tmp_path / "doc_abcd.ann"
    path.write_text(ANN)
    first, second = read_ann(path)
    assert first.source == [(0, 6)] and first.cue == [(7, 11)] and first.content == [(12, 30), (40, 50)]
    assert second.source == [] and second.cue == [(60, 72)]


def test_read_corpus_takes_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text("x" * 100)
    (tmp_path / "attributions" / "doc_aaaa.ann").write_text(ANN)
    (tmp_path / "attributions" / "doc_bbbb.ann").write_text("")
    corpus = read_corpus(tmp_path)
    assert len(corpus["doc"][1]) == 2


def sentences_of(text: str) -> list[tuple[int, int]]:
    return sentence_offsets(Document(text=text))


def G(source=None, cue=None, content=None):
    return GoldAttribution(source or [], cue or [], content or [])


def test_scores_exact_overlap_and_end_to_end():
    gold = {"d": [G([(0, 6)], [(7, 11)], [(12, 40)]), G([], [(50, 55)], [(56, 80)])]}
    pred = {"d": [G([(0, 6)], [(7, 11)], [(12, 30)]),    # content overlaps 18/28 >= half: end-to-end hit
                  G([(45, 49)], [(50, 54)], [(70, 75)])]}  # content covers 5/24: miss; source should be absent
    result = score(gold, pred)
    assert result["source_exact"].precision == 0.5 and result["source_exact"].recall == 1.0
    assert result["cue_exact"].f1 == pytest.approx(0.5)
    assert result["cue_overlap"].f1 == 1.0
    assert result["content_exact"].f1 == 0.0 and result["content_overlap"].f1 == 1.0
    assert result["attribution_end_to_end"].precision == 0.5 and result["attribution_end_to_end"].recall == 0.5


def test_matching_is_one_to_one():
    gold = {"d": [G(cue=[(0, 10)], content=[(11, 20)])]}
    pred = {"d": [G(cue=[(0, 5)], content=[(11, 20)]), G(cue=[(5, 10)], content=[(11, 20)])]}
    result = score(gold, pred)
    assert result["cue_overlap"].precision == 0.5 and result["cue_overlap"].recall == 1.0


def test_link_attaches_contents_and_sources_to_the_nearest_cue():
    text = "The mayor said the plan works. Critics claimed that it would fail badly."
    roles = [RoleSpan("source", 0, 9, 1), RoleSpan("cue", 10, 14, 1), RoleSpan("content", 15, 29, 1),
             RoleSpan("source", 31, 38, 1), RoleSpan("cue", 39, 46, 1), RoleSpan("content", 47, 71, 1)]
    first, second = link(text, roles, sentences_of(text))
    assert text[first.source[0]:first.source[1]] == "The mayor" and first.content == [(15, 29)]
    assert text[second.source[0]:second.source[1]] == "Critics" and second.kind == "indirect"


def tagged(text: str, *roles: tuple[str, str]) -> list[RoleSpan]:
    """Role spans at the first occurrence of each (role, words) in the text, as the tagger gives them."""
    return [RoleSpan(kind, text.index(words), text.index(words) + len(words), 1.0) for kind, words in roles]


class FixedRoles:
    """Stands in for the tagger: the roles a reader would mark."""

    name = "fixture"

    def __init__(self, roles):
        self.roles = roles

    def spans(self, text, states):
        return self.roles


def attributions_from(text: str, roles: list[RoleSpan], spacy: bool = False):
    """The attribution analyzer's findings on `text` when the tagger gives `roles` (spaCy's NER
    and parse only when `spacy`)."""
    from unspin.analyzers.attribution.analyzer import AttributionAnalyzer
    from unspin.analyzers.attribution.findings import Attribution
    from unspin.analyzers.sentences import Sentencizer
    from unspin.analyzers.structure import StructureAnalyzer

    doc = Sentencizer()(StructureAnalyzer()(Document(text=text)))
    doc.tensors["encoder"] = None  # FixedRoles reads no states
    AttributionAnalyzer(tagger=FixedRoles(roles), type_entities=spacy)(doc)
    return Attribution.read(doc)


def test_a_cue_without_a_source_shares_its_sentences_subject():
    text = ("Ana Ruiz criticised the plan as reckless, arguing that it would cost too much. "
            "It was adopted anyway, and critics said nothing more about it.")

    roles = tagged(text, ("source", "Ana Ruiz"), ("cue", "criticised"), ("content", "the plan as reckless"),
                   ("cue", "arguing"), ("content", "that it would cost too much"))
    first, second = link(text, roles, sentences_of(text))
    assert second.source == first.source == (0, 8)
    # never from another sentence
    roles += tagged(text, ("cue", "said"), ("content", "nothing more about it"))
    *_, third = link(text, roles, sentences_of(text))
    assert text[third.cue[0]:third.cue[1]] == "said" and third.source is None


def test_a_cue_in_a_relative_clause_does_not_take_the_sentences_subject():
    # "who" is the subject of "said": the architect said he was stiffed, not Ana Ruiz.
    text = "Ana Ruiz criticised the council for not paying an architect who later said he was stiffed."
    roles = tagged(text, ("source", "Ana Ruiz"), ("cue", "criticised"), ("content", "the council"),
                   ("source", "who"), ("cue", "said"), ("content", "he was stiffed"))
    criticised, said = link(text, roles, sentences_of(text))
    assert criticised.source == (0, 8)
    assert text[said.cue[0]:said.cue[1]] == "said" and text[said.source[0]:said.source[1]] == "who"
    for pronoun in ("which", "that"):
        text = f"Ana Ruiz cited a report {pronoun} found the road unsafe."
        roles = tagged(text, ("source", "Ana Ruiz"), ("cue", "cited"), ("content", "a report"),
                       ("cue", "found"), ("content", "the road unsafe"))
        cited, found = link(text, roles, sentences_of(text))
        assert cited.source == (0, 8) and found.source is None
    # ... but it takes a source tagged on the pronoun's own antecedent
    text = "Ana Ruiz took calls from black listeners to her radio program who said they would vote."
    roles = tagged(text, ("source", "Ana Ruiz"), ("cue", "took calls"), ("content", "from"),
                   ("source", "black listeners"), ("cue", "said"), ("content", "they would vote"))
    *_, said = link(text, roles, sentences_of(text))
    assert text[said.source[0]:said.source[1]] == "black listeners"


def test_a_content_goes_to_the_cue_of_its_own_sentence_before_a_nearer_one():
    text = ("Campaign spokesman Jason Miller told The Valley Ledger that the policy would cover single mothers. "
            "He could not explain why the website said otherwise.")
    roles = tagged(text, ("source", "Campaign spokesman Jason Miller"), ("cue", "told"),
                   ("content", "that the policy would cover single mothers"), ("source", "He"),
                   ("cue", "could not explain"), ("content", "why the website said otherwise"))
    told, explain = link(text, roles, sentences_of(text))
    assert text[told.cue[0]:told.cue[1]] == "told"
    assert [text[a:b] for a, b in told.content] == ["that the policy would cover single mothers"]
    assert text[told.source[0]:told.source[1]] == "Campaign spokesman Jason Miller"
    assert [text[a:b] for a, b in explain.content] == ["why the website said otherwise"]


def test_a_that_clause_belongs_to_the_cue_before_it():
    text = ("Ana Ruiz said at the end of a long meeting on Tuesday that she would vote against the plan and insisted "
            "that the road was unsafe.")  # the first clause ends nearer "insisted" than it starts after "said"
    roles = tagged(text, ("source", "Ana Ruiz"), ("cue", "said"), ("content", "that she would vote against the plan"),
                   ("cue", "insisted"), ("content", "that the road was unsafe"))
    said, insisted = link(text, roles, sentences_of(text))
    assert [text[a:b] for a, b in said.content] == ["that she would vote against the plan"]
    assert [text[a:b] for a, b in insisted.content] == ["that the road was unsafe"]
    assert said.source == insisted.source == (0, 8)


def test_a_source_beyond_its_cues_content_is_not_its_source():
    text = "Ana Ruiz said that she would vote no and insisted that the road was unsafe -- Tom Reyes reporting."
    roles = tagged(text, ("source", "Ana Ruiz"), ("cue", "said"), ("content", "that she would vote no"),
                   ("cue", "insisted"), ("content", "that the road was unsafe"), ("source", "Tom Reyes"))
    said, insisted = link(text, roles, sentences_of(text))
    assert said.source == insisted.source == (0, 8)


def test_a_cue_without_a_source_takes_the_subject_of_a_cue_that_reported_nothing():
    text = "Clinton spoke out on Tuesday about the shooting in Tulsa, arguing that the epidemic must end."
    roles = tagged(text, ("source", "Clinton"), ("cue", "spoke out"), ("cue", "arguing"),
                   ("content", "that the epidemic must end"))
    (only,) = link(text, roles, sentences_of(text))
    assert text[only.cue[0]:only.cue[1]] == "arguing" and only.source == (0, 7)


def test_the_source_of_a_cue_whose_content_was_ruled_out_passes_on():
    text = ("Trade drove the economy for decades. Prime Minister Theresa May spoke this week and "
            "suggested that the country would withdraw from the single market.")

    roles = tagged(text, ("content", "the economy for decades"), ("source", "Prime Minister Theresa May"),
                   ("cue", "spoke"), ("cue", "suggested"), ("content", "that the country would withdraw from the single market"))
    (only,) = link(text, roles, sentences_of(text))  # "spoke" keeps only content from another sentence: none
    assert text[only.cue[0]:only.cue[1]] == "suggested"
    assert text[only.source[0]:only.source[1]] == "Prime Minister Theresa May"


def test_a_short_content_after_its_cue_stays_and_a_scrap_of_the_sources_phrase_goes():
    text = "Through a spokesman, he declined to comment. The city council has announced a plan for cycle lanes."

    roles = tagged(text, ("source", "he"), ("cue", "declined"),
                   ("content", "to comment"), ("content", "The city"), ("source", "council"), ("cue", "has announced"),
                   ("content", "a plan for cycle lanes"))
    declined, approved = link(text, roles, sentences_of(text))
    assert [text[a:b] for a, b in declined.content] == ["to comment"]
    assert [text[a:b] for a, b in approved.content] == ["a plan for cycle lanes"]


def test_kinds_of_quotation():
    text = '"We will win," he said. He called it "a disgrace" today. It is fine.'
    assert kind_of(text, [(0, 14)]) == "direct"
    assert kind_of(text, [(34, 55)]) == "mixed"
    assert kind_of(text, [(57, 68)]) == "indirect"


def test_source_resolution_and_types():
    earlier = [("Donald Trump", "person"), ("The Washington Post", "media")]
    assert resolve("he", earlier) == ("Donald Trump", "person")
    assert resolve("the influential US daily", earlier) == ("The Washington Post", "media")
    documents = [("council's own traffic survey", "document")]
    assert resolve("The consultation report", documents) == ("consultation report", "document")
    assert resolve("the survey", documents) == ("council's own traffic survey", "document")
    assert resolve("the article", documents) == ("council's own traffic survey", "document")
    assert resolve("CNN", earlier) == ("CNN", "media")
    assert resolve("anonymous sources", earlier) == (None, "unnamed")
    assert source_type("a Pentagon report") == "document"
    assert source_type("A resident of Millbrook") == "unnamed"  # someone the article does not name
    assert source_type("the chamber of commerce") == "organisation"
    assert source_type("one teacher") == "unnamed" and source_type("a longtime parish volunteer") == "unnamed"
    assert source_type("a Greenpeace activist", "organisation") == "organisation"  # a named body says more
    assert source_type("The State Department") == "government"


def test_neighbour_features_shift_the_right_way():
    hidden = np.arange(6, dtype=np.float32).reshape(3, 2)
    out = with_neighbours(hidden, 1)
    assert out.shape == (3, 6)
    assert out[1].tolist() == [0, 1, 2, 3, 4, 5]
    assert out[0, :2].tolist() == [0, 0] and out[2, 4:].tolist() == [0, 0]



def test_a_tagger_of_several_members_averages_them(tmp_path):
    from unspin.analyzers.encoder.tagger import MeanTagger, TokenTagger, load_tagger

    rng = np.random.default_rng(3)
    for name in ("tagger.npz", "tagger-2.npz"):  # two MLPs over a token and one neighbour each side
        np.savez(tmp_path / name, w0=rng.normal(size=(4, 6)), b0=rng.normal(size=4), w1=rng.normal(size=(7, 4)),
                 b1=rng.normal(size=7))
    settings = {"layers": 2, "context": 1, "members": ["tagger.npz", "tagger-2.npz"]}
    hidden = rng.normal(size=(5, 2)).astype(np.float32)
    mean = load_tagger(tmp_path, settings, "tagger.npz")
    alone = [TokenTagger.load(tmp_path / name, 2, 1).probabilities(hidden) for name in settings["members"]]
    assert isinstance(mean, MeanTagger) and mean.tags == 7
    assert not np.allclose(alone[0], alone[1])
    np.testing.assert_allclose(mean.probabilities(hidden), (alone[0] + alone[1]) / 2, rtol=1e-6)
    np.testing.assert_allclose(mean.probabilities(hidden).sum(axis=1), 1.0, rtol=1e-5)
    single = load_tagger(tmp_path, {"layers": 2, "context": 1}, "tagger-2.npz")  # a config from before members
    np.testing.assert_allclose(single.probabilities(hidden), alone[1])

# --- the shipped analyzer on articles -------------------------------------------------------

from unspin.analyzers.attribution import AttributionTagger  # noqa: E402

needs_models = pytest.mark.skipif(not AttributionTagger.available(), reason="no attribution model shipped")


@needs_models
def test_quote_blocks_are_direct_quotes_of_their_introducer():
    from conftest import assert_offsets

    import unspin
    from unspin.cli import example_path

    analysis = unspin.analyze_file(example_path())
    assert analysis.engine["models"]["attribution"]
    direct = [a for a in analysis.attributions if a.kind == "direct" and a.content[0].text.startswith("The scheme")]
    assert direct and direct[0].source_name == "Department for Transport"
    assert direct[0].source_type == "government" and direct[0].cue.text == "states"
    sourcing = analysis.summary["sourcing"]
    assert sourcing["sentences"] > 10 and 0 <= sourcing["share_author_only"] <= 1
    assert sourcing["links"] and sourcing["links"][0]["text"] == "traffic survey from 2021"
    assert_offsets(analysis)


@needs_models
def test_attributions_on_polnear_style_text_index_the_file(tmp_path):
    from conftest import assert_offsets

    import unspin

    text = ("Campaign shifts staff to Iowa\n\nDALLAS (AP) — The campaign says it will shift staff to the early states. "
            "Spokeswoman Haley Morris said the candidate has “always run a lean campaign.”\n\n"
            "Morris says the campaign will “compete vigorously for the nomination.”\n")
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    analysis = unspin.analyze_file(path)
    assert analysis.text == text
    assert analysis.attributions, "a plainly attributed news story should yield attributions"
    assert any(a.cue and a.cue.text in ("says", "said") for a in analysis.attributions)
    assert_offsets(analysis)


@needs_models
@pytest.mark.skipif(not __import__("conftest").SHARED_EXAMPLE.exists(), reason="../shared/examples is absent")
def test_shared_example_cites_cnn_and_al_masdar_as_media():
    from conftest import SHARED_EXAMPLE

    import unspin

    analysis = unspin.analyze_file(SHARED_EXAMPLE)
    by_name = {s["name"]: s for s in analysis.summary["sourcing"]["sources"]}
    assert by_name["CNN"]["type"] == "media" and by_name["Al-Masdar News"]["type"] == "media"
    quoted = {a.source_name for a in analysis.attributions if a.kind == "direct"}
    assert {"CNN", "Al-Masdar News"} <= quoted
    assert analysis.summary["sourcing"]["author_only_sentences"]


@needs_models
@pytest.mark.parametrize(
    "text",
    [
        'Title\n\nThe minister said: "We will win. We will not give up.\n\n"And we will not apologise," she added.\n',
        "Title\n\n“He told me ‘never again’ and meant it,” said Ana Ruiz, a nurse.\n",
        'Title\n\nCritics said the plan was "unworkable and, frankly, a fantasy.\n\nOfficials disagreed.\n',
        "Title\n\nThe Daily Herald, in an editorial, claims:\n\n“The deal is done.”\n\nIt is not.\n",
        "Title\n\n\"\"\" '' ‘’ “” « » said said according to\n",
    ],
)
def test_quotation_edge_cases_never_break(text):
    from conftest import assert_offsets

    import unspin

    analysis = unspin.analyze(unspin.Document(text=text))
    assert_offsets(analysis)
    for a in analysis.attributions:
        assert a.kind in ("direct", "indirect", "mixed") and a.content


# --- mistakes a reader met first (issue 11), each as a fixture written for this project --------

from unspin.analyzers.attribution.linking import (  # noqa: E402
    author_cue,
    is_source_phrase,
    paragraph_bounded,
)


@pytest.mark.parametrize("phrase, ok", [("he", True), ("She", True), ("His", True), ("The", False), ("a", False), ("who", False),
                                        ("against North Korea", False), ("Saturday", False), ("last week", False),
                                        ("in Syria", False), ("the spokesperson", True), ("Senator Jane Doe", True)])
def test_sources_are_noun_phrases_with_a_head(phrase, ok):
    assert is_source_phrase(phrase) is ok


def test_content_stops_at_a_paragraph_break_unless_the_quotation_continues():
    text = 'He said the plan was sound.\n\nResidents left early.\n\n“It is a good plan.\n\n“It will work,” she said.'
    cue = (3, 7)
    starts = [start for start, _ in sentences_of(text)]
    assert paragraph_bounded(text, cue, [(8, 52)], starts) == [(8, 27)]
    cue2 = (text.index("she said") + 4, text.index("she said") + 8)
    start = text.index("“It is")
    end = text.index("”") + 1
    assert paragraph_bounded(text, cue2, [(start, end)], starts) == [(start, text.index("plan.\n") + 5),
                                                                     (text.index("“It will"), end)]


@pytest.mark.parametrize("text", [
    "The budget will be balanced by June, Gov. Ana Ruiz said on Tuesday.",
    "The bypass is a giveaway, Mr. Rosenthal said.",
    "Prices will rise next year, the U.S. Treasury said.",
])
def test_reported_speech_keeps_its_content_across_an_abbreviation(text):
    # A sentence test that took "Gov. Ana" for a sentence break dropped such contents (PolNeAR dev:
    # "..., Mr. Rosenthal said."); the document's sentences know the abbreviation.
    cue = text.index(" said") + 1
    content = (0, text.index(","))
    starts = [start for start, _ in sentences_of(text)]
    assert paragraph_bounded(text, (cue, cue + 4), [content], starts) == [content]


@pytest.mark.parametrize("tagged, source", [("Entergy, the", "Entergy"), ("the mayor of", "the mayor"),
                                            ("Smith and", "Smith"), ("the", None)])
def test_a_source_ends_on_its_noun(tagged, source):
    from unspin.analyzers.attribution.linking import tidy

    text = f"Crews are on their way, according to {tagged} region's utility."
    start = text.index(f"to {tagged}") + 3  # not the "the" of "their"
    found = tidy(text, [RoleSpan("source", start, start + len(tagged), 0.9)])
    assert [text[r.start:r.end] for r in found] == ([source] if source else [])


def test_reported_speech_stays_in_its_cues_sentence():
    text = "The mayor said the road would open in May. Residents doubt it."
    starts = [start for start, _ in sentences_of(text)]
    second = (text.index("Residents"), len(text) - 1)
    assert paragraph_bounded(text, (10, 14), [(15, 41), second], starts) == [(15, 41)]


def test_cues_in_the_authors_questions_and_relative_clauses_are_not_attributions():
    text = "Who really believes that a new road will end congestion? Nobody who really believes in evidence would."
    first = text.index("believes")
    second = text.index("believes", first + 1)
    assert author_cue(text, (first, first + 8)) and author_cue(text, (second, second + 8))
    plain = 'The mayor believes the road will help. "Will it?" she asked.'
    assert not author_cue(plain, (10, 18))


@needs_models
@pytest.mark.parametrize("text, source, cue, content_start", [
    ("Bypass vote delayed\n\nThe plan is a betrayal, Senator Jane Doe said on Tuesday.\n",
     "Senator Jane Doe", "said", "The plan is a betrayal"),
    ("Bypass vote delayed\n\n\"The plan is a betrayal of every family here,\" Senator Jane Doe said.\n",
     "Senator Jane Doe", "said", "\"The plan is a betrayal"),
    ("Mayor Tom Reyes said the budget will be balanced by June.", "Mayor Tom Reyes", "said", "the budget"),
])
def test_cue_after_content_and_one_sentence_documents(text, source, cue, content_start):
    from conftest import assert_offsets

    import unspin

    analysis = unspin.analyze(text)
    assert_offsets(analysis)
    found = [a for a in analysis.attributions if a.cue and a.cue.text == cue]
    assert found, [a.to_json() for a in analysis.attributions]
    assert found[0].source.text == source and found[0].source_type == "person"
    assert found[0].content[0].text.startswith(content_start)
    headings = [(s.start, s.end) for s in analysis.segments if s.kind == "title"]
    assert all(not (a <= c.start < b) for a, b in headings for c in found[0].content)


@needs_models
def test_the_authors_own_question_yields_no_attribution():
    import unspin

    text = ("Who believes this?\n\nWho really believes that a new road will end congestion? "
            "Nobody who really believes in evidence would sign this plan.\n")
    analysis = unspin.analyze(text)
    assert not [a for a in analysis.attributions if a.cue and "believes" in a.cue.text]


@pytest.mark.parametrize("before, name", [
    ("The video shocked two voters, Tyresha McClenney and Bryan Anderson, who", "Tyresha McClenney and Bryan Anderson"),
    ("The decision is risky for Cruz, who", "Cruz"),
    ("He took questions from Salem Radio's Hugh Hewitt, who", "Hugh Hewitt"),
    ("The bill was levied by the European Union, which", "European Union"),
    ("Mr. Obama, who", "Mr. Obama"),
    ("A spokeswoman for the Department of Justice, who", None),  # the spokeswoman speaks
    ("It angered Democrats on Capitol Hill, who", None),  # a place does not speak
    ("The report, which", None),  # no name to stand for
    ("Some people who", None),  # a restrictive clause: nobody in particular
])
def test_a_relative_pronoun_source_stands_for_the_name_before_it(before, name):
    from unspin.analyzers.attribution.sources import relative_antecedent

    text = before + " said the plan was unsafe."
    start = len(before) - len(before.split()[-1])
    found = relative_antecedent(text, start, len(before))
    assert (text[found[0]:found[1]] if found else None) == name


def test_a_relative_pronoun_the_tagger_marks_stays_the_source_with_or_without_a_name_before_it():
    # PolNeAR marks the pronoun ("a lawyer who is a staunch opponent of"); dropping those with no
    # name before them cost 15 of its dev sources.
    text = ("The plan was approved by Jane Doe, who said it was overdue. The council, who said it was late, "
            "agreed. A report that found it unsafe was shelved.")
    roles = tagged(text, ("source", "who"), ("cue", "said"), ("content", "it was overdue"))
    second = text.index("who said it was late")
    roles += [RoleSpan("source", second, second + 3, 1.0), RoleSpan("cue", second + 4, second + 8, 1.0),
              RoleSpan("content", second + 9, second + 20, 1.0)]
    third = text.index("that found")
    roles += [RoleSpan("source", third, third + 4, 1.0), RoleSpan("cue", third + 5, third + 10, 1.0),
              RoleSpan("content", third + 11, third + 20, 1.0)]
    first, other, report = link(text, roles, sentences_of(text))
    assert [text[a.source[0]:a.source[1]] for a in (first, other, report)] == ["who", "who", "that"]


def test_a_relative_pronoun_source_is_resolved_to_its_name():
    """The span stays on "who", as PolNeAR marks it; the reader is told who it is."""
    text = "The plan was approved by Jane Doe, who said it was overdue. Later she said it was fine."
    roles = tagged(text, ("source", "who"), ("cue", "said"), ("content", "it was overdue"))
    she = text.index("she said")
    roles += [RoleSpan("source", she, she + 3, 1.0), RoleSpan("cue", she + 4, she + 8, 1.0),
              RoleSpan("content", she + 9, len(text) - 1, 1.0)]
    first, second = attributions_from(text, roles)
    assert (first.source.text, first.source_name, first.source_type) == ("who", "Jane Doe", "person")
    assert second.source_name == "Jane Doe"


@pytest.mark.parametrize("sentence, pronoun, phrase", [
    ("Mr. Hale is a retired harbour pilot who says the channel is too shallow.", "who", "a retired harbour pilot"),
    ("Readers turned to the Lakeside Water Board which reported 40 leaks in May.", "which", "the Lakeside Water Board"),
    ("The vote worried nervous landlords in Harbour Ward, who argue that rents will fall.", "who",
     "nervous landlords in Harbour Ward"),
    ("She wrote to the new director of the museum, who said the loan was safe.", "who",
     "the new director of the museum"),
    ("There are some engineers who think the bridge will hold.", "who", "some engineers"),
    ("The law was opposed by a number of towns that say the costs are too high.", "that", "a number of towns"),
])
def test_a_relative_pronoun_stands_for_the_noun_phrase_its_clause_modifies(sentence, pronoun, phrase):
    from unspin.analyzers.attribution.entities import relative_antecedents

    start = sentence.index(f" {pronoun} ") + 1
    (found,) = relative_antecedents(sentence, [(0, len(sentence), start, start + len(pronoun))])
    assert found is not None and sentence[found[0]:found[1]] == phrase


def test_a_relative_pronoun_not_the_subject_of_a_clause_stands_for_nothing():
    from unspin.analyzers.attribution.entities import relative_antecedents

    sentence = "Who said the plan was safe is not known."
    assert relative_antecedents(sentence, [(0, len(sentence), 0, 3)]) == [None]


def test_a_relative_pronoun_source_without_a_name_is_shown_as_its_noun_phrase():
    """The span stays on "who", as PolNeAR marks it; the reader sees whom it stands for, and a
    later "he" still takes the last name, never the description."""
    text = ("Tom Reyes said the ferry was safe. The plan was opposed by a retired harbour pilot who said the "
            "channel was too shallow. Later he said it was fine.")
    roles = tagged(text, ("source", "Tom Reyes"), ("cue", "said"), ("content", "the ferry was safe"))
    roles += tagged(text, ("source", "who"), ("cue", "said the channel"), ("content", "the channel was too shallow"))
    roles[-2] = RoleSpan("cue", roles[-2].start, roles[-2].start + 4, 1.0)
    he = text.index("he said")
    roles += [RoleSpan("source", he, he + 2, 1.0), RoleSpan("cue", he + 3, he + 7, 1.0),
              RoleSpan("content", he + 8, len(text) - 1, 1.0)]
    named, pilot, later = attributions_from(text, roles, spacy=True)
    assert (pilot.source.text, pilot.source_name) == ("who", "a retired harbour pilot")
    assert text[pilot.source.start:pilot.source.end] == "who"
    assert (named.source_name, later.source_name) == ("Tom Reyes", "Tom Reyes")
    _, without_spacy, _ = attributions_from(text, roles)
    assert without_spacy.source_name is None  # training leaves spaCy out: the span alone


def test_a_relative_pronoun_at_the_end_of_an_endless_sentence_is_named_with_exact_offsets():
    """A text of one endless sentence (a hostile or broken paste): the parser reads only the
    pronoun's surroundings (`PARSE_CONTEXT`), and what it finds is placed in the whole text."""
    text = "and the tide rose " * 3000 + "as told by a retired harbour pilot who said the channel was too shallow"
    roles = tagged(text, ("source", "who said"), ("cue", "said the"), ("content", "the channel was too shallow"))
    roles = [RoleSpan(r.role, r.start, r.start + (3 if r.role == "source" else 4 if r.role == "cue" else r.end - r.start),
                      1.0) for r in roles]
    (attribution,) = attributions_from(text, roles, spacy=True)
    assert attribution.source_name == "a retired harbour pilot"
    assert text[attribution.source.start:attribution.source.end] == "who"


def test_a_quotation_split_by_its_cue_keeps_neither_the_sources_description_nor_the_stop_before_it():
    text = ('"That corner has been a problem for years," said Ruth Ortiz, who lives two blocks away. '
            '"Somebody is going to get hurt."')
    roles = tagged(text, ("content", '"That corner has been a problem for years,"'), ("cue", "said"),
                   ("source", "Ruth Ortiz, who lives two blocks away"), ("content", '"Somebody is going to get hurt."'))
    (attribution,) = attributions_from(text, roles)
    assert attribution.source.text == "Ruth Ortiz"
    assert [c.text for c in attribution.content] == ['"That corner has been a problem for years,"',
                                                     '"Somebody is going to get hurt."']
    assert all(text[c.start:c.end] == c.text for c in attribution.content)


def test_a_pronoun_stands_only_for_a_name_it_agrees_with():
    earlier = [("Mrs. Clinton", "person"), ("Mr. Obama", "person"), ("Tyresha McClenney and Bryan Anderson", "person")]
    assert resolve("she", earlier) == ("Mrs. Clinton", "person")
    assert resolve("he", earlier) == ("Mr. Obama", "person")
    assert resolve("they", earlier) == ("Tyresha McClenney and Bryan Anderson", "person")


def test_a_headline_is_linked_on_its_own_and_never_with_the_body():
    from unspin.analyzers.attribution.linking import split_at

    text = "Flynn says Trump was right\n\nThe retired general spoke on Monday. He said the plan would work."
    headline = [(0, text.index("\n"))]
    # The tagger ran the headline's content on into the body's first sentence.
    roles = tagged(text, ("source", "Flynn"), ("cue", "says"),
                   ("content", "Trump was right\n\nThe retired general spoke on Monday"),
                   ("source", "He"), ("cue", "said"), ("content", "the plan would work"))
    pieces = split_at(roles, text, headline)
    assert [text[r.start:r.end] for r in pieces if r.role == "content"] == [
        "Trump was right", "The retired general spoke on Monday", "the plan would work"]
    first, second = link(text, pieces, sentences_of(text))
    assert [text[a:b] for a, b in first.content] == ["Trump was right"]
    assert text[second.source[0]:second.source[1]] == "He"
    assert [text[a:b] for a, b in second.content] == ["the plan would work"]


def test_a_line_that_opens_with_a_name_and_a_colon_quotes_that_name():
    text = ("Poll: Voters back the bypass by two to one\n\n"
            "The poll of 900 residents was published as Councillor Pike faced questions on Tuesday.\n\n"
            "MODERATOR: Will the road be built?\n\n"
            "PIKE: It will, and sooner than you think.\n\n"
            "Correction: An earlier version of this article misstated the vote.\n")
    found = [(a.source.text, a.cue.text, a.content[0].text, a.source_type) for a in attributions_from(text, [])]
    assert found == [("Poll", ":", "Voters back the bypass by two to one", "document"),
                     ("PIKE", ":", "It will, and sooner than you think.", "person")]
    # "MODERATOR" is named nowhere else: a speaker tag once, or a kicker ("SCOOP:"), it is not kept.


@pytest.mark.parametrize("line", ["The Latest: Trump urges supporters to vote", "Stealth Over Health: Clinton was ill",
                                  "Update: the meeting has moved to Friday", "Note to readers: please share this",
                                  "Revealed: the plan Trump kept from voters", "Trump: Belgium",
                                  "Clinton: Tim Albrecht, Brad Anderson, Rob Barron and Jeff Boeyink"])
def test_labels_and_phrases_before_a_colon_are_not_speakers(line):
    text = line + "\n\nTrump and Clinton met on Tuesday. Health, the plan and the update were revealed.\n"
    assert attributions_from(text, []) == []


def test_embedded_tweets_and_signed_quotations_quote_their_signers():
    text = ("Readers answered the council on social media.\n\n"
            "The meadows are not for sale. pic.twitter.com/abc123 — Priya Natarajan (@priyan) October 14, 2025\n\n"
            "“The bypass will ruin the high street I grew up on.” ― Tom Reyes, 34, Millbrook\n\n"
            "“Build it now.” said nobody - The Council\n\n"
            '<tweet id="1" author="@tomreyes">Save the meadows. — Tom Reyes (@tomreyes) October 15, 2025</tweet>\n')
    found = [(a.source.text, a.cue.text, a.content[0].text, a.kind) for a in attributions_from(text, [])]
    assert found == [
        ("Priya Natarajan", "—", "The meadows are not for sale. pic.twitter.com/abc123", "direct"),
        ("Tom Reyes", "―", "“The bypass will ruin the high street I grew up on.”", "direct"),
        ("Tom Reyes", "—", "Save the meadows.", "direct")]


def test_descriptions_do_not_take_another_bodys_name():
    earlier = [("The Department for Transport", "government"), ("Ana Ruiz", "person")]
    assert resolve("the council", earlier) == (None, "government")
    assert resolve("the department", earlier) == ("The Department for Transport", "government")
    assert resolve("the city's finance department", [("Maria Lopez", "person")]) == (None, "government")
    assert resolve("Their spokesperson, Priya Natarajan", earlier) == ("Priya Natarajan", "person")


def test_named_entities_type_the_sources_word_lists_cannot():
    from unspin.analyzers.attribution.entities import entity_types

    text = "Greenpeace said the plan would harm the river. A resident of Millbrook said the road was unsafe."
    requests = [(0, 46, 0, 10), (47, len(text), 47, 70)]
    assert text[0:10] == "Greenpeace" and text[47:70] == "A resident of Millbrook"
    organisation, resident = entity_types(text, requests)
    assert organisation == "organisation"
    assert resident is None  # Millbrook only modifies "resident"
    assert source_type("Greenpeace", "organisation") == "organisation"
    assert source_type("the council", "person") == "government"  # word lists come first
    assert source_type("Greenpeace") == "person"  # without the entity, only the shape is left


def test_entity_typing_keeps_no_words_of_the_texts_it_read():
    """A server or corpus run types sources for millions of articles: the recogniser's vocabulary
    must not keep their words."""
    from unspin.analyzers.attribution.entities import entity_types, recogniser

    entity_types("Greenpeace said so.", [(0, 19, 0, 10)])
    before = len(recogniser().vocab.strings)
    for k in range(50):
        text = f"Qzxwv{k}corp said the plan was Blorvik{k} and Tranzeq{k}."
        entity_types(text, [(0, len(text), 0, len(f"Qzxwv{k}corp"))])
    assert len(recogniser().vocab.strings) == before


@needs_models
def test_typing_can_be_left_out_for_training():
    """Training scores spans only, on machines without spaCy's model: the same spans, no NER types."""
    from unspin.analyzers.attribution.analyzer import AttributionAnalyzer
    from unspin.document import Document
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    text = "Greenpeace said on Monday that the plan would harm the river."
    typed = Pipeline.from_options(Options(claims=False))
    untyped = Pipeline([AttributionAnalyzer(type_entities=False) if c.name == "attribution" else c
                        for c in typed.components])

    def found(pipeline):
        return [(a.source.text, a.source_type) for a in pipeline(Document(text=text)).attributions]

    assert found(typed) == [("Greenpeace", "organisation")]
    assert found(untyped) == [("Greenpeace", "person")]  # the shape of a name, without NER


@needs_models
@pytest.mark.parametrize("text, source, kind", [
    ("Greenpeace said on Monday that the plan would harm the river.", "Greenpeace", "organisation"),
    ("Amnesty International said on Monday that the detainees had been denied lawyers.", "Amnesty International",
     "organisation"),
    ("The National Weather Service said on Friday that the storm would reach the coast by Sunday.",
     "The National Weather Service", "organisation"),
    ("\"The plan is a betrayal,\" Senator Jane Doe said on Tuesday.", "Senator Jane Doe", "person"),
])
def test_sources_are_typed_in_the_pipeline(text, source, kind):
    import unspin

    found = [(a.source.text, a.source_type) for a in unspin.analyze(text).attributions if a.source]
    assert (source, kind) in found, found


def test_a_lower_outside_scale_gives_unsure_tokens_their_role():
    from unspin.analyzers.attribution.tagger import decode_roles
    from unspin.analyzers.encoder import TokenStates
    from unspin.analyzers.encoder.tokens import TokenizedText

    text = "Ana Ruiz said it works."
    words = [(0, 3), (4, 8), (9, 13), (14, 16), (17, 22)]
    tokens = TokenizedText(np.zeros(5, dtype=np.int64), np.array([a for a, _ in words]), np.array([b for _, b in words]))
    probs = np.full((5, 7), 0.02, dtype=np.float32)
    probs[:, 0] = 0.88  # O everywhere ...
    probs[0, [0, 1]] = 0.4, 0.48  # ... except "Ana" (B-source) and "said" (B-cue), where O is likelier
    probs[2, [0, 3]] = 0.55, 0.33
    probs[1, [0, 2]] = 0.5, 0.38  # "Ruiz": I-source
    states = TokenStates(tokens, probs, np.zeros((5, 4), np.float32))
    assert [(r.role, text[r.start:r.end]) for r in decode_roles(text, states, probs)] == [("source", "Ana")]
    found = decode_roles(text, states, probs, outside_scale=0.5)
    assert [(r.role, text[r.start:r.end]) for r in found] == [("source", "Ana Ruiz"), ("cue", "said")]
    assert found[1].score == pytest.approx(0.33)  # scores are the tags' own probabilities
    assert found[0].score == pytest.approx(0.48)  # the most confident tag's


def test_the_shipped_tagger_reads_its_decoding_from_its_config():
    from unspin.analyzers.attribution.tagger import MODEL_DIR, AttributionTagger

    if not AttributionTagger.available():
        pytest.skip("no attribution model shipped in this install")
    import json

    decoding = json.loads((MODEL_DIR / "config.json").read_text()).get("decoding", {})
    assert AttributionTagger(MODEL_DIR).outside_scale == decoding.get("outside_scale", 1.0)


def test_role_decoding_chooses_by_the_four_scores_and_checks_each_half_on_the_other():
    from unspin.training.role_decoding import CHOSEN_BY, choose

    def parts(all_, first, second):
        # every role scores 0.7; the end-to-end score makes the difference
        return {part: {key: value if key == "attribution_end_to_end" else 0.7 for key in CHOSEN_BY} for part, value in
                (("all", all_), ("first half", first), ("second half", second))}

    results = {1.0: parts(0.60, 0.62, 0.58), 0.5: parts(0.64, 0.66, 0.61), 0.25: parts(0.63, 0.67, 0.59)}
    chosen = choose(results)
    assert chosen["outside_scale"] == 0.5
    first = chosen["two_fold_check"]["chosen on the first half"]
    assert first["outside_scale"] == 0.25
    assert first["on the second half"]["attribution_end_to_end"] == 0.59
    assert first["with plain argmax"]["attribution_end_to_end"] == 0.58
    assert chosen["two_fold_check"]["chosen on the second half"]["on the first half"]["attribution_end_to_end"] == 0.66


def test_subtract_leaves_the_parts_outside_every_hole():
    from unspin.analyzers.attribution.linking import _subtract

    assert _subtract((0, 10), []) == [(0, 10)]
    assert _subtract((0, 10), [(2, 4), (3, 6), (8, 20)]) == [(0, 2), (6, 8)]
    assert _subtract((5, 10), [(0, 5), (10, 12)]) == [(5, 10)]
    assert _subtract((0, 10), [(0, 10)]) == []


@pytest.mark.parametrize("introduction, source", [
    ("The governor\u00a0added:", "The governor"),  # a no-break space before the cue (PolNeAR dev)
    ("Al-Masdar News in an article titled “The war” would note:", "Al-Masdar News"),
    ("The consultation report itself concedes:", "The consultation report"),
])
def test_the_introducer_of_a_quote_block_is_its_words_without_the_spaces_around(introduction, source):
    from unspin.analyzers.attribution.analyzer import _subject

    text = f"Earlier paragraph.\n{introduction}\n"
    start = text.index(introduction)
    found = _subject(text, start, start + len(introduction))
    assert found is not None and text[found[0]:found[1]] == source
