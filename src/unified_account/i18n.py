"""Rendering in the seller's language: the only place that speaks prose.

Decisions, resolved values and findings carry message ids and parameters;
this module turns them into text for one locale, always passed
explicitly.  Nothing here reads the process environment (``LANG``,
``LC_ALL``, ``LC_MONETARY``): the same call gives the same text on every
machine.

Catalogs are the ``.po`` files shipped in the package
(``unified_account/locale/<locale>/LC_MESSAGES/unified_account.po``), read
with Babel on first use and kept per locale; no compile step is needed.
Message ids are symbolic (``no-merge.denied``), so English is a locale
like the others, and a changed English wording never orphans a
translation.  Placeholders use ``str.format`` names (``{marketplace}``).

Money is formatted by Babel for the locale.  CLDR gives each locale's own
currency the bare symbol and qualifies the others (``$``, ``CA$`` and
``MX$`` in English; ``$``, ``$ US`` and ``MXN`` in Canadian French), so
USD, CAD and MXN amounts shown together are never ambiguous.
"""

from __future__ import annotations

import functools
import io
import re
import string
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ._excerpt import excerpt
from ._number_shapes import (
    MoneyShape,
    list_shape,
    money_shape,
    number_shape,
    shaped_decimal,
    shaped_list,
    shaped_money,
    shaped_number,
)
from ._package_data import package_text
from ._typography import currency_spaced, elide, elision_sites, list_spaced
from .decision import Decision
from .errors import (
    InvalidArgumentError,
    MissingMessageError,
)
from .locales import SUPPORTED_LOCALES, normalize_locale
from .model.marketplace import Marketplace

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from babel.core import Locale

    from .decision import ParamValue, Reason, Resolved, Term
    from .model.money import Money
    from .model.months import MonthText
    from .model.rates import RateText
    from .rules import Rule

__all__ = [
    "SUPPORTED_LOCALES",
    "RuleText",
    "catalog",
    "explain",
    "format_date_for",
    "format_money",
    "format_month_for",
    "format_param",
    "normalize_locale",
    "render",
    "render_reason",
    "rule_text",
    "translate",
]

DOMAIN = "unified_account"


@functools.cache
def catalog(locale: str) -> Mapping[str, str]:
    """Every message id of ``locale`` and its text, read from the package.

    Entries with an empty translation are left out, so a missing
    translation is a missing id, reported by :func:`translate`.
    """
    locale = normalize_locale(locale)
    text = package_text(
        __package__, "locale", locale, "LC_MESSAGES", f"{DOMAIN}.po"
    )
    messages = _simple_po(text)
    if messages is None:  # plurals, contexts: Babel reads those
        from babel.messages.pofile import read_po

        po = read_po(io.StringIO(text), locale=locale, domain=DOMAIN)
        messages = {
            str(message.id): str(message.string)
            for message in po
            if message.id and message.string
        }
    return MappingProxyType(messages)


_PO_ESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\t": "\t", "\\r": "\r"}
_PO_ESCAPE = re.compile(r'\\[\\"ntr]')


def _po_string(line: str) -> str | None:
    if len(line) < 2 or line[0] != '"' or line[-1] != '"':
        return None
    inner = line[1:-1]
    if "\\" not in inner:
        return inner
    return _PO_ESCAPE.sub(lambda m: _PO_ESCAPES[m.group()], inner)


def _simple_po(text: str) -> dict[str, str] | None:
    """The id and text of each message of a ``.po`` file of plain entries.

    The shipped catalogues hold only comments, ``msgid`` and ``msgstr``
    with continued strings, which this reads in a few milliseconds
    (Babel's full reader takes tens, a noticeable part of the command's
    start-up); a test checks it agrees with Babel on every shipped file.
    Anything else returns ``None``, for Babel to read.
    """
    messages: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None

    def finish() -> None:
        if "msgid" in parts:
            key, value = (
                "".join(parts["msgid"]),
                "".join(parts.get("msgstr", [])),
            )
            if key and value:
                messages[key] = value
        parts.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgstr"):
            if keyword == "msgid":
                finish()
            elif "msgid" not in parts or "msgstr" in parts:
                return None
            value = _po_string(rest.strip())
            if value is None:
                return None
            current = parts[keyword] = [value]
        elif line.startswith('"') and current is not None:
            value = _po_string(line)
            if value is None:
                return None
            current.append(value)
        else:
            return None
    finish()
    return messages


def translate(message_id: str, locale: str) -> str:
    """The text of ``message_id`` in ``locale``, placeholders unfilled.

    An id the catalog lacks raises
    :class:`~unified_account.errors.MissingMessageError`: every id the
    code uses is translated in every locale, and the test suite checks it.
    """
    try:
        return catalog(locale)[message_id]
    except KeyError:
        raise MissingMessageError(
            f"message `{excerpt(message_id)}` has no `{excerpt(locale)}` "
            "translation"
        ) from None


