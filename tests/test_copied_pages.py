"""Copied web pages: the line classifier leaves menus, lists of other stories, forms and notices
out of the article, keeps the article's own paragraphs, and the webcopy measure scores it
(issue 22). The page and its copy are this project's own."""

from __future__ import annotations

from conftest import FIXTURES, assert_offsets

from unspin.analyzers.structure.boilerplate import LineModel, _best_run
from unspin.pipeline import analyze
from unspin.webcopy import article_text, normalised, score

WEBCOPY = FIXTURES / "webcopy"
COPY = WEBCOPY / "copies" / "riverside.txt"


def test_the_best_run_is_the_densest_stretch():
    assert _best_run([-1, 2, 3, -1, 2, -9, 4]) == (1, 4)
    assert _best_run([-1, -2]) == (0, -1)


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


def test_without_the_classifier_the_rules_alone_keep_the_lists_of_other_stories():
    from unspin.analyzers.structure import StructureAnalyzer
    from unspin.options import Options
    from unspin.pipeline import Pipeline

    rules = Pipeline([StructureAnalyzer(LineModel.off())], Options(techniques=False, attribution=False, claims=False))
    assert "council delays vote" in normalised(article_text(analyze(COPY.read_text(encoding="utf-8"), pipeline=rules)))


def test_the_webcopy_measure_scores_a_folder_of_that_layout():
    figures = score(WEBCOPY)
    assert set(figures) == {"unspin on the copy", "trafilatura on the HTML"}
    ours = figures["unspin on the copy"]
    assert ours["pages"] == 1 and ours["article_kept"] == 1.0 and ours["boilerplate_left_out"] == 1.0
