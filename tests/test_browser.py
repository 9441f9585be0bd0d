"""The HTML report in a real browser: headless Chromium renders it and no article text runs."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from test_render import HOSTILE

from unspin.readers import from_text
from unspin.render.html import to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

pytestmark = pytest.mark.browser
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Chromium for the report tests; .ci/run installs the Debian package 'chromium'")
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")]


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--virtual-time-budget=2000", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_hostile_article_does_not_run_in_the_browser(tmp_path, structure_pipeline):
    page = tmp_path / "hostile.html"
    page.write_text(to_html(structure_pipeline(from_text(HOSTILE, format="markdown"))), encoding="utf-8")
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = result.stdout
    assert "</html>" in dom, result.stderr[-2000:]
    assert "data-pwned" not in dom
    assert "<img" not in dom and "<iframe" not in dom and "<svg" not in dom
    assert "&lt;script&gt;document.body.dataset.pwned" in dom  # shown as text, not run
    assert dom.count("<script") == 1


def test_report_renders_to_a_screenshot(tmp_path, structure_pipeline):
    import unspin
    from unspin.cli import example_path

    page = tmp_path / "report.html"
    page.write_text(to_html(unspin.analyze_file(example_path(), pipeline=structure_pipeline)), encoding="utf-8")
    shot = tmp_path / "report.png"
    for width in ("1200,1600", "390,844"):  # desktop and phone
        result = chromium(tmp_path, f"--screenshot={shot}", f"--window-size={width}", "--hide-scrollbars", page.as_uri())
        assert shot.exists() and shot.stat().st_size > 20_000, result.stderr[-2000:]
        shot.unlink()
