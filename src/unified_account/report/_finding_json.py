"""Findings as the JSON report writes them, text built from pieces.

``report --all --format json`` writes every finding, hundreds of
thousands for a large catalogue, each as
``json.dumps(finding_document(finding, locale), ensure_ascii=False)``:
a dictionary of dictionaries built, then walked again by the encoder,
and an identity document built and encoded for the key.
:class:`FindingJson` writes the same text, byte for byte, from the
finding's fields.  For each message id and tuple of parameter names it
generates a function (:func:`_writer`) that fills in pieces worked out
once: the template's words, the names as JSON, the constant parts of
the object and of the key's identity document.  A subject's two JSON
forms are kept while consecutive findings share it
(:mod:`._subject_json`); a price, a quantity or a list of marketplaces
is encoded once per distinct value.  A message id's first findings,
and anything out of the ordinary (a subject field that is not text, a
parameter name twice, a template that elides before a marketplace or
lacks a value), are written by the general path, so the output never
depends on which path wrote it; the tests compare the two on generated
findings in every locale.
"""

from __future__ import annotations

import functools
import hashlib
import json
import string
from collections.abc import Callable
from json.encoder import encode_basestring
from types import CodeType
from typing import Any

from .._typography import elision_sites
from ..i18n import format_param, translate
from ..locales import normalize_locale
from ..model.marketplace import Marketplace
from ..model.money import Money
from ..rules import RuleKey
from ._subject_json import subject_texts
from .finding import Finding, FindingOutcome
from .identity import DESCRIBING, KEY_LENGTH, WHOLLY_IDENTIFIED, param_json
from .subject import Subject

__all__ = ["FindingJson", "finding_text"]

# ``json.dumps(value, ensure_ascii=False)`` with its encoder built once.
_dumps = json.JSONEncoder(ensure_ascii=False).encode
# The key's form: sorted keys, no spaces (see ``identity.digest``).
_canonical = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":")
).encode
# A string as JSON, as ``ensure_ascii=False`` writes it (C speed).
_string: Callable[[str], str] = encode_basestring
_sha256 = hashlib.sha256

# Distinct values kept per writer, then forgotten: memory stays bounded.
_CACHE_SIZE = 1 << 16


def finding_text(finding: Finding, locale: str) -> str:
    """``finding`` as the JSON report's object: the general path."""
    from .formats import finding_document

    return _dumps(finding_document(finding, locale))


# How many findings of a message id the general path writes before its
# writer is made: making one costs what writing some 25 findings saves,
# and a small report has a few findings of many message ids.
_SEEN = 16

# What a message id's writer returns for parameters of other names.
_OTHER_NAMES = object()


def _other_names(*_: object) -> object:
    return _OTHER_NAMES


class _Plan:
    """What every finding of one message id shares, in one locale.

    ``write`` writes a finding whose parameters have the names it was
    made for (:func:`_writer`); ``writers`` holds one per tuple of
    names met; ``unwritten`` counts the findings the general path
    wrote before (see ``_SEEN``).
    """

    __slots__ = (
        "describing",
        "eliding",
        "message_id",
        "template",
        "unwritten",
        "write",
        "writers",
    )

    def __init__(self, message_id: str, locale: str) -> None:
        self.message_id = message_id
        self.template = translate(message_id, locale)
        # The placeholders after a word that elides before a vowel
        # (``de {sku}``): a finding whose value there is a marketplace
        # (``d'Amazon.ca``) is rendered by ``render``, which knows how.
        sites = elision_sites(self.template, normalize_locale(locale))
        self.eliding = frozenset(name for _, name in sites)
        self.describing = (
            frozenset() if message_id in WHOLLY_IDENTIFIED else DESCRIBING
        )
        self.write: Callable[..., object] = _other_names
        self.writers: dict[tuple[str, ...], Callable[..., object]] = {}
        self.unwritten = 0


