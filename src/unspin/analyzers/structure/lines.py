"""The line model: web copies put one paragraph per line, PTC files one sentence per line, so
structure analysis reads an article as stripped lines with their links and markup."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...document import Document, Layer, Span, strip_span
from ..words import WORD, page_language, stopwords
from .patterns import BYLINE, SENTENCE_END, SEPARATOR, boilerplate_kind


@dataclass
class Line:
    start: int
    end: int
    text: str
    blank_before: bool
    links: list[Span] = field(default_factory=list)
    markup: set[str] = field(default_factory=set)

    @property
    def words(self) -> int:
        return len(self.text.split())


def read_lines(doc: Document) -> list[Line]:
    """The document's non-blank lines, stripped, each with the links and markup inside it; in a
    hard-wrapped text, its paragraphs (`unwrapped`)."""
    out = unwrapped(doc.text, physical_lines(doc.text))
    links = sorted(doc.layer(Layer.LINKS), key=lambda s: s.start)
    markup = doc.layer(Layer.MARKUP)
    for line in out:
        line.links = [s for s in links if line.start <= s.start and s.end <= line.end]
        line.markup = {s.label for s in markup if s.start < line.end and line.start < s.end and s.label}
    return out


def physical_lines(text: str) -> list[Line]:
    """The text's non-blank lines, stripped, as its line breaks give them."""
    out: list[Line] = []
    position = 0
    blank = True
    for raw_line in text.split("\n"):
        start, end = strip_span(text, position, position + len(raw_line))
        if end > start:
            out.append(Line(start, end, text[start:end], blank))
            blank = False
        else:
            blank = True
        position += len(raw_line) + 1
    return out


WRAP_WIDTH = (40, 100)  # the widths mail, print and `fmt` wrap at; a copied page's paragraphs run longer
WRAPPED_LINES = 3  # full-width lines that stop mid-sentence, at least
WRAPPED_SHARE = 0.5  # of the full-width lines with a line under them
FULL_WIDTH = 0.7  # of the wrap width: a line this long was wrapped, not ended
RUNS_INTO_NEXT = 0.6  # of the wrap width: a line this long that stops mid-sentence goes on below


def wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped text (plain-text mail, lines copied from a PDF, `fmt`) wraps its
    paragraphs at: its longest line, where at least `WRAPPED_SHARE` of its full-width lines with a
    line under them stop mid-sentence; None for a text with a paragraph (or a sentence) a line."""
    if not lines:
        return None
    width = max(len(line.text) for line in lines)
    if not WRAP_WIDTH[0] <= width <= WRAP_WIDTH[1]:
        return None
    full = [line for line, below in zip(lines, lines[1:]) if not below.blank_before and len(line.text) >= FULL_WIDTH * width]
    stopped = [line for line in full if not SENTENCE_END.search(line.text)]
    return width if len(stopped) >= WRAPPED_LINES and len(stopped) >= WRAPPED_SHARE * len(full) else None


PARAGRAPH_ENDS_BLANK = 0.8  # of a text's paragraph ends (short lines ending a sentence): a blank line under them


def blank_between_paragraphs(lines: list[Line], width: int) -> bool:
    """Whether a hard-wrapped text puts a blank line between its paragraphs (mail, `fmt`), as lines
    copied from a PDF do not: the short last lines of its paragraphs have one under them."""
    ends = [below.blank_before for line, below in zip(lines, lines[1:])
            if len(line.text) < RUNS_INTO_NEXT * width and line.words >= 4 and SENTENCE_END.search(line.text)]
    return len(ends) >= 2 and sum(ends) >= PARAGRAPH_ENDS_BLANK * len(ends)


def unwrapped(text: str, lines: list[Line]) -> list[Line]:
    """The lines of a hard-wrapped text joined into its paragraphs: a line as long as the wrap width
    that stops mid-sentence goes on in the line under it (never the first line, the title, and never
    into a byline); where blank lines part the paragraphs, a line that happens to end a sentence goes
    on too where the next line's first word would not have fit on it. A joined line's text has a space
    for each line break, so offsets hold."""
    width = wrap_width(lines)
    if width is None:
        return lines
    parted = blank_between_paragraphs(lines, width)
    out = lines[:1]
    for above, line in zip(lines, lines[1:]):
        last = out[-1]
        goes_on = not SENTENCE_END.search(above.text) or (parted and _next_word_would_not_fit(above, line, width))
        if (len(out) > 1 and not line.blank_before and len(above.text) >= RUNS_INTO_NEXT * width
                and goes_on and not BYLINE.match(line.text)):
            out[-1] = Line(last.start, line.end, text[last.start:line.end].replace("\n", " "), last.blank_before)
        else:
            out.append(line)
    return out


def _next_word_would_not_fit(line: Line, following: Line, width: int) -> bool:
    """Whether the wrapping broke `line` for want of room: the first word below would not fit on it."""
    return len(line.text) + 1 + len(following.text.split()[0]) > width


def is_separator(line: Line) -> bool:
    return bool(SEPARATOR.match(line.text))


def is_prose(line: Line) -> bool:
    if is_separator(line):
        return False
    if line.words >= 12:
        return True
    return line.words >= 4 and bool(SENTENCE_END.search(line.text))


def is_heading_like(line: Line) -> bool:
    if "heading" in line.markup:
        return True
    text = line.text
    return 1 <= line.words <= 14 and not SENTENCE_END.search(text.rstrip("?")) and not text.endswith(":") and len(text) < 120


HEADLINE_MAX_WORDS = 25  # the longest headline: a longer line is a standfirst or a paragraph


def is_headline_shaped(line: Line) -> bool:
    """No longer than a headline and ending as no sentence does ("Change Font Size of ggplot2 Plot in
    R (5 Examples) | Axis Text, Main Title & Legend"): a copy's paragraphs end on their punctuation."""
    return line.words <= HEADLINE_MAX_WORDS and not SENTENCE_END.search(line.text)


# A line this long, in sentence case, that ends on a full stop is a paragraph, not a headline (a
# headline that long is in title case: "Glenn Beck Blasts Drudge for Mocking His Fast, Quotes Bible ...")
PARAGRAPH_WORDS = 20
PARAGRAPH_CAPITALS = 0.4  # the share of its words a paragraph capitalises, at most
_ENDS_ON_FULL_STOP = re.compile(r"(?<!\.\.)\.[\"'”’)]*$")  # (not an ellipsis)


def reads_as_paragraph(line: Line) -> bool:
    """A long line in sentence case that ends on a full stop: a paragraph (a text's first line, a
    social post's text over its time), never a headline."""
    text = line.text.rstrip()
    words = text.split()
    capitalised = sum(word[:1].isupper() for word in words) / max(1, len(words))
    return (len(words) >= PARAGRAPH_WORDS and capitalised < PARAGRAPH_CAPITALS and is_prose(line)
            and bool(_ENDS_ON_FULL_STOP.search(text)))


def runs_on(line: Line, following: Line) -> bool:
    """Whether `line` is hard-wrapped into `following` (plain-text mail, old blogs, `fmt`): it stops
    mid-sentence and the next line, with no blank line between, goes on in lower case. Such lines
    are a paragraph's, however short and unpunctuated each looks."""
    return (not following.blank_before and following.text[:1].islower() and line.words >= 4
            and not SENTENCE_END.search(line.text) and not line.text.endswith(":"))


def over_own_bio(lines: list[Line], index: int) -> bool:
    """Whether the line under the name is that person's bio ("Martin Chikilian" / "Martin is a full-stack
    engineer and has worked as ..."; "Ann Roe" / "Ann Roe writes The Harbour Brief, ..."): an author's
    card, under the headline or the article."""
    if index + 1 >= len(lines):
        return False
    name = lines[index].text.strip()
    if not name or not lines[index + 1].text.startswith(name.split()[0]):
        return False  # (most lines: no pattern to build)
    subject = "|".join(re.escape(n) for n in (name, name.split()[0]))
    return re.match(rf"(?:{subject})\s+(?:is|was|has|writes|covers|leads|works)\b", lines[index + 1].text) is not None


VERSE_WORDS = (3, 16)  # the words of a line of a song, a poem or a list of steps
VERSE_LINES = 6  # such lines in a run at least: a stanza and more
# a verse line's characters on average at most (a hard-wrapped paragraph's lines fill 60 to 80, a
# notice's list of rules runs longer)
VERSE_MEAN_CHARS = 55
# a line that may sit inside the run, one at a time: a label, a word, a bracket ("Chorus:", "Ooh", "[Verse 2]")
_VERSE_BREAK = re.compile(r"^(?:\S+|[^\n]{1,30}:|[\[(][^\n]{1,30}[\])])$")
VERSE_CAPITALS = 0.25  # of a line's words after its first, the share it capitalises at most (a menu's are Title Case)
VERSE_STOPWORDS = 0.35  # the run's mean share of stopwords at least: running language, not names or headlines
VERSE_SENTENCES = 0.5  # of the run's lines, the share that end a sentence at most (an article file's: all)
VERSE_ENDING = 0.4  # of the run's lines, the share ending on the same four words at most ("... opens in a new tab")
VERSE_NUMBERED = 0.25  # of the run's lines, the share with a figure at most (a list of times, prices, comments' ages)
# of the run's lines, the share that run on into the next at most, mid-phrase (nearly all of a hard-wrapped
# paragraph's do; a third of a poem's, whose other lines end on their comma or full stop)
VERSE_WRAPPED = 0.5
VERSE_SPACED = 0.5  # of the run's lines, the share with a blank line over them at most (a stanza's lines are together)
_AGO = re.compile(r"\bago\W*$", re.IGNORECASE)  # a comment's age ("Carlos Millan about a minute ago")
_FIRST_PERSON = re.compile(r"^I(?:['’](?:m|ve|ll|d|s))?$")  # "I", "I'm": capitalised in any line


def verses(lines: list[Line]) -> set[int]:
    """The lines of the runs of verse: a song's lyrics, a poem, a list of steps, each line short,
    in sentence case, in running language, and mostly not a sentence that ends ("I know it took a
    long time, but now I'm here" / "And I ain't going nowhere, no more fear"). A page of such lines
    has no paragraph at all, and every rule that tells a paragraph from a menu or a headline by its
    length or its full stop would read them as subheadings, standfirsts or furniture."""
    text = " ".join(line.text for line in lines[:500])
    words_of = [WORD.findall(line.text) for line in lines]
    stop = stopwords(page_language(text))

    def verse_line(i: int) -> bool:
        words, line = words_of[i], lines[i]
        if not VERSE_WORDS[0] <= len(words) <= VERSE_WORDS[1] or line.text.endswith(":"):
            return False
        later = [w for w in words[1:] if not _FIRST_PERSON.match(w)]
        capitals = sum(w[:1].isupper() for w in later) / max(1, len(later))
        linked = sum(s.end - s.start for s in line.links) > len(line.text) / 2
        return (capitals <= VERSE_CAPITALS and not linked and boilerplate_kind(line.text) is None
                and not _AGO.search(line.text))

    is_verse = [verse_line(i) for i in range(len(lines))]

    def reads_as_verse(run: list[int]) -> bool:
        own = [i for i in run if is_verse[i]]
        if len(own) < VERSE_LINES:
            return False
        stopwords_share = sum(sum(w.lower() in stop for w in words_of[i]) / len(words_of[i]) for i in own) / len(own)
        sentences = sum(bool(SENTENCE_END.search(lines[i].text)) for i in own) / len(own)
        endings = Counter(tuple(w.lower() for w in words_of[i][-4:]) for i in own).most_common(1)[0][1] / len(own)
        numbered = sum(any(c.isdigit() for c in lines[i].text) for i in own) / len(own)
        wrapped = sum(i + 1 < len(lines) and runs_on(lines[i], lines[i + 1]) and lines[i].text[-1:].isalpha()
                      for i in own) / len(own)
        spaced = sum(lines[i].blank_before for i in own) / len(own)
        return (stopwords_share >= VERSE_STOPWORDS and sentences <= VERSE_SENTENCES and endings <= VERSE_ENDING
                and numbered <= VERSE_NUMBERED and wrapped <= VERSE_WRAPPED
                and spaced <= VERSE_SPACED
                and sum(len(lines[i].text) for i in own) / len(own) <= VERSE_MEAN_CHARS)

    def labelled(run: list[int]) -> bool:  # a box of other stories' headlines under its label ("Related")
        return run[0] > 0 and boilerplate_kind(lines[run[0] - 1].text) in ("related", "navigation")

    out: set[int] = set()
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and is_verse[i]:
            run.append(i)
            continue
        brief = i < len(lines) and bool(_VERSE_BREAK.match(lines[i].text))
        if brief and run and is_verse[run[-1]]:
            run.append(i)  # a break inside the run, if verse goes on under it
            continue
        while run and not is_verse[run[-1]]:
            run.pop()
        if reads_as_verse(run) and not labelled(run):
            out.update(run)
        run = []
    return out