@functools.cache
def _babel_locale(locale: str) -> Locale:
    # One parsed Babel locale per supported locale, for every call.
    from babel.core import Locale

    return Locale.parse(normalize_locale(locale))


# Babel's number, date and list formatting load with the first value
# formatted: listing the rules or explaining one needs none of them.


# Each locale's patterns and symbols, read from Babel once, by name (a
# Babel locale hashes in Python code).
@functools.cache
def _money_shape(currency: str, locale: str) -> MoneyShape | None:
    return money_shape(currency, _babel_locale(locale))


@functools.cache
def _number_shape(locale: str) -> tuple[str, str] | None:
    return number_shape(_babel_locale(locale))


@functools.cache
def _list_shape(locale: str) -> Mapping[str, str] | None:
    return list_shape(_babel_locale(locale))


# Formatted values, per locale: a report formats the same prices,
# quantities and lists again and again.  Bounded, so memory is too.
_CACHE_SIZE = 1 << 16


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _money_text(amount: Decimal, currency: str, locale: str) -> str:
    shape = _money_shape(currency, locale)
    if shape is not None:
        text = shaped_money(amount, shape)
        if text is not None:
            return currency_spaced(text, shape[5])
    return _babel_money_text(amount, currency, locale)


def _babel_money_text(amount: Decimal, currency: str, locale: str) -> str:
    from babel.numbers import format_currency, get_currency_symbol

    from .model.money import local_context

    babel_locale = _babel_locale(locale)
    with local_context():  # never the caller's decimal context
        text = str(
            format_currency(
                amount,
                currency,
                locale=babel_locale,
                currency_digits=True,
            )
        )
    symbol = str(get_currency_symbol(currency, babel_locale))
    return currency_spaced(text, symbol)


@functools.lru_cache(maxsize=_CACHE_SIZE, typed=True)
def _number_text(value: int | Decimal, locale: str) -> str:
    kind = type(value)
    if kind is int or kind is Decimal:
        shape = _number_shape(locale)
        if shape is not None:
            text = (
                shaped_number(value, shape)  # type: ignore[arg-type]
                if kind is int
                else shaped_decimal(value, shape)  # type: ignore[arg-type]
            )
            if text is not None:
                return text
    return _babel_number_text(value, locale)


def _babel_number_text(value: int | Decimal, locale: str) -> str:
    from babel.numbers import format_decimal

    from .model.money import local_context

    with local_context():  # never the caller's decimal context
        # Every digit given is kept: a rate of 0.0547 is not 0.055.
        return str(
            format_decimal(
                value, locale=_babel_locale(locale), decimal_quantization=False
            )
        )


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _list_text(items: tuple[str, ...], locale: str) -> str:
    patterns = _list_shape(locale)
    if patterns is None:
        return _babel_list_text(items, locale)
    return list_spaced(shaped_list(items, patterns), locale)


def _babel_list_text(items: tuple[str, ...], locale: str) -> str:
    from babel.lists import format_list

    text = str(format_list(list(items), locale=_babel_locale(locale)))
    return list_spaced(text, locale)


def format_money(money: Money, locale: str) -> str:
    r"""``money`` in ``locale``'s currency format, at the currency's precision.

    >>> from unified_account import Money
    >>> format_money(Money("29.99", "CAD"), "en")
    'CA$29.99'
    >>> format_money(Money("29.99", "CAD"), "fr_CA")
    '29,99\xa0$'
    """
    return _money_text(money.amount, money.currency, locale)


def format_date_for(value: date, locale: str) -> str:
    """``value`` as ``locale`` writes a date in full (``November 1, 2026``)."""
    from babel.dates import format_date

    return str(format_date(value, "long", locale=_babel_locale(locale)))


def format_month_for(value: date, locale: str) -> str:
    """The month of ``value`` as ``locale`` writes it (``July 2026``)."""
    from babel.dates import format_skeleton

    return str(format_skeleton("yMMMM", value, locale=_babel_locale(locale)))


@functools.cache
def _kinds() -> tuple[
    type[Money], type[Term], type[RateText], type[MonthText]
]:
    # The value classes load with the first parameter formatted, so
    # listing the rules does not load the model and the decisions.
    from .decision import Term
    from .model.money import Money
    from .model.months import MonthText
    from .model.rates import RateText

    return Money, Term, RateText, MonthText


