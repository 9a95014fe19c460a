"""The JSON report's findings, written from pieces, are the documents' text.

:class:`~unified_account.report._finding_json.FindingJson` writes each
finding without building its document; whatever it writes must be
``json.dumps(finding_document(finding, locale), ensure_ascii=False)``,
byte for byte, or raise what that raises: on generated findings of
every message id with parameters of every kind, on the shapes of
snapshot the benchmarks use, and through the streamed report.
"""

from __future__ import annotations

import functools
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import example_snapshot, load_snapshot
from unified_account.decision import Term
from unified_account.errors import MissingMessageError
from unified_account.locales import SUPPORTED_LOCALES
from unified_account.message_ids import MESSAGES, ParamKind
from unified_account.model.marketplace import Marketplace
from unified_account.model.money import Money
from unified_account.policy.terms import INFO_FIELD_TERMS, PLAN_TERMS
from unified_account.report import _finding_json, iter_findings, stream
from unified_account.report._finding_json import FindingJson
from unified_account.report._subject_json import subject_texts
from unified_account.report.finding import Finding, FindingOutcome
from unified_account.report.formats import finding_document
from unified_account.report.identity import identity_document
from unified_account.report.records import subject_json
from unified_account.report.stream import write_report
from unified_account.report.subject import Subject, SubjectKind
from unified_account.rules import RuleKey

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"
LOCALES = tuple(SUPPORTED_LOCALES)


@pytest.fixture(autouse=True)
def _written_from_the_first(monkeypatch):
    """Each message id's writer is made for its first finding.

    (A report has the general path write the first few of each.)
    """
    monkeypatch.setattr(_finding_json, "_SEEN", 0)


def document_text(finding: Finding, locale: str) -> str:
    """What the JSON report wrote for ``finding`` before the writer."""
    return json.dumps(finding_document(finding, locale), ensure_ascii=False)


def result(write, finding: Finding, locale: str):
    """``write``'s text, or the type and text of what it raised."""
    try:
        return write(finding, locale)
    except Exception as error:  # compared, not handled
        return type(error), str(error)


def written(findings, locale):
    """Each finding through one writer (its caches shared), as results."""
    writer = FindingJson(locale)
    return [result(lambda f, _: writer(f), f, locale) for f in findings]


def expected(findings, locale):
    return [result(document_text, f, locale) for f in findings]


# --- generated findings -------------------------------------------------

# Text with what JSON escapes: quotes, backslashes, controls, non-ASCII,
# lone surrogates.
texts = st.text(
    alphabet=st.characters(exclude_categories=()), max_size=8
) | st.sampled_from(("", '"', "\\", "\n\t", "é", "中文", "\ud800", "null"))
marketplaces = st.sampled_from(Marketplace)
terms = st.sampled_from(
    tuple(PLAN_TERMS.values()) + tuple(INFO_FIELD_TERMS.values())
)
amounts = st.decimals(
    min_value=-(10**6), max_value=10**6, places=2, allow_nan=False
) | st.sampled_from((Decimal("-0.00"), Decimal("0.00"), Decimal("0.50")))
money = st.builds(Money, amounts, st.sampled_from(("USD", "CAD", "MXN")))
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=4)
KINDS = {
    ParamKind.TEXT: texts,
    ParamKind.INTEGER: st.integers() | st.integers(-3, 3),
    ParamKind.DECIMAL: decimals,
    ParamKind.MONEY: money,
    ParamKind.DATE: st.dates(),
    ParamKind.DATES: st.lists(st.dates(), max_size=3).map(tuple),
    ParamKind.MARKETPLACE: marketplaces,
    ParamKind.MARKETPLACES: st.lists(marketplaces, max_size=4).map(tuple),
    ParamKind.TEXTS: st.lists(texts, max_size=3).map(tuple),
    ParamKind.TERM: terms,
    ParamKind.TERMS: st.lists(terms, max_size=3).map(tuple),
}
any_value = st.one_of(*KINDS.values())
# Most values of the kind the message lists, some of another.
VALUES = {kind: values | any_value for kind, values in KINDS.items()}
SPECS = tuple(MESSAGES.values())
RULES = tuple(RuleKey)
subjects = st.builds(
    Subject,
    kind=st.sampled_from(SubjectKind),
    account=st.none() | texts,
    other_account=st.none() | texts,
    marketplace=st.none() | marketplaces,
    sku=st.none() | texts,
    asin=st.none() | texts,
    brand=st.none() | texts,
    reference=st.none() | texts,
    currency=st.none() | texts,
)