def _writer(
    plan: _Plan,
    names: tuple[str, ...],
    value: Callable[[Any], Any],
    places: dict[Marketplace, tuple[str, str]],
) -> Callable[..., object]:
    """A function that writes the findings of ``plan`` with ``names``.

    Generated, as attrs generates methods: the parameters unpacked and
    their names checked, each value encoded, the message, the key's
    identity document and the object written as f-strings of pieces
    worked out here.  It takes the parameters, the rule and outcome
    members, the subject's two forms and the rule as JSON; it returns
    the text, ``None`` for the general path, or ``_OTHER_NAMES``.  Only
    names (``n0``, ``C3``) are written in its source, never a value.
    """
    pieces: dict[str, object] = {
        "S": _string,
        "SHA": _sha256,
        "value": value,
        "OTHER": _OTHER_NAMES,
        "Marketplace": Marketplace,
        "PLACES": places,
    }

    def constant(text: str) -> str:
        name = f"C{len(pieces)}"
        pieces[name] = text
        return f"{{{name}}}"

    count = len(names)
    fields = [
        (field, spec, conversion)
        for _, field, spec, conversion in _FORMATTER.parse(plan.template)
        if field is not None
    ]
    plain = (
        all(type(name) is str for name in names)
        and len(set(names)) == count
        and all(
            field in names and not spec and conversion is None
            for field, spec, conversion in fields
        )
    )
    lines = ["def write(params, head, subject, subject_key, rule):"]
    if count:
        lines += [
            "    try:",
            "        "
            + "".join(f"(n{i}, v{i}), " for i in range(count))
            + "= params",
            "    except ValueError:",
            "        return OTHER",
        ]
        pieces |= {f"N{i}": name for i, name in enumerate(names)}
        lines.append(
            "    if "
            + " or ".join(f"n{i} != N{i}" for i in range(count))
            + ":"
        )
        lines.append("        return OTHER")
    else:
        lines += ["    if params:", "        return OTHER"]
    if not plain:
        # A name twice, or a placeholder without its value: the general
        # path writes it, or raises what it raises.
        lines.append("    return None")
        return _compiled(lines, pieces)
    for i, name in enumerate(names):
        lines += [
            f"    kind = type(v{i})",
            "    if kind is str:",
            f"        j{i} = k{i} = S(v{i})",
            f"        w{i} = v{i}",
        ]
        if name in plan.eliding:
            lines += [
                "    elif kind is not int:",
                "        return None",
            ]
        else:
            lines += [
                "    elif kind is Marketplace:",
                f"        j{i}, w{i} = PLACES[v{i}]",
                f"        k{i} = j{i}",
            ]
        lines += ["    else:", f"        j{i}, k{i}, w{i} = value(v{i})"]
    index = {name: i for i, name in enumerate(names)}
    message = "".join(
        constant(literal) + ("" if field is None else f"{{w{index[field]}}}")
        for literal, field, _, _ in _FORMATTER.parse(plan.template)
    )
    lines.append(f"    message = f{message!r}")
    identity = constant(
        f'{{"message_id":{_string(plan.message_id)},"params":{{'
    )
    keyed = [i for i, name in enumerate(names) if name not in plan.describing]
    for number, i in enumerate(keyed):
        comma = "," if number else ""
        identity += constant(f"{comma}{_string(names[i])}:") + f"{{k{i}}}"
    identity += constant('},"rule":') + "{rule}" + constant(',"subject":')
    identity += "{subject_key}" + constant("}")
    lines += [
        f"    identity = f{identity!r}",
        '    key = SHA(identity.encode("utf-8", "surrogatepass")).hexdigest()',
    ]
    line = constant('{"key": "') + f"{{key[:{KEY_LENGTH}]}}"
    line += constant('", ') + "{head}" + constant(', "subject": ')
    line += "{subject}" + constant(', "message": ') + "{S(message)}"
    line += constant(
        f', "message_id": {_string(plan.message_id)}, "params": {{'
    )
    for i, name in enumerate(names):
        comma = ", " if i else ""
        line += constant(f"{comma}{_string(name)}: ") + f"{{j{i}}}"
    line += constant("}}")
    lines.append(f"    return f{line!r}")
    return _compiled(lines, pieces)


def _compiled(
    lines: list[str], pieces: dict[str, object]
) -> Callable[..., object]:
    exec(_code("\n".join(lines)), pieces)
    return pieces["write"]  # type: ignore[return-value]


@functools.lru_cache(maxsize=1024)
def _code(source: str) -> CodeType:
    """``source`` compiled, once per process.

    A report's writers, and the next report's, share the few shapes a
    report's findings have.
    """
    return compile(source, "<finding JSON>", "exec")


_FORMATTER = string.Formatter()


