"""Find and normalise publication dates written the ways news pages write them."""

from __future__ import annotations

import re
from datetime import date

from .words import page_language

_ENGLISH_MONTHS = [
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
]
# Copied pages in other languages: "6. November 2023", "25. Januar 2022", "11 de mayo de 2022", "10
# MAYO, 2022", "mayo 11, 2022", "3 mars 2021", "3 grudnia 2024", "3. prosince 2024", "3 декабря 2024"
# (German, Dutch, French, Spanish, Catalan, Italian, Portuguese, Romanian, the Nordic languages,
# Finnish, Polish and Czech as a date writes them, Russian, Turkish and Indonesian names).
_OTHER_MONTHS = [
    ("januar", "jänner", "januari", "janvier", "enero", "gener", "gennaio", "janeiro", "ianuarie", "tammikuuta",
     "stycznia", "ledna", "января", "ocak"),
    ("februar", "februari", "février", "fevrier", "febrero", "febrer", "febbraio", "fevereiro", "februarie",
     "helmikuuta", "lutego", "února", "февраля", "şubat"),
    ("märz", "maerz", "maart", "mars", "marzo", "março", "març", "martie", "maaliskuuta", "marca", "března",
     "марта", "mart", "maret"),
    ("avril", "abril", "aprile", "aprilie", "huhtikuuta", "kwietnia", "dubna", "апреля", "nisan"),
    ("mai", "mei", "mayo", "maig", "maggio", "maio", "maj", "toukokuuta", "maja", "května", "мая", "mayıs"),
    ("juni", "juin", "junio", "juny", "giugno", "junho", "iunie", "kesäkuuta", "czerwca", "června", "июня", "haziran"),
    ("juli", "juillet", "julio", "juliol", "luglio", "julho", "iulie", "heinäkuuta", "lipca", "července", "июля",
     "temmuz"),
    ("augustus", "août", "aout", "agosto", "agost", "augusti", "elokuuta", "sierpnia", "srpna", "августа", "ağustos",
     "agustus"),
    ("septembre", "septiembre", "setiembre", "setembre", "settembre", "setembro", "septembrie", "syyskuuta",
     "września", "září", "сентября", "eylül"),
    ("oktober", "octobre", "octubre", "ottobre", "outubro", "octombrie", "lokakuuta", "października", "října",
     "октября", "ekim"),
    ("novembre", "noviembre", "novembro", "noiembrie", "marraskuuta", "listopada", "listopadu", "ноября", "kasım"),
    ("dezember", "décembre", "decembre", "diciembre", "desembre", "dicembre", "dezembro", "decembrie", "desember",
     "joulukuuta", "grudnia", "prosince", "декабря", "aralık"),
]


def _numbered(table: list[tuple[str, ...]]) -> dict[str, int]:
    return {name: number for number, names in enumerate(table, 1) for name in names}


# Their short forms ("03 dic 2024", "3. Dez. 2024", "3 déc. 2024"; "mar", "sep", "oct" and "nov" are
# English ones already, "ago" and "set" too like English words to stand for months)
_OTHER_SHORT_MONTHS = [
    ("ene", "janv", "gen"), ("févr", "fevr"), ("mär", "mrz"), ("abr", "avr"), ("mag",), ("giu",),
    ("juil", "lug"), ("aoû",), (), ("okt", "ott"), (), ("dez", "dic", "déc"),
]
_MONTHS = {**_numbered(_ENGLISH_MONTHS), **_numbered(_OTHER_MONTHS), **_numbered(_OTHER_SHORT_MONTHS)}


