"""Readers: exact decoding, Markdown copies with a map back to the raw input, HTML, corpora, URLs."""

from __future__ import annotations

import http.server
import json
import threading
import time

import pytest
from conftest import FIXTURES, assert_offsets

from unspin.document import Layer
from unspin.errors import Failure, InputError
from unspin.options import Options
from unspin.readers import from_bytes, from_text, read, read_all
from unspin.readers.markdown import read_markdown

# --- plain text ----------------------------------------------------------------------------

def test_utf8_text_is_kept_byte_for_byte(tmp_path):
    raw = "Title\n\nFirst sentence “quoted”.\r\nSecond — sentence.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read(path)
    assert doc.text == raw and doc.source.format == "text"


def test_utf8_bom_is_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello world.\n")
    assert read(path).text == "Hello world.\n"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("\ufeffCafé au lait.\n".encode("utf-16-le"))
    assert read(path).text == "Café au lait.\n"


def test_legacy_encoding_is_detected(tmp_path):
    text = "Le café est très réputé à Genève, où l'été dure longtemps et où les élèves étudient.\n" * 3
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read(path).text == text


def test_ptc_layout_file_stays_identical(tmp_path):
    raw = "A Title Here\n\nOne sentence per line.\nAnother one, with * stars * and [brackets].\n# Not a heading here\n"
    path = tmp_path / "article123.txt"
    path.write_text(raw, encoding="utf-8")
    doc = read(path)
    assert doc.text == raw and doc.source.format == "text"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00" * 50, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    ],
)
def test_bad_bytes_get_a_clear_error(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 3000)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        read(path, options=Options(max_bytes=1000))


# --- Markdown copies -----------------------------------------------------------------------


def test_markdown_headings_keep_whether_they_are_the_top_level():
    doc = read_markdown("# The headline\n\n## A section\n\nText of the article.\n")
    marks = {(s.text, s.label) for s in doc.layer(Layer.MARKUP)}
    assert marks == {("The headline", "heading"), ("The headline", "h1"), ("A section", "heading")}


def test_a_markdown_copy_is_held_to_the_limit_by_its_readable_text():
    """A page copied as Markdown carries every link's URL: its raw text may run past the
    character limit while what a reader reads stays within it; far past it, it is refused."""
    menu = "".join(f"* [Section {k}](https://courier.example/sections/{k}/?utm_source=menu&utm_medium=web)\n"
                   for k in range(40))
    text = "# Pier repairs begin\n\n" + menu + "\nThe harbour board voted on Monday to close the east pier.\n"
    readable = from_text(text, options=Options(max_chars=2000))
    assert len(text) > 2000 and len(readable.text) < 2000
    assert readable.source.format == "markdown"
    with pytest.raises(InputError, match="times the"):
        from_text(text * 4, options=Options(max_chars=2000))

MARKDOWN = """# A Heading

By [Jane Roe](https://example.org/jane)

Some *emphasis*, **strong** and `code`, an escaped \\*star\\* and [a link](http://x.y/z "title").

> A quoted line with [nested *emphasis*](#)

---

- first item
- second item
1. numbered
![alt text](img.png) after image
"""


def test_markdown_keeps_readable_text_and_links():
    doc = read_markdown(MARKDOWN)
    assert doc.text.startswith("A Heading\n\nBy Jane Roe\n\nSome emphasis, strong and code, an escaped *star* and a link.")
    assert "A quoted line with nested emphasis" in doc.text
    assert "---" not in doc.text and "- first" not in doc.text and "first item" in doc.text
    assert "alt text after image" in doc.text
    links = {s.text: s.attrs["url"] for s in doc.layer(Layer.LINKS)}
    assert links == {"Jane Roe": "https://example.org/jane", "a link": "http://x.y/z", "nested emphasis": "#"}
    kinds = {(s.label, s.text) for s in doc.layer(Layer.MARKUP)}
    assert ("heading", "A Heading") in kinds and ("blockquote", "A quoted line with nested emphasis") in kinds
    assert ("list_item", "first item") in kinds and ("emphasis", "emphasis") in kinds
    assert ("list_item", "1. numbered") in kinds  # a numbered item keeps its number: a rank, a step, a date's day
    assert_offsets(doc)