class FindingJson:
    """Writes findings in one locale as the JSON report's objects.

    ``writer(finding)`` is
    ``json.dumps(finding_document(finding, locale), ensure_ascii=False)``,
    the same text, written faster.  A writer keeps what it has worked
    out (per message id, per value) for the findings that follow; use
    one per report.
    """

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._plans: dict[str, _Plan] = {}
        self._heads: dict[RuleKey, tuple[str, dict[FindingOutcome, str]]] = {}
        self._subject: Subject | None = None
        self._subject_texts = ("", "")
        self._values: dict[object, tuple[str, str, str]] = {}
        self._money: dict[tuple[str, str], tuple[str, str, str]] = {}
        # Each marketplace's JSON and name, for a parameter.
        self._places = {
            place: (_dumps(param_json(place)), format_param(place, locale))
            for place in Marketplace
        }

    def __call__(self, finding: Finding) -> str:
        """``finding`` as JSON text, on one line."""
        try:
            text = self._fast(finding)
        except Exception:
            # A value of a kind the fast path does not expect (a subject
            # field that is not text, a message id no catalogue has):
            # the general path writes it, or raises what it raises.
            text = None
        return finding_text(finding, self.locale) if text is None else text

    def _fast(self, finding: Finding) -> str | None:
        message_id = finding.message_id
        plan = self._plans.get(message_id)
        if plan is None:
            plan = self._plans[message_id] = _Plan(message_id, self.locale)
        subject = finding.subject
        if subject is not self._subject:
            self._subject_texts = subject_texts(subject)
            self._subject = subject
        rule = finding.rule
        heads = self._heads.get(rule)
        if heads is None:
            heads = self._heads[rule] = _rule_heads(rule)
        params = finding.params
        arguments = (
            params,
            heads[1][finding.outcome],
            *self._subject_texts,
            heads[0],
        )
        text = plan.write(*arguments)
        if text is _OTHER_NAMES:
            names = tuple(name for name, _ in params)
            write = plan.writers.get(names)
            if write is None:
                if plan.unwritten < _SEEN:
                    plan.unwritten += 1
                    return None
                write = plan.writers[names] = _writer(
                    plan, names, self._value, self._places
                )
            plan.write = write
            text = write(*arguments)
            if text is _OTHER_NAMES:  # a name unequal to itself
                return None
        return text  # type: ignore[return-value]

    def _value(self, value: object) -> tuple[str, str, str]:
        """A parameter's JSON, its JSON in the key and its text."""
        kind = type(value)
        if kind is int:
            cached = self._values.get(value)
            if cached is None:
                text = repr(value)
                words = format_param(value, self.locale)  # type: ignore[arg-type]
                cached = (text, text, words)
                self._remember(value, cached)
            return cached
        if kind is tuple:
            # Lists of marketplaces repeat, and compare equal only to
            # themselves: each is worked out once.
            cached = self._values.get(value)
            if cached is not None:
                return cached
            if not all(
                type(item) is Marketplace
                for item in value  # type: ignore[attr-defined]
            ):
                return self._general(value)
            cached = self._general(value)
            self._remember(value, cached)
            return cached
        if kind is Money:
            # Prices repeat: each amount is written once.  By its text,
            # not its value: 0.00 and -0.00 are equal, but not written so.
            amount = str(value.amount)  # type: ignore[attr-defined]
            currency = value.currency  # type: ignore[attr-defined]
            cached = self._money.get((amount, currency))
            if cached is None:
                amount, currency = _string(amount), _string(currency)
                cached = (
                    f'{{"amount": {amount}, "currency": {currency}}}',
                    f'{{"amount":{amount},"currency":{currency}}}',
                    format_param(value, self.locale),  # type: ignore[arg-type]
                )
                if len(self._money) >= _CACHE_SIZE:
                    self._money.clear()
                self._money[str(value.amount), value.currency] = cached  # type: ignore[attr-defined]
            return cached
        # Anything else, written as the document writes it.
        return self._general(value)

    def _general(self, value: Any) -> tuple[str, str, str]:
        document = param_json(value)
        return (
            _dumps(document),
            _canonical(document),
            format_param(value, self.locale),
        )

    def _remember(self, value: object, texts: tuple[str, str, str]) -> None:
        if len(self._values) >= _CACHE_SIZE:
            self._values.clear()
        self._values[value] = texts


def _rule_heads(rule: RuleKey) -> tuple[str, dict[FindingOutcome, str]]:
    """A rule as JSON, and its ``rule`` and ``outcome`` members per level."""
    text = _string(rule.value)
    return text, {
        outcome: f'"rule": {text}, "outcome": {_string(outcome.value)}'
        for outcome in FindingOutcome
    }