def _alternatives(names) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternatives(_MONTHS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Copied pages glue a date to the words around it ("Shana Nys DambrotNovember 6, 2023",
# "APR. 26, 2022APR. 26, 2022", "BUSINESSNOV 7, 2023"): a month may start where a lower-case letter
# meets a capital, or a month in capitals a word in capitals, and a year ends where its digits do, or
# where a time glued to it begins ("December 3, 20246:14 PM ET").
_WORD_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z]))|(?-i:(?<=[A-Z])(?=(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))))"
_YEAR_END = r"(?!\d(?!\d?:\d\d))"
_PATTERNS = [
    re.compile(rf"{_WORD_START}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_YEAR_END}", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+|de\s+|d['’])?{_MONTH},?\s+(?:de\s+)?{_YEAR}{_YEAR_END}", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<month_n>[01]\d)-(?P<day_n>[0-3]\d)(?!\d)"),
    re.compile(rf"\b{_YEAR}/(?P<month_n>[01]?\d)/(?P<day_n>[0-3]?\d)\b"),
    # "27.01.2020": a dotted date puts the day first (not a version or an address: "1.10.2019.2")
    re.compile(rf"(?<![\d.])(?P<day_n>[0-3]?\d)\.(?P<month_n>[01]?\d)\.{_YEAR}(?![\d.]\d)"),
    # ... unless its second number cannot be a month: an American site's "01.21.2020 07:00 AM"
    re.compile(rf"(?<![\d.])(?P<month_n>0?[1-9]|1[0-2])\.(?P<day_n>1[3-9]|2\d|3[01])\.{_YEAR}(?![\d.]\d)"),
    # "11/18/2011", "21/10/2019": a slashed date only where its order shows ("12/04/2020" is April
    # in Britain and December in the United States, and stays unread)
    re.compile(rf"(?<![\d/])(?P<first_n>[0-3]?\d)/(?P<second_n>[0-3]?\d)/{_YEAR}(?![\d/])"),
    # "12/03/24 6:14 PM ET": a two-digit year, read only where an American time zone follows
    re.compile(r"(?<![\d/])(?P<first_n>[01]?\d)/(?P<second_n>[0-3]?\d)/(?P<short_year>\d\d)(?![\d/])"),
]
# ... unless an American time zone follows it, which puts the month first ("12/04/2024 05:00 AM EST"),
# or a label in a language that writes the day first comes before it ("Publié le 03/12/2024 à 18h14")
_AMERICAN_TIME = re.compile(r"\s*,?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:E|C|M|P|AK|H)[SD]?T\b", re.IGNORECASE)
# (a Continental time zone after the date puts the day first too: "03/12/2024 - 18:14 GMT+1", "18:14 CET")
_EUROPEAN_TIME = re.compile(r"\s*[-–,]?\s*\d{1,2}[:.h]\d{2}\s*(?:CET|CEST|EET|EEST|WET|WEST|(?:GMT|UTC)\s*[+-]\s*\d{1,2})\b")
# A date's label in French, Spanish, Italian, German, Portuguese, Dutch, Polish and the Nordic languages, and
# the article after it ("Publié le")
DAY_FIRST_LABELS = (r"publié|mis à jour|modifié|publicad[oa]|actualizad[oa]|pubblicato|aggiornato|veröffentlicht|aktualisiert|"
                    r"atualizad[oa]|gepubliceerd|bijgewerkt|opublikowano|aktualizacja|publicerad|uppdaterad|publisert|"
                    r"oppdatert|udgivet|opdateret|julkaistu|päivitetty|güncelleme|güncellendi|yayınlanma|yayınlandı")
LABEL_ARTICLES = r"le|el|al|il|am|em|a"
_DAY_FIRST_LABEL = re.compile(rf"(?:{DAY_FIRST_LABELS})\s+(?:{LABEL_ARTICLES})?\s*$", re.IGNORECASE)


_ANY_YEAR = re.compile(r"(?:19|20)\d\d")


def find_date(text: str, start: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
    """The first date in text[start:end] as (start, end, 'YYYY-MM-DD'), or None."""
    end = len(text) if end is None else end
    if not _ANY_YEAR.search(text, start, end) and text.find("/", start, end) < 0:
        return None  # (every pattern needs a year of four digits, but a slashed date with two)
    best = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            iso = _iso(match, month_first=_AMERICAN_TIME.match(text, match.end(), end) is not None,
                       day_first=(_DAY_FIRST_LABEL.search(text, max(start, match.start() - 40), match.start()) is not None
                                  or _EUROPEAN_TIME.match(text, match.end(), end) is not None))
            if iso and (best is None or match.start() < best[0]):
                best = (match.start(), match.end(), iso)
                break
    return best


def _iso(match: re.Match, month_first: bool = False, day_first: bool = False) -> str | None:
    groups = match.groupdict()
    try:
        if groups.get("short_year"):
            if not month_first:
                return None
            year = 2000 + int(groups["short_year"])
        else:
            year = int(groups["year"])
        if groups.get("first_n"):
            first, second = int(groups["first_n"]), int(groups["second_n"])
            if month_first and first <= 12:
                return date(year, first, second).isoformat()
            if day_first and second <= 12:
                return date(year, second, first).isoformat()
            if (first > 12) == (second > 12):
                return None  # both could be the month (or neither is): the order does not show
            month, day = (second, first) if first > 12 else (first, second)
        else:
            month = _MONTHS[groups["month"].lower().rstrip(".")] if groups.get("month") else int(groups["month_n"])
            day = int(groups["day"] if groups.get("day") else groups["day_n"])
        return date(year, month, day).isoformat()
    except (KeyError, ValueError, TypeError):
        return None


_SLASHED_DATE = re.compile(rf"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{_YEAR}(?![\d/])")


def _unordered_date(text: str, start: int, end: int) -> re.Match | None:
    """"12/04/2020": a slashed date whose order nothing on its line shows (both numbers could be the
    month). It stays unread, but the line that holds it is a dateline all the same ("12/04/2020 by Kay
    24 Comments")."""
    return next((match for match in _SLASHED_DATE.finditer(text, start, end)
                 if int(match["first"]) <= 12 and int(match["second"]) <= 12), None)


def unordered_date_on_page(page: str, start: int, end: int) -> str | None:
    """The slashed date in page[start:end] whose order its line does not show, read the way the
    page's other slashed dates show it is written: day first where some have a first number over 12
    ("14/04/2020") and none a second, month first the other way round."""
    unordered = _unordered_date(page, start, end)
    if unordered is None:
        return None
    days_first = months_first = False
    for match in _SLASHED_DATE.finditer(page):
        days_first |= int(match["first"]) > 12
        months_first |= int(match["second"]) > 12
    if not (days_first or months_first):
        days_first = _written_day_first(page)  # ("03/12/2024 23h25" on a Brazilian page)
    if days_first == months_first:
        return None
    first, second = int(unordered["first"]), int(unordered["second"])
    day, month = (first, second) if days_first else (second, first)
    try:
        return date(int(unordered["year"]), month, day).isoformat()
    except ValueError:
        return None


# Languages whose pages write a date's day before its month, always: a page that reads as one of them
# dates "03/12/2024" the 3rd of December. (English pages write both orders.)
DAY_FIRST_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")


def _written_day_first(page: str) -> bool:
    """Whether the page reads as written in one of `DAY_FIRST_LANGUAGES` rather than English."""
    return page_language(page) in DAY_FIRST_LANGUAGES


def date_place(text: str, start: int = 0, end: int | None = None) -> tuple[int, int, str | None] | None:
    """Where text[start:end] first gives a date, read or not: (start, end, 'YYYY-MM-DD' or None)."""
    end = len(text) if end is None else end
    found = find_date(text, start, end)
    unordered = _unordered_date(text, start, end)
    if unordered and (found is None or unordered.start() < found[0]):
        return unordered.start(), unordered.end(), None
    return found


def normalise_date(value: str) -> str | None:
    found = find_date(value)
    return found[2] if found else None
