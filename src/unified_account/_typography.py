"""Typography that depends on the locale, applied as text is rendered.

Four rules no catalog entry can carry by itself:

* CLDR's ``currencySpacing`` (root, inherited by every supported
  locale): a currency symbol whose character next to the number is not a
  symbol or a space (``USD``, ``CHF``; not ``$`` or ``R$``) is parted
  from a digit by a no-break space, as ICU does (``USD 24.99``).  Babel
  does not apply it.
* French elision before a name substituted into a message: ``de``
  followed by ``Amazon.ca`` is written ``d'Amazon.ca``, ``que Amazon.com``
  ``qu'Amazon.com``, ``le``/``la`` ``l'``.  A translator writes ``de
  {marketplace}`` once; the name decides.
* The separator of a label and its text: French (and the Office
  québécois de la langue française) puts a no-break space before a
  colon, ``Question : ...``; Chinese a full-width colon, ``問題：...``.
* A space between Chinese and Latin text where a list joins them: CLDR's
  Chinese list pattern writes ``Amazon.ca和Amazon.com.mx``; Amazon's
  Chinese FAQ writes ``Amazon.ca 和 Amazon.com.mx``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .locales import normalize_locale

__all__ = [
    "currency_spaced",
    "elide",
    "elision_sites",
    "label",
    "list_spaced",
]

_NO_BREAK_SPACE = "\xa0"


def currency_spaced(text: str, symbol: str) -> str:
    r"""``text`` with CLDR's currency spacing around ``symbol``.

    >>> currency_spaced("USD24.99", "USD")
    'USD\xa024.99'
    >>> currency_spaced("$24.99", "$")
    '$24.99'
    """
    at = text.find(symbol)
    if not symbol or at < 0:  # no symbol shown: nothing to part
        return text
    end = at + len(symbol)
    if end < len(text) and _digit(text[end]) and _letterlike(symbol[-1]):
        return text[:end] + _NO_BREAK_SPACE + text[end:]
    if at > 0 and _digit(text[at - 1]) and _letterlike(symbol[0]):
        return text[:at] + _NO_BREAK_SPACE + text[at:]
    return text


def _digit(character: str) -> bool:
    return unicodedata.category(character) == "Nd"


def _letterlike(character: str) -> bool:
    # CLDR's currencyMatch: neither a symbol (S*) nor a separator (Z*).
    return unicodedata.category(character)[0] not in "SZ"


# The words each locale elides before a vowel, and their elided form.
_ELISIONS = {
    "fr_CA": {
        "de": "d'",
        "que": "qu'",
        "le": "l'",
        "la": "l'",
        "ne": "n'",
        "jusque": "jusqu'",
        "lorsque": "lorsqu'",
        "puisque": "puisqu'",
    },
}

_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿæœ")


def elision_sites(template: str, locale: str) -> tuple[tuple[str, str], ...]:
    """Each ``word {name}`` of ``template`` that ``locale`` may elide.

    Pairs of the text as written (``de {home}``) and the placeholder's
    name; empty for a locale that does not elide.
    """
    if locale not in _ELISIONS:  # the common case, checked first
        return ()
    return _sites(template, locale)


@functools.lru_cache(maxsize=1024)
def _sites(template: str, locale: str) -> tuple[tuple[str, str], ...]:
    pattern = _site_pattern(locale)
    found = pattern.finditer(template)
    return tuple((site.group(0), site.group(2)) for site in found)


@functools.cache
def _site_pattern(locale: str) -> re.Pattern[str]:
    words = "|".join(sorted(_ELISIONS[locale], key=len, reverse=True))
    return re.compile(rf"(?<!\w)({words}) \{{(\w+)\}}", re.IGNORECASE)


def elide(site: str, value: str, locale: str) -> str:
    """``site`` (``de {home}``) as written before ``value``.

    >>> elide("de {home}", "Amazon.ca", "fr_CA")
    "d'{home}"
    >>> elide("Que {x}", "Amazon.com", "fr_CA")
    "Qu'{x}"
    >>> elide("de {home}", "Harbor Lane", "fr_CA")
    'de {home}'
    """
    if not value or value[0].casefold() not in _VOWELS:
        return site
    word, _, placeholder = site.partition(" ")
    elided = _ELISIONS[locale][word.casefold()]
    if word[0].isupper():
        elided = elided[0].upper() + elided[1:]
    return elided + placeholder


# What parts a label from its text, where it is not ``": "``: French
# puts a no-break space before the colon; Chinese uses the full-width
# colon, as the catalogs' own labels do (``共 1 項，例如：``).
_LABEL_SEPARATORS = {
    "fr_CA": _NO_BREAK_SPACE + ": ",
    "zh_Hant": "：",
    "zh_Hans": "：",
}


def label(name: str, text: str, locale: str) -> str:
    r"""``name: text`` as ``locale`` writes a label (``Question : ...``).

    >>> label("Question", "Puis-je?", "fr_CA")
    'Question\xa0: Puis-je?'
    >>> label("Question", "Can I?", "en")
    'Question: Can I?'
    """
    separator = _LABEL_SEPARATORS.get(normalize_locale(locale), ": ")
    return f"{name}{separator}{text}"


# A Han character next to a Latin letter or a digit, either way round.
_HAN_LATIN = re.compile(
    r"(?<=[0-9A-Za-z])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[0-9A-Za-z])"
)


def list_spaced(text: str, locale: str) -> str:
    """A list as ``locale`` writes it, Chinese and Latin text spaced apart.

    >>> list_spaced("Amazon.com、Amazon.ca和Amazon.com.mx", "zh_Hans")
    'Amazon.com、Amazon.ca 和 Amazon.com.mx'
    >>> list_spaced("专业和个人", "zh_Hant")
    '专业和个人'
    >>> list_spaced("A y B", "es_MX")
    'A y B'
    """
    if not normalize_locale(locale).startswith("zh"):
        return text
    return _HAN_LATIN.sub(" ", text)
