"""Which supported locale serves a locale name as people and systems write it.

SP-API and CLDR write ``en_US``, ``fr_CA`` or ``es_MX``; people write
``fr``, ``es``, ``zh_TW``, ``zh-Hant`` or ``en-GB``.  Each name is read as
a BCP 47 / CLDR identifier (``-`` or ``_``, any case, a POSIX
``.UTF-8`` or ``@euro`` tail ignored), completed by CLDR's likely
subtags (``zh_TW`` is written in Traditional Chinese, ``zh`` and
``zh_CN`` in Simplified), and served by the supported locale of the same
language and script: every English by ``en``, every Spanish by
``es_MX``, every French by ``fr_CA``.  A name whose language (or Chinese
script) no catalog covers is refused with the list of supported locales;
nothing falls back to English silently.

Nothing here reads the process environment.
"""

from __future__ import annotations

import functools

import attrs

from ._excerpt import excerpt
from .errors import UnsupportedLocaleError

__all__ = [
    "SUPPORTED_LOCALES",
    "ServedLocale",
    "normalize_locale",
    "resolve_locale",
]

SUPPORTED_LOCALES = ("en", "zh_Hant", "zh_Hans", "es_MX", "fr_CA")
"""The locales every message is translated into."""

# The language and script of each supported locale (CLDR's likely
# subtags give the script of ``en``, ``es_MX`` and ``fr_CA``).  One
# supported locale per pair, so a pair names the locale that serves it.
_SERVES = {
    ("en", "Latn"): "en",
    ("zh", "Hant"): "zh_Hant",
    ("zh", "Hans"): "zh_Hans",
    ("es", "Latn"): "es_MX",
    ("fr", "Latn"): "fr_CA",
}


@attrs.frozen
class ServedLocale:
    """A locale name as given and the supported locale that serves it.

    ``exact`` is true when ``requested`` is a spelling of ``served``
    itself (``fr-CA``, ``ZH_HANT``), false when it falls back to it
    (``fr``, ``fr_FR`` and ``fr-BE`` are all served by ``fr_CA``).

    .. versionadded:: 0.3.0
    """

    requested: str
    served: str
    exact: bool


def _refuse(locale: object) -> UnsupportedLocaleError:
    return UnsupportedLocaleError(
        f"unsupported locale `{excerpt(locale)}`; the supported locales are: "
        + ", ".join(SUPPORTED_LOCALES)
    )


def _script(language: str, script: str | None, territory: str | None) -> str:
    """The script of a language, as written or by CLDR's likely subtags."""
    if script is not None:
        return script
    from babel.core import get_global

    likely = get_global("likely_subtags")
    for key in (f"{language}_{territory}", language):
        found = likely.get(key)
        if found is not None:
            from babel.core import parse_locale

            return parse_locale(found)[2] or ""
    return ""


@functools.lru_cache(maxsize=256)
def _resolve(locale: str) -> ServedLocale:
    wanted = locale.replace("-", "_")
    for supported in SUPPORTED_LOCALES:
        if supported.casefold() == wanted.casefold():
            return ServedLocale(locale, supported, exact=True)
    from babel.core import parse_locale

    try:
        parts = parse_locale(wanted)
    except ValueError:
        raise _refuse(locale) from None
    language, territory, script = parts[0], parts[1], parts[2]
    served = _SERVES.get(
        (language, _script(language, script and script.title(), territory))
    )
    if served is None:
        raise _refuse(locale)
    return ServedLocale(locale, served, exact=False)


def resolve_locale(locale: str) -> ServedLocale:
    """The supported locale that serves ``locale``, and whether exactly.

    >>> resolve_locale("zh_TW")
    ServedLocale(requested='zh_TW', served='zh_Hant', exact=False)
    >>> resolve_locale("fr-CA").served
    'fr_CA'

    A name no supported locale can serve raises
    :class:`~unified_account.errors.UnsupportedLocaleError`, which lists
    the supported ones.

    .. versionadded:: 0.3.0
    """
    if not isinstance(locale, str):
        raise _refuse(locale)
    return _resolve(locale)


def normalize_locale(locale: str) -> str:
    """Return the supported locale that serves ``locale``, or raise.

    ``zh-Hant`` and ``zh_hant`` both name ``zh_Hant``; ``fr`` and
    ``fr_FR`` are served by ``fr_CA``, ``zh_TW`` by ``zh_Hant``, ``en_US``
    by ``en`` (see :func:`resolve_locale`).  A locale with no fallback
    raises :class:`~unified_account.errors.UnsupportedLocaleError`
    listing the supported ones; there is no silent fallback to English.

    >>> normalize_locale("fr-CA")
    'fr_CA'
    >>> normalize_locale("es")
    'es_MX'
    """
    served = _SERVED.get(locale) if type(locale) is str else None
    if served is None:
        served = resolve_locale(locale).served
        if len(_SERVED) < _SERVED_SIZE:  # every call renders: keep it quick
            _SERVED[locale] = served
    return served


# The locale serving each name asked for, for the names seen first.
_SERVED: dict[str, str] = {}
_SERVED_SIZE = 256