def format_param(value: ParamValue, locale: str) -> str:
    """One message parameter, rendered for ``locale``.

    Money and dates by Babel; numbers with the locale's separators; a
    marketplace by its name (``Amazon.ca``); a :class:`Term` translated;
    a tuple as the locale writes a list (``A, B and C``).
    """
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is Marketplace:
        return value.display_name  # type: ignore[union-attr]
    money, term, rate, month = _kinds()
    if kind is rate:  # ``MXN/USD 0,0547``: the locale's decimal sign
        pair, number = value.parts  # type: ignore[union-attr]
        return f"{pair} {_number_text(number, locale)}"
    if kind is month:  # ``July 2026``: as the locale writes a month
        return format_month_for(value.first_day, locale)  # type: ignore[union-attr]
    if kind is money:
        return _money_text(value.amount, value.currency, locale)  # type: ignore[union-attr]
    if isinstance(value, money):
        return format_money(value, locale)
    # A Marketplace is always of that exact type (an enum with members
    # cannot be subclassed): it was answered above.
    if isinstance(value, term):
        return translate(value.message_id, locale)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | Decimal):
        return _number_text(value, locale)
    if isinstance(value, date):
        return format_date_for(value, locale)
    if isinstance(value, tuple):
        items = tuple(format_param(item, locale) for item in value)
        if not items:
            return "-"
        return _list_text(items, locale)
    return str(value)


@functools.lru_cache(maxsize=1024)
def placeholders(template: str) -> frozenset[str]:
    """The ``{name}`` placeholders of a message template."""
    return frozenset(
        name
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    )


def render(
    message_id: str,
    params: Mapping[str, ParamValue] | Iterable[tuple[str, ParamValue]],
    locale: str,
) -> str:
    """The message ``message_id`` in ``locale``, its placeholders filled.

    >>> render("na-scope.out-of-scope",
    ...        {"marketplace": Marketplace.DE,
    ...         "scope": (Marketplace.US, Marketplace.CA, Marketplace.MX)},
    ...        "en")
    'Amazon.de is not part of the North America unified account, which \
spans Amazon.com, Amazon.ca, and Amazon.com.mx'
    """
    try:
        # A finding's or a reason's parameters are a tuple of pairs.
        items = dict(
            params
            if type(params) is tuple
            else params.items()
            if hasattr(params, "items")
            else params
        )
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            f"`{excerpt(params, as_repr=True)}` is not a mapping or pairs "
            "of names and values (an argument of `render`)",
            function="render",
            field="params",
        ) from None
    template = translate(message_id, locale)
    values = {
        name: format_param(value, locale) for name, value in items.items()
    }
    served = normalize_locale(locale)
    for site, name in elision_sites(template, served):
        if name in values and _names_a_marketplace(items[name]):
            # ``de {home}`` before Amazon.com: ``d'Amazon.com``
            template = template.replace(
                site, elide(site, values[name], served)
            )
    needed = placeholders(template)
    if not values.keys() >= needed:
        missing = needed - values.keys()
        raise MissingMessageError(
            f"message `{excerpt(message_id)}` needs parameters: "
            + ", ".join(sorted(missing))
        )
    return template.format(**values)


def _names_a_marketplace(value: object) -> bool:
    """Whether ``value`` is a marketplace, or a list that begins with one."""
    if isinstance(value, tuple):
        return bool(value) and isinstance(value[0], Marketplace)
    return isinstance(value, Marketplace)


def render_reason(reason: Reason, locale: str) -> str:
    """One reason of a decision, as a sentence in ``locale``."""
    return render(reason.message_id, reason.params, locale)


def explain(
    decision: Decision | Resolved[Any], locale: str
) -> tuple[str, ...]:
    """Each reason of ``decision``, then each of its errors, rendered.

    ``decision`` is a :class:`~unified_account.decision.Decision` (its
    determining reasons, then its evaluation errors) or a
    :class:`~unified_account.decision.Resolved` value (the reasons that
    produced the value; it has no errors).

    >>> from unified_account import evaluate_merge, example_snapshot
    >>> seller = example_snapshot()
    >>> a, b = seller.account, seller.separate_accounts[0]
    >>> print(*explain(evaluate_merge(a, b), "en"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Accounts A1EXAMPLEUS (registered on Amazon.com) and A2EXAMPLECA
    (registered on Amazon.ca) can never be merged; each has its own
    unified account

    >>> from unified_account import offer_marketplaces
    >>> print(*explain(offer_marketplaces(seller.account), "en"))
    ... # doctest: +NORMALIZE_WHITESPACE
    Registered on Amazon.com, the account lists products in Amazon.com,
    Amazon.ca, and Amazon.com.mx

    .. versionchanged:: 0.2.0
       Accepts a :class:`~unified_account.decision.Resolved` too.
    """
    reasons = decision.reasons
    if isinstance(decision, Decision):
        reasons += decision.errors
    return tuple(render_reason(reason, locale) for reason in reasons)


@attrs.frozen
class RuleText:
    """A rule's texts in one locale."""

    key: str
    title: str
    question: str
    summary: str
    example: str


def rule_text(rule: Rule, locale: str) -> RuleText:
    """The title, FAQ question, summary and example of ``rule``."""
    return RuleText(
        key=str(rule.key),
        title=translate(rule.title, locale),
        question=translate(rule.question, locale),
        summary=translate(rule.summary, locale),
        example=translate(rule.example, locale),
    )