def test_markdown_offsets_map_back_to_raw():
    doc = read_markdown(MARKDOWN)
    for span in doc.layer(Layer.LINKS) + doc.layer(Layer.MARKUP):
        raw_start, raw_end = doc.to_raw(span.start, span.end)
        raw = MARKDOWN[raw_start:raw_end]
        # The raw stretch holds the same words, with Markdown marks in between.
        assert span.text.split()[0] in raw and span.text.split()[-1] in raw
    assert len(doc.raw_offsets) == len(doc.text) + 1
    assert doc.raw_offsets == sorted(doc.raw_offsets)


def test_txt_copy_of_a_web_page_is_read_as_markdown(tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text("Title\n\nBy [Jane Roe](#)\n\nBody text with a [link](#).\n", encoding="utf-8")
    doc = read(path)
    assert doc.source.format == "markdown"
    assert doc.text == "Title\n\nBy Jane Roe\n\nBody text with a link.\n"


def test_brackets_that_are_not_links_are_kept():
    doc = read_markdown("an “principality” [State] in eastern Syria and a_b_c names\n")
    assert doc.text == "an “principality” [State] in eastern Syria and a_b_c names\n"


def test_a_fenced_block_of_code_keeps_its_text_as_it_is_marked_code_and_loses_its_fences():
    """Inside the fences nothing is Markdown: `__init__` keeps its underscores, `*args` its star."""
    raw = ("Use slots:\n\n```python\nclass Users:\n    __slots__ = ('name',)\n\n    def __init__(self, *args):\n```\n"
           "\nThen **less** memory.\n~~~\nx_y_z\n~~~~\nA ``` in a line is no fence.\n")
    doc = read_markdown(raw)
    assert doc.text == ("Use slots:\n\n\nclass Users:\n    __slots__ = ('name',)\n\n    def __init__(self, *args):\n\n"
                        "\nThen less memory.\n\nx_y_z\n\nA ``` in a line is no fence.\n")
    assert [s.text for s in doc.layer(Layer.MARKUP) if s.label == "code"] == [
        "class Users:", "    __slots__ = ('name',)", "    def __init__(self, *args):", "x_y_z"]
    assert_offsets(doc)
    assert all(raw[doc.raw_offsets[i]] == c for i, c in enumerate(doc.text))
    # a fence that nothing closes opens no block: a stray "```" above an article leaves it prose
    stray = read_markdown("```\nThe council **voted** on Tuesday.\n")
    assert stray.text == "```\nThe council voted on Tuesday.\n" and [s.label for s in stray.layer(Layer.MARKUP)] == ["strong"]
    # ... nor one that only a shorter run follows; a longer one closes it
    assert not read_markdown("````\nx_y\n```\n").layer(Layer.MARKUP)
    assert [s.text for s in read_markdown("```\nx_y\n````\n").layer(Layer.MARKUP)] == ["x_y"]
    # a run indented by a tab is code inside the block, not its end (as it opens none either)
    assert [s.text for s in read_markdown("```\nx\n\t```\ny\n```\n").layer(Layer.MARKUP)] == ["x", "\t```", "y"]


def test_a_link_whose_text_runs_over_two_lines_keeps_its_text_and_loses_its_marks():
    """An author's card copied as Markdown: the avatar and the "By" line are one link over two lines."""
    raw = "[![](https://example.org/avatar.png)\nBy **Ann Roe**](https://example.org/author/ann-roe) \nNov 8, 2023\n"
    doc = read_markdown(raw)
    assert doc.text == "\nBy Ann Roe \nNov 8, 2023\n"
    assert_offsets(doc)
    assert raw[slice(*doc.to_raw(doc.text.index("Ann"), doc.text.index("Ann") + 7))] == "Ann Roe"
    # a bracket that opens no link keeps its place
    assert read_markdown("see [1]\nnext\n").text == "see [1]\nnext\n"


# --- HTML -----------------------------------------------------------------------------------

def test_html_main_content_metadata_and_links():
    doc = read(FIXTURES / "structure" / "html-news.html")
    assert doc.source.format == "html"
    assert "Home" not in doc.text.split("\n")[0]
    assert "twelve miles of protected cycle lanes" in doc.text
    assert "& drew a crowd" in doc.text  # entities decoded
    assert any(s.text == "a plan" and s.attrs["url"] == "https://example.org/plan" for s in doc.layer(Layer.LINKS))
    assert doc.reader_meta["sitename"] == "The Harbour Gazette"
    assert any(s.label == "blockquote" for s in doc.layer(Layer.MARKUP))
    assert_offsets(doc)


def test_html_offsets_point_into_the_raw_page():
    raw = (FIXTURES / "structure" / "html-news.html").read_text(encoding="utf-8")
    doc = read(FIXTURES / "structure" / "html-news.html")
    index = doc.text.index("Opponents argued")
    raw_start, _ = doc.to_raw(index, index + 9)
    assert raw[raw_start : raw_start + 16] == "Opponents argued"


def test_html_with_letters_whose_lower_case_is_longer():
    # 'İ'.lower() is two characters; aligning the page must not shift or crash on it.
    paragraph = "İstanbul İzmir İİİ officials said the new ferry line will open in the spring of next year. "
    raw = "<html><body><article>" + "".join(f"<p>{paragraph * 3} Paragraph {i}.</p>" for i in range(4)) + "</article></body></html>"
    doc = from_text(raw, format="html")
    assert_offsets(doc)
    index = doc.text.index("Paragraph 3")
    raw_start, _ = doc.to_raw(index, index + 11)
    assert raw[raw_start : raw_start + 11] == "Paragraph 3"


def test_a_pages_copyright_year_is_no_publication_date():
    """trafilatura's extensive search makes the first of January of a bare year ("© 2024" in the footer)
    a page's date: the page has none, and its site's name still heads the text for the outlet. A date
    the page's metadata gives, the first of January too, stays."""
    paragraph = ("Voters in Harlow County approved a five-year school levy by fewer than 300 votes on Tuesday, "
                 "according to unofficial results posted by the county elections office. ")

    def page(head: str) -> str:
        return (f"<html><head><title>Levy passes narrowly</title>{head}</head><body><article><h1>Levy passes "
                f"narrowly</h1>{''.join(f'<p>{paragraph * 2}{i}</p>' for i in range(3))}</article>"
                "<footer>© 2024 Riverside Ledger</footer></body></html>")

    undated = from_text(page('<meta property="og:site_name" content="Riverside Ledger">'), format="html")
    assert "date" not in undated.reader_meta and "2024-01-01" not in undated.text
    assert "Riverside Ledger" in undated.text.split("\n\n")[1]
    assert_offsets(undated)
    dated = from_text(page('<meta property="article:published_time" content="2024-01-01T08:00:00Z">'), format="html")
    assert dated.reader_meta["date"] == "2024-01-01"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Unclosed <b>tags <i>everywhere<p>and more text that goes on for a while to be an article body."
        " Another sentence follows here, long enough to count as a paragraph of content.</body>",
        "<html><body><div><<<>>>&&&;;<p>Broken &bogus; entities &#xZZ; and text that keeps going for long enough to be"
        " extracted as the main content of this page by the extractor.</p></div></body></html>",
    ],
)
def test_malformed_html_gives_text_or_clear_error(html):
    try:
        doc = from_bytes(html.encode(), format="html")
    except InputError as error:
        assert "HTML" in str(error)
    else:
        assert doc.text.strip()
        assert_offsets(doc)


