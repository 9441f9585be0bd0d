"""Take docs/web-page.png: the web page of `unspin serve` after analysing the bundled example.

    .venv/bin/python scripts/web_screenshot.py     (needs Debian's chromium)
"""

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from unspin.cli import example_path
from unspin.server import ServerSettings, create_app

if __name__ == "__main__":
    chromium = shutil.which("chromium") or sys.exit(
        "Debian's chromium is not installed (apt-get install chromium): Playwright's own browser download"
        " cannot be reached from here")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings=ServerSettings()), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    target = Path(__file__).resolve().parents[1] / "docs" / "web-page.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1100, "height": 1500})
        page.goto(f"http://127.0.0.1:{port}/")
        page.fill("#text", example_path().read_text(encoding="utf-8"))
        page.click("#go")
        page.wait_for_selector("#result:not([hidden])", timeout=120_000)
        page.locator("#result").scroll_into_view_if_needed()
        page.screenshot(path=str(target))
        browser.close()
    server.should_exit = True
    print("wrote", target)
