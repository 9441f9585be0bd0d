"""The web page of `unspin serve` in a real browser (Debian's Chromium driven by Playwright):
a hostile article is analysed and shown, and nothing from it runs."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest
from test_render import HOSTILE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.browser
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Chromium for the browser tests; scripts/test.sh installs the Debian package")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")]


@pytest.fixture(scope="module")
def server_url():
    import uvicorn

    from unspin.analyzers.encoder import EncoderModel
    from unspin.options import Options
    from unspin.server import create_app

    options = Options() if EncoderModel.available() else Options(techniques=False, attribution=False, claims=False)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(options), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 120
    while not server.started and time.time() < deadline:
        time.sleep(0.1)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


def test_hostile_article_is_shown_and_never_run(server_url, browser):
    page = browser.new_page()
    dialogs, violations = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server_url + "/")
    page.fill("#text", HOSTILE)
    page.click("#go")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    assert page.evaluate("document.body.dataset.pwned") is None and not dialogs
    assert page.locator("#article img, #article iframe, #article svg, #article script").count() == 0
    shown = page.inner_text("#article")
    assert '<script>document.body.dataset.pwned = "1"</script>' in shown
    assert "<iframe src=//evil.example></iframe>" in shown
    assert page.inner_text("#result-title")  # the title, as text
    assert not violations, violations  # the page's own script and styles stay within its policy


def test_keyboard_layers_and_download(server_url, browser):
    page = browser.new_page(accept_downloads=True)
    page.goto(server_url + "/")
    page.fill("#text", "Council votes\n\nBy Ana Ruiz\n\nThe council voted on Tuesday to close the library, "
                       "officials said. \"It is a disgrace,\" said resident Tom Lee.\n\nShare this article!\n")
    page.keyboard.press("Tab")
    page.focus("#go")
    page.keyboard.press("Enter")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    first = page.locator("#article span[tabindex='0']").first
    if first.count():
        first.focus()
        assert page.inner_text("#details") == first.get_attribute("title")
    page.uncheck("[data-layer=boilerplate]")
    assert "show-boilerplate" not in page.get_attribute("#article", "class")
    with page.expect_download() as download:
        page.click("#download-json")
    assert download.value.suggested_filename.endswith(".json")
    page.set_viewport_size({"width": 380, "height": 800})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 400


def test_cli_server_mode_prints_what_a_local_run_prints(server_url):
    import json
    import subprocess
    import sys

    from conftest import FIXTURES

    path = FIXTURES / "structure" / "oped-markdown.md"
    local = subprocess.run([sys.executable, "-m", "unspin.cli", "analyze", str(path)], capture_output=True, timeout=300)
    remote = subprocess.run([sys.executable, "-m", "unspin.cli", "analyze", str(path), "--server", server_url],
                            capture_output=True, timeout=300)
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_bundled_example_end_to_end(server_url, browser, tmp_path):
    from unspin.cli import example_path

    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(server_url + "/")
    page.fill("#text", example_path().read_text(encoding="utf-8"))
    page.click("#go")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    assert "Millbrook" in page.inner_text("#result-title")
    assert page.locator("#article .seg-quote_block").count() > 0
    from unspin.analyzers.encoder import EncoderModel

    if EncoderModel.available():
        assert page.locator("#article .t").count() > 0, "technique highlights"
        assert "Department for Transport" in page.inner_text("#quoted"), "the quoted-sources panel"
    page.uncheck("[data-layer=techniques]")
    assert "show-techniques" not in page.get_attribute("#article", "class")
    page.check("[data-layer=techniques]")
    page.screenshot(path=str(tmp_path / "web-page.png"), full_page=False)
    assert (tmp_path / "web-page.png").stat().st_size > 10_000


def test_report_threshold_and_explanations_next_to_the_passage(tmp_path, browser):
    """The report's threshold control moves spans between shown and less certain, and the note
    that explains a passage opens beside it, not at the top of the page."""
    from unspin.analysis import Analysis
    from unspin.document import Document
    from unspin.render.html import to_html

    text = "Council votes\n\n" + "The council voted on Tuesday to close the library, officials said. " * 40 + \
        "\n\nCritics called the plan a reckless betrayal of the town."
    doc = Document(text=text, id="threshold")
    doc.set_layer("segments", [doc.span(0, 13, "title"), doc.span(15, len(text), "body")])
    start = text.index("reckless betrayal")
    doc.set_layer("techniques", [doc.span(start, start + 17, "Loaded_Language", 0.3)])
    analysis = Analysis(doc, {"words": 500, "techniques": {"count": 1, "per_1000_words": 2.0, "by_technique": {},
                                                            "sentences": 41, "share_of_sentences": 0.02}},
                        {"version": "test", "analyzers": [], "models": {"techniques": "test"},
                         "shown_by_default": {"techniques": {"min_score": 0.5, "precision": 0.6, "spans": 10}}})
    path = tmp_path / "report.html"
    path.write_text(to_html(analysis), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    page.goto(path.as_uri())
    span = page.locator("article .t").first
    assert "low" in span.get_attribute("class")
    page.locator("#min-score").fill("0.25")
    assert "low" not in span.get_attribute("class")
    span.hover()
    note = page.locator("#details")
    assert note.is_visible() and "Loaded language" in note.inner_text()
    assert abs(note.bounding_box()["y"] - span.bounding_box()["y"]) < 80  # beside the passage


def test_web_page_threshold_control_redraws_the_article(server_url, browser):
    page = browser.new_page()
    page.goto(server_url + "/")
    page.fill("#text", "Council votes\n\nThe council voted on Tuesday to close the library, a reckless and "
                       "shameful betrayal of every family in town, officials said.\n")
    page.click("#go")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    from unspin.analyzers.encoder import EncoderModel

    if EncoderModel.available():
        assert page.locator("#article .t").count() > 0, "the model found no technique to show"
    page.locator("#min-score").fill("0")
    assert page.inner_text("#min-score-value") == "0.00"
    assert page.locator("#article .t.low").count() == 0  # at 0 every span is shown
    page.locator("#min-score").fill("1")
    assert page.locator("#article .t:not(.low)").count() == 0