def test_html_without_article_text_is_a_clear_error():
    with pytest.raises(InputError, match="no article text"):
        from_bytes(b"<html><head><script>var a = 1;</script></head><body><img src=x></body></html>", format="html")


# --- corpora and folders --------------------------------------------------------------------

def test_jsonl_corpus_with_bad_lines(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First article.\n\nIt has a body."}),
        "{not json",
        json.dumps({"id": "b", "html": "<html><body><p>" + "An HTML article body sentence. " * 5 + "</p></body></html>",
                    "url": "https://example.org/b", "outlet": "X"}),
        json.dumps({"id": "c"}),
        "",
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_all([path]))
    docs = [i for i in items if not isinstance(i, Failure)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[1].source.format == "html" and docs[1].source.url == "https://example.org/b"
    assert docs[1].reader_meta["outlet"] == "X"
    assert len(failures) == 3 and all(":" in f.name for f in failures)


def test_folder_reads_every_article_and_reports_failures(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("One.\n\nBody text.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("# Two\n\nBody [text](#).", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    items = list(read_all([tmp_path]))
    assert sorted(i.id for i in items if not isinstance(i, Failure)) == ["a", "b"]
    read_failures = [i for i in items if isinstance(i, Failure) and i.stage == "read"]
    assert [(i.id, i.name) for i in read_failures] == [("empty", str(tmp_path / "empty.txt"))]  # id as a success's
    assert [i.id for i in items if isinstance(i, Failure) and i.stage == "skipped"] == [str(tmp_path / "ignored.png")]


# --- URLs -----------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {
        "/article": ("text/html; charset=utf-8", (FIXTURES / "structure" / "html-blog.html").read_bytes()),
        "/plain": ("text/plain", b"Plain title\n\nPlain body sentence."),
        "/image": ("image/png", b"\x89PNG\r\n"),
        "/big": ("text/plain", b"x" * 50_000),
    }

    def do_GET(self):  # noqa: N802 - http.server naming
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?to=", 1)[1] if "?to=" in self.path else "/plain")
            self.end_headers()
            return
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(40):  # 16 bytes every 0.2 s: each read is quick, the whole is slow
                    self.wfile.write(b"trickle trickle\n")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing" or (self.path not in self.routes and self.path != "/slow"):
            self.send_response(404)
            self.end_headers()
            return
        content_type, body = self.routes.get(self.path, ("text/plain", b"late"))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_html(server):
    doc = read(f"{server}/article")
    assert doc.source.format == "html" and doc.source.url == f"{server}/article"
    assert "Twelve months ago I sold my car" in doc.text


def test_url_plain_text(server):
    assert read(f"{server}/plain").text == "Plain title\n\nPlain body sentence."


@pytest.mark.parametrize("path, message", [("/image", "not an article"), ("/missing", "HTTP 404"),
                                           ("/big", "limit")])
def test_url_errors(server, path, message):
    with pytest.raises(InputError, match=message):
        read(f"{server}{path}", options=Options(max_bytes=10_000))


def test_url_timeout(server):
    from unspin.readers import read_url

    with pytest.raises(InputError, match="timed out"):
        read_url(f"{server}/slow", options=Options(fetch_timeout=0.5))


def test_url_deadline_covers_a_slow_trickle(server):
    from unspin.readers import read_url

    started = time.monotonic()
    with pytest.raises(InputError, match="did not finish arriving in time"):
        read_url(f"{server}/trickle", options=Options(fetch_timeout=1.0))
    assert time.monotonic() - started < 3.0


def test_url_credentials_are_not_kept(server):
    from unspin.readers import read_url

    doc = read_url(server.replace("http://", "http://user:secret@") + "/plain")
    assert doc.source.url == f"{server}/plain" and "secret" not in doc.source.url


def test_redirects_are_followed_and_schemes_checked(server):
    from unspin.readers import read_url

    assert read_url(f"{server}/redirect").text == "Plain title\n\nPlain body sentence."
    with pytest.raises(InputError, match="only http"):
        read_url(f"{server}/redirect?to=file:///etc/passwd")


def test_guard_refuses_internal_addresses(server):
    from unspin.readers import read_url
    from unspin.readers.url import BlockedURL, blocked_reason

    with pytest.raises(BlockedURL, match="loopback"):
        read_url(f"{server}/plain", options=Options(guard_urls=True))
    for address, reason in (("10.1.2.3", "private"), ("169.254.169.254", "link-local"), ("::1", "loopback"),
                            ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved")):
        assert blocked_reason(address) == reason, address
    assert blocked_reason("93.184.216.34") is None


def test_guard_checks_every_redirect(server, monkeypatch):
    """A first hop allowed, its redirect to an internal address refused: each hop is checked."""
    from unspin.readers import read_url
    from unspin.readers import url as url_module

    checks = []

    def first_hop_only(address):
        checks.append(address)
        return None if len(checks) == 1 else "private"

    monkeypatch.setattr(url_module, "blocked_reason", first_hop_only)
    with pytest.raises(url_module.BlockedURL, match="private"):
        read_url(f"{server}/redirect?to={server}/plain", options=Options(guard_urls=True))
    assert len(checks) == 2


def test_unreachable_url():
    with pytest.raises(InputError, match="could not fetch"):
        read("http://127.0.0.1:9/nothing")
