"""The command line as a user runs it: outputs, exit codes, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, assert_json_offsets

STRUCTURE = FIXTURES / "structure"


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "unspin.cli", *map(str, args)], input=stdin, capture_output=True,
                          timeout=300)


def test_single_input_prints_one_json_object():
    result = run("analyze", STRUCTURE / "wire-reuters.txt", "--no-techniques")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "wire-reuters" and data["meta"]["outlet"]["text"] == "Reuters"
    assert_json_offsets(data)


def test_folder_prints_jsonl_and_lists_failures(tmp_path):
    for name in ("wire-ap.txt", "ptc-layout.txt"):
        (tmp_path / name).write_bytes((STRUCTURE / name).read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run("analyze", tmp_path, "--no-techniques")
    assert result.returncode == 2
    lines = result.stdout.decode().splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == ["ptc-layout", "wire-ap"]
    stderr = result.stderr.decode()
    assert "2 input(s) could not be analysed" in stderr and "empty" in stderr and "binary" in stderr
    assert "Traceback" not in stderr


def test_output_folder_gets_one_file_per_document(tmp_path):
    out = tmp_path / "out"
    result = run("analyze", STRUCTURE / "wire-ap.txt", STRUCTURE / "oped-markdown.md", "-f", "html", "-o", f"{out}/",
                 "--no-techniques")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["oped-markdown.html", "wire-ap.html"]


def test_several_reports_into_one_file_is_refused_before_any_work(tmp_path):
    result = run("analyze", STRUCTURE / "wire-ap.txt", STRUCTURE / "oped-markdown.md", "-f", "html", "-o",
                 tmp_path / "out.html", "--no-techniques")
    assert result.returncode == 2 and "give a folder" in result.stderr.decode()
    assert not (tmp_path / "out.html").exists()


def test_output_file_named_jsonl_is_one_file_for_a_folder(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("wire-ap.txt", "ptc-layout.txt"):
        (corpus / name).write_bytes((STRUCTURE / name).read_bytes())
    target = tmp_path / "out.jsonl"
    result = run("analyze", corpus, "-o", target, "--no-techniques")
    assert result.returncode == 0, result.stderr
    assert target.is_file()
    assert sorted(json.loads(line)["id"] for line in target.read_text().splitlines()) == ["ptc-layout", "wire-ap"]


def test_existing_output_is_kept_unless_forced(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("keep me")
    result = run("analyze", STRUCTURE / "wire-ap.txt", "-o", target, "--no-techniques")
    assert result.returncode == 2 and "--force" in result.stderr.decode()
    assert target.read_text() == "keep me"
    result = run("analyze", STRUCTURE / "wire-ap.txt", "-o", target, "--no-techniques", "--force")
    assert result.returncode == 0 and json.loads(target.read_text())["id"] == "wire-ap"


def test_duplicate_ids_get_unique_file_names(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": "same", "text": f"Title {i}\n\nBody text number {i} is here."}) + "\n"
                              for i in range(3)))
    out = tmp_path / "out"
    result = run("analyze", corpus, "-f", "html", "-o", f"{out}/", "--no-techniques")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["same-2.html", "same-3.html", "same.html"]


def test_folder_lists_skipped_files_and_skips_its_own_reports(tmp_path):
    (tmp_path / "story.txt").write_bytes((STRUCTURE / "wire-ap.txt").read_bytes())
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    first = run("analyze", tmp_path / "story.txt", "-f", "html", "-o", tmp_path / "story-report.html", "--no-techniques")
    assert first.returncode == 0, first.stderr
    result = run("analyze", tmp_path, "--no-techniques")
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert [json.loads(line)["id"] for line in result.stdout.decode().splitlines()] == ["story"]
    assert "notes.docx: .docx files are not read" in stderr
    assert "story-report.html: an unspin report" in stderr


def test_version_flag_and_help_without_markup_damage():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.decode().strip().startswith("unspin ")
    help_text = run("train", "--help").stdout.decode()
    assert "unspin[train]" in help_text
    assert "<bool>" not in run("analyze", "--help").stdout.decode()


def test_stdin_and_text_format():
    result = run("analyze", "-", "-f", "text", "--no-techniques",
                 stdin=(STRUCTURE / "wire-reuters.txt").read_bytes())
    assert result.returncode == 0, result.stderr
    assert "Maria Lenz" in result.stdout.decode()


def test_example_html_report(tmp_path):
    target = tmp_path / "report.html"
    result = run("analyze", "--example", "-f", "html", "-o", target, "--no-techniques")
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stderr.decode()
    assert "How the Millbrook Bypass Was Sold" in target.read_text()


@pytest.mark.parametrize(
    "content, message",
    [(b"", "is empty"), (b"\x00\xff\x00\xfe" * 200, "binary"), (b"%PDF-1.4 ...", "PDF")],
)
def test_bad_single_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = run("analyze", path)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert message in stderr and len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


def test_missing_path_and_size_limit(tmp_path):
    result = run("analyze", tmp_path / "missing.txt")
    assert result.returncode == 2 and "no such file" in result.stderr.decode()
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    result = run("analyze", big, "--max-bytes", "100")
    assert result.returncode == 2 and "--max-bytes" in result.stderr.decode()


def test_help_has_examples():
    for args in (["--help"], ["analyze", "--help"], ["ptc", "--help"], ["ptc", "score", "--help"],
                 ["ptc", "predict", "--help"], ["ptc", "classify", "--help"], ["train", "techniques", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "Example" in result.stdout.decode(), args


def test_ptc_score_command(tmp_path):
    gold = tmp_path / "gold.tsv"
    pred = tmp_path / "pred.tsv"
    gold.write_text("1\tDoubt\t0\t10\n1\tSlogans\t20\t30\n")
    pred.write_text("1\tDoubt\t0\t10\n1\tDoubt\t20\t30\n")
    result = run("ptc", "score", "--gold", gold, "--pred", pred)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "SI (spans)" in out and "1.0000" in out and "0.5000" in out


@pytest.mark.parametrize("args, message", [
    (["ptc", "score", "--gold", "{missing}", "--pred", "{missing}"], "no such file"),
    (["ptc", "score", "--gold", "{short}", "--pred", "{short}"], "expected 4 tab-separated fields"),
    (["ptc", "score", "--gold", "{binary}", "--pred", "{binary}"], "not a PTC labels file"),
    (["claims", "score", "--gold", "{missing}", "--pred", "{missing}"], "no such file"),
    (["attribution", "score", "--gold", "{tmp}", "--pred", "{missing}"], "no such file"),
])
def test_scoring_commands_refuse_missing_and_malformed_files_in_one_line(tmp_path, args, message):
    (tmp_path / "short.tsv").write_text("1\tDoubt\n")
    (tmp_path / "binary.tsv").write_bytes(b"\x00\xd5\xff" * 40)
    names = {"missing": tmp_path / "missing.tsv", "short": tmp_path / "short.tsv",
             "binary": tmp_path / "binary.tsv", "tmp": tmp_path}
    result = run(*[a.format(**names) for a in args])
    stderr = result.stderr.decode()
    assert result.returncode == 2 and message in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1 and "internal error" not in stderr
