"""A social network's post as a reader copies it: the account's name, its handle alone on a line, the
post's text, then the time and date it was posted ("Harbour City Council" / "@HarbourCouncil" / "The
ferry fare rise ... will cost a commuter an extra £190 a year. ..." / "12:04 PM · Dec 3, 2024"; Bluesky's
"@harbourcouncil.bsky.social" / "Follow" / ... / "December 3, 2024 at 12:04 PM"; Mastodon's
"@council@harbour.social").

The post's text is the article (it had been read as the headline, or as a standfirst over its time),
the account is its author and the time line dates it; the replies under it, each under its own handle,
are comments. Only a post that opens the page's text counts: a post embedded in an article, under its
paragraphs, is the article's to quote. A professional network's post has no handle but a label over its
writer's name ("Ann Roe’s Post" / "Ann Roe" / the role / the post)."""

from __future__ import annotations

import re

from ...document import Document, strip_span
from ..dates import date_place
from .boilerplate import line_kinds
from .draft import Draft
from .lines import Line, is_prose
from .metadata import is_date_line
from .patterns import SITE_ADDRESS, boilerplate_kind

HANDLE = re.compile(r"^@[A-Za-z0-9_][\w.\-]{1,60}(?:@[\w\-]+(?:\.[\w\-]+)+)?$")
# "12:04 PM · Dec 3, 2024", "3:15 pm · 4 Dec 2024": the time first, then the date
POSTED_AT = re.compile(r"^\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*·\s*\S.{3,30}$")
POST_LINES = 12  # the longest post's lines between its handle and its time
NAME_WORDS = 6  # an account's name is short


def read_social_post(doc: Document, lines: list[Line], draft: Draft) -> bool:
    """Read the post under the first account's name and handle over the page's paragraphs; whether there was one."""
    kinds = line_kinds(lines, [(s, e, kind) for s, e, kind, _ in draft.segments])
    for i in range(1, len(lines)):
        if kinds[i - 1] == "body" and is_prose(lines[i - 1]):
            return False  # the page's paragraphs have begun: a post from here on is one an article embeds
        if not HANDLE.match(lines[i].text.strip()):
            continue
        name = lines[i - 1]
        if name.words > NAME_WORDS or boilerplate_kind(name.text) or HANDLE.match(name.text.strip()):
            continue
        posted = next((j for j in range(i + 2, min(len(lines), i + 2 + POST_LINES)) if _posted_at(lines[j])), None)
        text = [line for k, line in enumerate(lines[i + 1:posted or i + 1], start=i + 1) if not boilerplate_kind(line.text)
                and not SITE_ADDRESS.match(line.text) and not SITE_ADDRESS.match(lines[k - 1].text)]  # (a link's card)
        if posted is None or not any(is_prose(line) for line in text):
            continue
        date = date_place(doc.text, lines[posted].start, lines[posted].end)
        if date is None or date[2] is None or any(draft.straddles(line) for line in [name, lines[i], *text, lines[posted]]):
            return False
        if draft.title and draft.title[0] < lines[posted].start:  # a post has no headline: over it, the site's name
            draft.segments = [(s, e, "boilerplate", {"type": "navigation"}) if kind == "title" and s < name.start
                              else (s, e, kind, attrs) for s, e, kind, attrs in draft.segments]
            draft.title = None
        _written_by(doc, name, draft)
        draft.set_line(lines[i], "boilerplate", type="social")
        for line in text:
            draft.set_line(line, "body")
        draft.set_line(lines[posted], "dateline")
        draft.published, draft.published_updated = date[2], False
        _replies_below(lines[posted + 1:], draft)
        return True
    return False


# a professional network's label over a post: "Ann Roe’s Post", then the name, the writer's role, the post
POST_LABEL = re.compile(r"^(?P<name>\S.{1,60}?)[’']s\s+post\s*$", re.IGNORECASE)


def read_labelled_post(doc: Document, lines: list[Line], draft: Draft) -> bool:
    """Read a post under its label ("Ann Roe’s Post" / "Ann Roe" / "Head of Operations at ..." / "3d" /
    the post): the name is the byline and the author, the role under it no title; whether there was one."""
    for i in range(len(lines) - 2):
        label = POST_LABEL.match(lines[i].text.strip())
        name = lines[i + 1]
        if not label or name.text.strip() != label["name"] or draft.straddles(name):
            continue
        _written_by(doc, name, draft)
        role = lines[i + 2]
        if draft.title and role.start <= draft.title[0] < role.end and not draft.straddles(role):
            draft.title = None
            draft.set_line(role, "boilerplate", type="bio")
        return True
    return False


def _written_by(doc: Document, name: Line, draft: Draft) -> None:
    """The account's name (or the writer's) is the post's byline and its only author."""
    draft.set_line(name, "byline")
    draft.authors = [strip_span(doc.text, name.start, name.end)]


def _posted_at(line: Line) -> bool:
    return bool(POSTED_AT.match(line.text.strip())) or is_date_line(line, None)


def _replies_below(lines: list[Line], draft: Draft) -> None:
    """Under the post, from the next account's name and handle on ("Ann Roe" / "@annroe" / "Replying to"
    / ...), the readers' replies."""
    handle = next((k for k, line in enumerate(lines) if HANDLE.match(line.text.strip())), None)
    if handle is None:
        return
    first = lines[max(0, handle - 1)].start
    draft.segments = [(s, e, "boilerplate", {"type": "comments"}) if s >= first and kind in ("body", "heading", "title")
                      else (s, e, kind, attrs) for s, e, kind, attrs in draft.segments]
    if draft.title and draft.title[0] >= first:
        draft.title = None