@st.composite
def findings(draw, subjects_drawn):
    """A finding of a real message id, each parameter of its kind or not.

    Most parameters are of the kind the message lists; some of another
    kind, some optional ones left out, some extra (identifying or not).
    """
    spec = SPECS[draw(st.integers(0, len(SPECS) - 1))]
    params = {}
    for param in spec.params:
        if param.optional and draw(st.booleans()):
            continue
        params[param.name] = draw(VALUES[param.kind])
    extra = draw(st.sampled_from((None, "count", "colour", "units")))
    if extra is not None:
        params[extra] = draw(any_value)
    rule = draw(st.just(spec.rule) | st.sampled_from(RULES))
    return Finding(
        rule,
        draw(st.sampled_from(FindingOutcome)),
        draw(st.sampled_from(subjects_drawn)),
        spec.message_id,
        params,
    )


@st.composite
def finding_lists(draw):
    """Findings that share subjects and values, as a report's do."""
    shared = draw(st.lists(subjects, min_size=1, max_size=2))
    return draw(st.lists(findings(shared), min_size=1, max_size=3))


@given(finding_lists(), st.sampled_from(LOCALES))
def test_every_finding_is_its_document_text(findings, locale):
    """Byte for byte, in every locale, or the same error."""
    assert written(findings, locale) == expected(findings, locale)


catalogue_subjects = st.builds(
    Subject,
    kind=st.sampled_from(SubjectKind),
    marketplace=st.none() | marketplaces,
    sku=texts,
    asin=texts,
)


