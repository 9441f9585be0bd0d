"""Review and retrain with Label Studio: offsets that survive emoji, astral characters, combining
marks, CRLF and runs of spaces; tasks, corrections and scores; the ML backend; and, when Label
Studio can be installed, the whole round trip through a real Label Studio."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin.labelstudio.config import CLAIM, REVIEW, TECHNIQUES, TEXT, labeling_config
from unspin.labelstudio.corrections import (
    from_tasks,
    write_brat,
    write_checkthat,
    write_ptc,
)
from unspin.labelstudio.offsets import OffsetMap, anchor

LABEL_STUDIO = "label-studio==1.23.2"
# Astral characters (emoji, a mathematical letter), a combining accent, CRLF, runs of spaces.
ARTICLE = ("Council 😀 votes to close the library\r\n\r\n"
           "By Jane Roe\r\n\r\n"
           "The council voted on Tuesday to close the Riverton library, a decision   residents called "
           "\"a betrayal of every family in this town\".\r\n\r\n"
           "\"We had no choice,\" said Mayor Helen Park. \"The budget is 𝔘 million dollars short.\"\r\n\r\n"
           "Cafe\u0301 owners near the library said the closure would cost them 30 percent of their trade 🎉. "
           "The library has served the town since 1902, and its loss is a scandal that nobody in power will admit.\r\n")


def utf16(text: str, index: int) -> int:
    """What a browser counts before `index`: an independent check of `OffsetMap`."""
    return len(text[:index].encode("utf-16-le")) // 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\r", "\n", "😀", "𝔘", "\u0301", "é", "中", "\ud7ff", "\ue000"]),
               max_size=60))
def test_offsets_convert_both_ways(text):
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_utf16(i) == utf16(text, i)
        assert offsets.from_utf16(offsets.to_utf16(i)) == i
    assert offsets.utf16_length == utf16(text, len(text))


def test_a_span_that_drifted_is_found_by_its_text_or_reported():
    text = "one  two\r\nthree two"
    assert anchor(text, 5, 8, "two") == (5, 8)
    assert anchor(text, 4, 7, "two") == (5, 8)  # an editor that counted one space too few
    assert anchor(text, 0, 3, "four") is None


def test_the_configuration_is_valid_xml_with_every_label():
    root = ElementTree.fromstring(labeling_config())
    names = {tag.get("name") for tag in root.iter() if tag.get("name")}
    assert {TEXT, TECHNIQUES, REVIEW} <= names
    assert len([label for label in root.iter("Label")]) == 14 + 3 + 1
    assert all(label.get("hint") for label in root.find(f"Labels[@name='{TECHNIQUES}']"))


@pytest.fixture(scope="module")
def analysis():
    from unspin import analyze

    return analyze(ARTICLE, id="riverton", format="text")


@pytest.fixture(scope="module")
def tasks(analysis):
    from unspin.labelstudio.tasks import task

    return [task(analysis, min_score=0.0)]


def corrected(task: dict) -> list[dict]:
    """An annotator's work on a task: the prediction accepted, its first technique span removed,
    a technique and a claim added where a browser would put them, the review choice made."""
    text = task["data"][TEXT]
    result = [dict(r, origin="manual") for r in task["predictions"][0]["result"]]
    techniques = [r for r in result if r.get("from_name") == TECHNIQUES]
    if techniques:
        result.remove(techniques[0])
    phrase = "a scandal that nobody in power will admit"
    start = text.index(phrase)
    result.append({"id": "added-technique", "from_name": TECHNIQUES, "to_name": TEXT, "type": "labels",
                   "value": {"start": utf16(text, start), "end": utf16(text, start + len(phrase)), "text": phrase,
                             "labels": ["Loaded language"]}})
    claim = "The budget is 𝔘 million dollars short."
    start = text.index(claim)
    result.append({"id": "added-claim", "from_name": "claim", "to_name": TEXT, "type": "labels",
                   "value": {"start": utf16(text, start), "end": utf16(text, start + len(claim)), "text": claim,
                             "labels": [CLAIM]}})
    result.append({"id": "review", "from_name": REVIEW, "to_name": TEXT, "type": "choices",
                   "value": {"choices": ["Findings checked"]}})
    return result


def check_round_trip(analysis, export: list[dict]) -> None:
    """What came back is what was sent, span for span, plus the annotator's corrections."""
    data = from_tasks(export)
    assert data.skipped == 1 and len(data.reviewed) == 1  # the second task was left unannotated
    back = data.reviewed[0]
    assert back.text == ARTICLE and back.lost == [] and back.reanchored == 0
    text = back.text
    sent = {(t.start, t.end, t.technique) for t in analysis.techniques}
    assert set(back.techniques) - sent == {(text.index("a scandal"), text.index(" will admit") + len(" will admit"),
                                           "Loaded_Language")}
    assert len(sent - set(back.techniques)) == (1 if sent else 0)
    if back.id in data.predicted:  # an export written by unspin keeps its prediction; Label Studio's lists ids
        assert set(data.predicted[back.id].techniques) == sent
    # The annotator kept every attribution: sources, cues and contents come back as analysed.
    assert [(a.content, a.source, a.cue) for a in back.attributions] == [
        ([(c.start, c.end) for c in a.content], [(a.source.start, a.source.end)] if a.source else [],
         [(a.cue.start, a.cue.end)] if a.cue else []) for a in sorted(analysis.attributions, key=lambda a: a.content[0].start)]
    claim = text.index("The budget is")
    assert (claim, claim + len("The budget is 𝔘 million dollars short.")) in back.claims
    for start, end, _ in back.techniques:
        assert text[start:end]  # code points, so astral characters are whole
    assert back.review == "Findings checked"


def test_tasks_and_corrections_round_trip_without_label_studio(analysis, tasks):
    assert analysis.attributions, "the article quotes the mayor"
    export = [{**tasks[0], "id": 1, "annotations": [{"id": 7, "result": corrected(tasks[0]), "was_cancelled": False,
                                                      "updated_at": "2026-12-04T10:00:00Z"},
                                                     {"id": 6, "result": [], "was_cancelled": False,
                                                      "updated_at": "2026-12-04T09:00:00Z"}]},
              {**tasks[0], "id": 2, "annotations": [{"id": 8, "result": [], "was_cancelled": True}]}]
    check_round_trip(analysis, export)


def test_corrections_are_written_in_the_formats_unspin_trains_on(analysis, tasks, tmp_path):
    from unspin.checkthat.formats import read_sentences
    from unspin.polnear.formats import read_corpus
    from unspin.ptc.formats import read_article_texts, read_labels

    data = from_tasks([{**tasks[0], "id": 1, "annotations": [{"result": corrected(tasks[0])}]}])
    numbers = write_ptc(data.reviewed, tmp_path / "ptc")
    write_brat(data.reviewed, tmp_path / "polnear")
    rows = write_checkthat(data.reviewed, tmp_path / "checkthat.tsv")
    texts = read_article_texts(tmp_path / "ptc" / "articles")
    assert texts == {numbers["riverton"]: ARTICLE}
    labels = read_labels(tmp_path / "ptc" / "labels.tsv")
    assert {(r.start, r.end, r.technique) for r in labels} == set(data.reviewed[0].techniques)
    corpus = read_corpus(tmp_path / "polnear")
    text, attributions = corpus["riverton"]
    assert text == ARTICLE
    assert sorted(a.content for a in attributions) == sorted(a.content for a in data.reviewed[0].attributions)
    sentences = read_sentences(tmp_path / "checkthat.tsv")
    assert len(sentences) == rows and any(s.label == "Yes" and "million dollars short" in s.text for s in sentences)


def test_agreement_is_perfect_when_the_annotator_accepts_everything(tasks):
    from unspin.labelstudio.agreement import agreement

    accepted = from_tasks([{**tasks[0], "annotations": [{"result": tasks[0]["predictions"][0]["result"]}]}])
    result = agreement(accepted)
    assert result["tasks"] == 1
    assert result["attribution"]["attribution_end_to_end"] == 1.0
    assert result["claims"]["f1_yes"] in (1.0, 0.0) and result["claims"]["gold_yes"] == result["claims"]["predicted_yes"]