@given(subjects | catalogue_subjects)
def test_a_subject_is_written_as_its_document_and_its_keys_part(subject):
    """The report's form, and the key's: the fields set, sorted, compact."""
    shown, keyed = subject_texts(subject)
    assert shown == json.dumps(subject_json(subject), ensure_ascii=False)
    document = identity_document(RuleKey("no-merge"), subject, "m", ())
    assert keyed == json.dumps(
        document["subject"],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


# --- named examples -----------------------------------------------------

LISTING = Subject(
    kind=SubjectKind.LISTING, sku="MUG-1", marketplace=Marketplace.CA
)


def pool(**params) -> Finding:
    base = {"marketplace": Marketplace.CA, "quantity": 3, "sku": "MUG-1"}
    return Finding(
        RuleKey("fba-pool-separation"),
        FindingOutcome.INFO,
        LISTING,
        "fba-pool-separation.pool",
        base | params,
    )


def test_a_plain_finding_is_its_document_text():
    finding = pool()
    text = FindingJson("en")(finding)
    assert text == document_text(finding, "en")
    assert json.loads(text)["key"] == finding.key


@pytest.mark.parametrize("locale", LOCALES)
def test_the_example_report_is_its_document_text(locale):
    findings = list(iter_findings(example_snapshot()))
    assert written(findings, locale) == expected(findings, locale)


@functools.cache
def shape_findings(shape: str) -> list[Finding]:
    return list(iter_findings(load_snapshot(SHAPES / f"{shape}.json")))


@pytest.mark.parametrize("shape", ["plain", "attributes"])
@pytest.mark.parametrize("locale", LOCALES)
def test_the_benchmark_shapes_are_their_document_text(shape, locale):
    findings = shape_findings(shape)
    assert written(findings, locale) == expected(findings, locale)


def test_a_subject_field_that_is_not_text_takes_the_general_path():
    """Subject fields are not checked: JSON writes a number as a number."""
    odd = Subject(kind=SubjectKind.ACCOUNT, account=7)  # type: ignore[arg-type]
    finding = Finding(
        RuleKey("fba-pool-separation"),
        FindingOutcome.INFO,
        odd,
        "fba-pool-separation.pool",
        {"marketplace": Marketplace.CA, "quantity": 3, "sku": "MUG-1"},
    )
    text = FindingJson("en")(finding)
    assert text == document_text(finding, "en")
    assert json.loads(text)["subject"]["account"] == 7


def test_a_subject_marketplace_that_is_not_one_takes_the_general_path():
    odd = Subject(kind=SubjectKind.LISTING, marketplace="CA")  # type: ignore[arg-type]
    finding = pool()
    finding = Finding(
        finding.rule, finding.outcome, odd, finding.message_id, finding.params
    )
    # Neither path can write it: the same error from both.
    assert written([finding], "en") == expected([finding], "en")
    assert written([finding], "en")[0][0] is AttributeError


def test_a_parameter_named_twice_is_written_once_as_a_dict_keeps_it():
    twice = pool()
    twice = Finding(
        twice.rule,
        twice.outcome,
        twice.subject,
        twice.message_id,
        (
            ("marketplace", Marketplace.CA),
            ("quantity", 3),
            ("quantity", 4),
            ("sku", "MUG-1"),
        ),
    )
    text = FindingJson("en")(twice)
    assert text == document_text(twice, "en")
    assert json.loads(text)["params"]["quantity"] == 4


def test_a_name_unequal_to_itself_takes_the_general_path():
    class Odd(str):
        __hash__ = str.__hash__

        def __ne__(self, other: object) -> bool:
            return True

    base = pool()
    finding = Finding(
        base.rule,
        base.outcome,
        base.subject,
        base.message_id,
        (*base.params, (Odd("units"), 5)),
    )
    assert written([finding, base], "en") == expected([finding, base], "en")


def test_findings_of_one_message_id_with_other_names_are_each_written():
    """One message id, parameters named differently from one to the next."""
    findings = [pool(), pool(units=2), pool(), pool(units=3, price=4)]
    findings.append(
        Finding(
            RuleKey("fba-pool-separation"),
            FindingOutcome.INFO,
            LISTING,
            "fba-pool-separation.pool",
        )
    )
    assert written(findings, "en") == expected(findings, "en")


def test_a_missing_parameter_raises_what_render_raises():
    finding = Finding(
        RuleKey("fba-pool-separation"),
        FindingOutcome.INFO,
        LISTING,
        "fba-pool-separation.pool",
        {"marketplace": Marketplace.CA},
    )
    with pytest.raises(MissingMessageError, match="needs parameters"):
        FindingJson("en")(finding)
    assert written([finding], "en") == expected([finding], "en")


def test_a_money_of_another_type_takes_the_general_path():
    class Price(Money):
        pass

    finding = pool(price=Price("1.50", "USD"))
    assert written([finding], "en") == expected([finding], "en")


def test_a_money_currency_that_is_not_text_is_written_as_before():
    odd = Money("1.50", "USD")
    object.__setattr__(odd, "currency", 840)
    finding = pool(price=odd)
    assert written([finding], "en") == expected([finding], "en")


@pytest.mark.parametrize(
    "value",
    [
        date(2026, 7, 1),
        Decimal("1.3500"),
        Term("term.plan.professional"),
        ("a", "b"),
        (Marketplace.US, Marketplace.CA),
        (),
        -0,
        10**30,
        Money("-0.00", "USD"),
        Money("0.00", "USD"),
    ],
)
def test_each_kind_of_value_is_written_as_its_json(value):
    findings = [pool(units=value), pool(units=value), pool()]
    assert written(findings, "fr_CA") == expected(findings, "fr_CA")


def test_zero_and_negative_zero_money_stay_apart():
    """Equal values, written differently: the cache keys on the text.

    (``Money`` writes -0.00 as 0.00; one made otherwise is still written
    as it is.)
    """
    negative = Money("0.00", "USD")
    object.__setattr__(negative, "amount", Decimal("-0.00"))
    findings = [pool(price=Money("0.00", "USD")), pool(price=negative)]
    texts = written(findings, "en")
    assert texts == expected(findings, "en")
    assert '"-0.00"' in texts[1]


@pytest.mark.parametrize("locale", ["fr_CA", "fr", "fr-CA"])
def test_a_french_template_that_elides_is_rendered_by_render(locale):
    """``de {sku}`` before Amazon.com: ``d'Amazon.com``, however named."""
    findings = [pool(sku="MUG-1"), pool(sku=Marketplace.US), pool(sku=4)]
    texts = written(findings, locale)
    assert texts == expected(findings, locale)
    assert "de MUG-1" in texts[0]
    assert "d'Amazon.com" in texts[1]
    assert "de 4" in texts[2]


def test_a_message_id_without_a_translation_raises_as_before():
    finding = Finding(
        RuleKey("fba-pool-separation"),
        FindingOutcome.INFO,
        LISTING,
        "fba-pool-separation.no-such-message",
    )
    with pytest.raises(MissingMessageError, match="no-such-message"):
        FindingJson("en")(finding)
    assert written([finding], "en") == expected([finding], "en")


def test_the_value_caches_stay_bounded(monkeypatch):
    monkeypatch.setattr(_finding_json, "_CACHE_SIZE", 2)
    findings = [
        pool(quantity=n, price=Money(n, "USD"), others=(Marketplace.US,) * n)
        for n in range(6)
    ]
    writer = FindingJson("en")
    assert [writer(f) for f in findings] == expected(findings, "en")
    assert len(writer._values) <= 2
    assert len(writer._money) <= 2


def test_the_first_findings_of_a_message_id_take_the_general_path(
    monkeypatch,
):
    """Its writer is made once a report has more than a few of them."""
    monkeypatch.setattr(_finding_json, "_SEEN", 3)
    findings = [pool(quantity=n) for n in range(6)]
    writer = FindingJson("en")
    texts = [writer(f) for f in findings]
    assert texts == expected(findings, "en")
    (plan,) = writer._plans.values()
    assert plan.unwritten == 3
    assert len(plan.writers) == 1


# --- the streamed report ------------------------------------------------


@pytest.mark.parametrize("compact", [False, True])
@pytest.mark.parametrize("chunk", [1, 2, 512])
def test_the_stream_writes_every_finding_in_chunks(
    monkeypatch, compact, chunk
):
    """Chunked or not, the findings are the documents, in order."""
    monkeypatch.setattr(stream, "_CHUNK", chunk)
    findings = list(iter_findings(example_snapshot()))
    out = io.StringIO()
    write_report(
        findings,
        out,
        edition="faq",
        locale="en",
        format="json",
        everything=True,
        compact=compact,
    )
    texts = [document_text(f, "en") for f in findings]
    if compact:
        body = '"findings": [' + ",".join(texts) + "],"
    else:
        body = '"findings": [\n' + ",\n".join(texts) + "\n], "
    text = out.getvalue()
    assert body in text
    assert text.count("\n") == (1 if compact else len(findings) + 2)
    assert len(json.loads(text)["findings"]) == len(findings)


@pytest.mark.parametrize("compact", [False, True])
def test_a_stream_without_findings_has_an_empty_list(compact):
    out = io.StringIO()
    write_report(
        [], out, edition="faq", locale="en", format="json", compact=compact
    )
    assert json.loads(out.getvalue())["findings"] == []
    assert ('"findings": []' if compact else '"findings": [\n]') in (
        out.getvalue()
    )