def test_the_cli_exports_imports_and_scores(tmp_path):
    from typer.testing import CliRunner

    from unspin.cli import app

    article = tmp_path / "riverton.txt"
    article.write_bytes(ARTICLE.encode("utf-8"))
    runner = CliRunner()
    out = tmp_path / "tasks.json"
    result = runner.invoke(app, ["labelstudio", "export", str(article), "-o", str(out), "--min-score", "0"])
    assert result.exit_code == 0, result.output
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert tasks[0]["data"][TEXT] == ARTICLE
    export = tmp_path / "export.json"
    export.write_text(json.dumps([{**tasks[0], "annotations": [{"result": corrected(tasks[0])}]}]), encoding="utf-8")
    result = runner.invoke(app, ["labelstudio", "import", str(export), "-o", str(tmp_path / "corrections")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "corrections" / "ptc" / "labels.tsv").exists()
    result = runner.invoke(app, ["labelstudio", "score", str(export)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tasks"] == 1


def test_export_reads_a_corpus_store_batch_by_batch(tmp_path):
    from typer.testing import CliRunner

    from unspin.cli import app
    from unspin.corpus.store import CorpusStore

    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(3):
        (folder / f"a{k}.txt").write_text(ARTICLE.replace("Riverton", f"Riverton {k}"), encoding="utf-8")
    db, out = tmp_path / "corpus.duckdb", tmp_path / "tasks.json"
    runner = CliRunner()
    assert runner.invoke(app, ["corpus", "run", str(folder), "--db", str(db), "--quiet", "--no-techniques"]).exit_code == 0
    with CorpusStore(db, read_only=True) as store:
        assert [a["id"] for a in store.analyses(batch=2)] == ["a0", "a1", "a2"]  # two batches, in id order
    result = runner.invoke(app, ["labelstudio", "export", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["data"][TEXT] for t in tasks] == [ARTICLE.replace("Riverton", f"Riverton {k}") for k in range(3)]
    assert not list(tmp_path.glob("*.partial"))


def test_the_ml_backend_pre_annotates_tasks():
    from fastapi.testclient import TestClient

    from unspin.options import Options
    from unspin.server import create_app

    with TestClient(create_app(Options(label_studio=True))) as client:
        assert client.get("/health").json()["status"] == "UP"
        version = client.post("/setup", json={}).json()["model_version"]
        response = client.post("/predict", json={"tasks": [{"id": 1, "data": {TEXT: ARTICLE}}, {"id": 2, "data": {}}]})
    assert response.status_code == 200
    first, second = response.json()["results"]
    # Label Studio files predictions under the backend's version: all of them say the same.
    assert version.startswith("unspin ") and "techniques=" in version
    assert response.json()["model_version"] == first["model_version"] == second["model_version"] == version
    offsets = OffsetMap(ARTICLE)
    for region in (r for r in first["result"] if r.get("type") == "labels"):
        value = region["value"]
        assert ARTICLE[offsets.from_utf16(value["start"]) : offsets.from_utf16(value["end"])] == value["text"]
    assert second["result"] == []
    with TestClient(create_app(Options())) as client:
        assert client.post("/predict", json={"tasks": []}).status_code == 404  # only when asked for


# --- a real Label Studio ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LABEL_STUDIO_VENV = Path(os.environ.get("UNSPIN_LABEL_STUDIO_VENV",
                                      Path.home() / ".cache" / "unspin" / "label-studio-1.23.2"))


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    """Label Studio from its own virtual environment (scripts/test.sh installs it once into
    ~/.cache/unspin, or where UNSPIN_LABEL_STUDIO_VENV says), on a free port, with SQLite in a
    temporary folder, its version check and analytics off: the test itself goes nowhere."""
    venv = LABEL_STUDIO_VENV
    python = venv / "bin" / "python"
    if not (venv / "bin" / "label-studio").exists():
        pytest.skip(f"Label Studio is not installed in {venv} (scripts/test.sh installs {LABEL_STUDIO} there); "
                    "the round trip through a real Label Studio was not run")
    port, token = _free_port(), "unspin-test-token-0123456789"
    data = tmp_path_factory.mktemp("label-studio")
    env = {**os.environ, "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true", "LABEL_STUDIO_BASE_DATA_DIR": str(data),
           "DJANGO_DB": "sqlite", "LATEST_VERSION_CHECK": "false", "COLLECT_ANALYTICS": "false"}
    log = open(data / "server.log", "wb")
    server = subprocess.Popen([str(venv / "bin" / "label-studio"), "start", "--no-browser", "--port", str(port),
                               "--data-dir", str(data), "--username", "owner@example.org", "--password", "unspin-test",
                               "--user-token", token], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None:
                pytest.skip(f"Label Studio did not start (see {data / 'server.log'})")
            time.sleep(1)
        else:
            pytest.skip("Label Studio did not answer within 3 minutes")
        yield url, token, python
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_the_round_trip_through_a_real_label_studio(label_studio, analysis, tasks, tmp_path):
    url, token, python = label_studio
    plan = {"url": url, "token": token, "config": labeling_config(), "tasks": [tasks[0], tasks[0]],
            "annotations": [corrected(tasks[0]), None], "export": str(tmp_path / "export.json")}
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    client = Path(__file__).with_name("labelstudio_client.py")
    result = subprocess.run([str(python), str(client), str(tmp_path / "plan.json")], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    export = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    check_round_trip(analysis, export)


def test_corrections_are_split_by_article_for_a_held_out_measure():
    from unspin.checkthat.formats import Sentence
    from unspin.labelstudio.corrections import split_by_article

    rows = [Sentence(f"{article}-{k}", f"Sentence {k} of {article}.", "Yes" if k % 2 else "No")
            for article in ("a", "b", "c", "d", "e", "f", "g", "h") for k in range(5)]
    train, held = split_by_article(rows)
    assert held and train and len(train) + len(held) == len(rows)
    assert not {r.id.rsplit("-", 1)[0] for r in train} & {r.id.rsplit("-", 1)[0] for r in held}
    assert split_by_article(rows) == (train, held)  # the same split every time
    one = [r for r in rows if r.id.startswith("a-")]
    assert split_by_article(one) in ((one, []), ([], one))
