"""Filtering a report: by rule, level, marketplace, subject kind, SKU, ASIN.

The properties compare every filter with the same filter written by hand
over the full list of findings, on findings drawn with every subject
field set or missing.
"""

import json
from collections import Counter
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    SPLIT_SUBSCRIPTION,
    Finding,
    FindingFilter,
    FindingOutcome,
    InvalidArgumentError,
    Marketplace,
    Report,
    RuleKey,
    Subject,
    SubjectKind,
    build_report,
    example_snapshot,
)
from unified_account.cli import main
from unified_account.report import iter_findings
from unified_account.report.stream import write_report
from unified_account.snapshot import example_text

SKUS = ("MUG-1", "MUG-2", "<b>&x")
ASINS = ("B000000001", "B000000002")


@st.composite
def findings(draw):
    """A finding whose subject has any mix of the filtered fields."""
    subject = Subject(
        kind=draw(st.sampled_from(SubjectKind)),
        marketplace=draw(st.none() | st.sampled_from(Marketplace)),
        sku=draw(st.none() | st.sampled_from(SKUS)),
        asin=draw(st.none() | st.sampled_from(ASINS)),
    )
    return Finding(
        rule=draw(st.sampled_from(RuleKey)),
        outcome=draw(st.sampled_from(FindingOutcome)),
        subject=subject,
        message_id="na-scope.in-scope",
        params={"marketplace": Marketplace.US},
    )


def some(values):
    """``None`` (any), or a set of values (possibly empty)."""
    return st.none() | st.frozensets(values, max_size=3)


filters = st.builds(
    FindingFilter,
    rule=some(st.sampled_from(RuleKey)),
    outcome=some(st.sampled_from(FindingOutcome)),
    marketplace=some(st.sampled_from(Marketplace)),
    kind=some(st.sampled_from(SubjectKind)),
    sku=some(st.sampled_from(SKUS)),
    asin=some(st.sampled_from(ASINS)),
)
reports = st.lists(findings(), max_size=30).map(lambda f: Report(FAQ, f))


def by_hand(query, finding):
    """The filter's meaning, written out field by field."""
    subject = finding.subject
    checks = [
        (query.rule, finding.rule),
        (query.outcome, finding.outcome),
        (query.marketplace, subject.marketplace),
        (query.kind, subject.kind),
        (query.sku, subject.sku),
        (query.asin, subject.asin),
    ]
    return all(wanted is None or value in wanted for wanted, value in checks)


@given(reports, filters)
def test_filtering_equals_filtering_the_full_list_by_hand(report, query):
    """``where`` keeps exactly the matching findings, in their order."""
    expected = tuple(f for f in report.findings if by_hand(query, f))
    assert report.where(query).findings == expected
    assert tuple(query.select(iter(report.findings))) == expected
    assert report.where(query).edition is report.edition


@given(reports, filters, filters)
def test_filters_compose_as_and(report, first, second):
    """``a & b`` keeps what both keep; so does filtering twice."""
    both = report.where(first & second).findings
    assert both == report.where(first).where(second).findings
    assert both == tuple(f for f in report.findings if first(f) and second(f))
    assert (first & second) == (second & first)


@given(reports, filters)
def test_keywords_narrow_the_filter_given(report, query):
    """``where(q, rule=...)`` is ``where(q & FindingFilter(rule=...))``."""
    rule = RuleKey.NA_SCOPE
    assert (
        report.where(query, rule=rule).findings
        == report.where(query & FindingFilter(rule=rule)).findings
    )


@given(reports, filters)
def test_summary_counts_agree_with_the_filtered_findings(report, query):
    """The counts per level, the streamed summary and the list agree."""
    kept = report.where(query)
    counts = kept.counts()
    assert set(counts) == set(FindingOutcome)
    assert counts == {
        outcome: sum(f.outcome is outcome for f in kept.findings)
        for outcome in FindingOutcome
    }
    assert sum(counts.values()) == len(kept.findings)
    summary = write_report(
        query.select(report.findings),
        _Sink(),
        edition="faq",
        locale="en",
        everything=True,
    )
    assert summary.total == len(kept.findings)
    assert Counter(summary.outcomes) == Counter(
        {k: v for k, v in counts.items() if v}
    )


class _Sink:
    def write(self, text):
        return len(text)


def test_no_filter_keeps_everything():
    """An empty filter keeps every finding of the example."""
    report = build_report(example_snapshot())
    assert report.where().findings == report.findings
    assert report.where(FindingFilter()) == report


def test_named_examples_on_the_example_seller():
    """The questions a seller tool asks, answered from the example."""
    report = build_report(example_snapshot())
    fba_ca = report.where(rule="fba-pool-separation", marketplace="CA")
    assert fba_ca.findings
    assert all(
        f.rule is RuleKey.FBA_POOL_SEPARATION
        and f.subject.marketplace is Marketplace.CA
        for f in fba_ca.findings
    )
    one_sku = report.where(sku="MUG-CERAMIC-12")
    assert one_sku.findings
    assert {f.subject.sku for f in one_sku.findings} == {"MUG-CERAMIC-12"}
    listings = report.where(kind="listing", outcome=["denied", "warning"])
    assert all(
        f.subject.kind is SubjectKind.LISTING
        and f.outcome in {FindingOutcome.DENIED, FindingOutcome.WARNING}
        for f in listings.findings
    )
    # A value given twice, as a string and as a member, is one value.
    assert FindingFilter(rule=["na-scope", RuleKey.NA_SCOPE]) == (
        FindingFilter(rule=RuleKey.NA_SCOPE)
    )
    # Nothing matches two disjoint rule sets.
    nothing = FindingFilter(rule="na-scope") & FindingFilter(rule="no-merge")
    assert report.where(nothing).findings == ()


def test_a_subject_without_the_field_never_matches_it():
    """An account finding has no SKU: a SKU filter drops it."""
    report = build_report(example_snapshot())
    accounts = report.where(kind="account")
    assert accounts.findings
    assert accounts.where(sku=SKUS[0]).findings == ()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rule", 3),
        ("rule", [3]),
        ("marketplace", [None]),
        ("outcome", (1,)),
        ("rule", "not-a-rule"),
        ("outcome", "fatal"),
        ("outcome", 1.5),
        ("marketplace", "ZZ"),
        ("marketplace", b"CA"),
        ("kind", "shelf"),
        ("sku", ""),
        ("sku", 7),
        ("asin", ["B000000001", None]),
        ("asin", {"B000000001": 1}),
    ],
)
def test_a_wrong_argument_is_refused_naming_the_field(field, value):
    """InvalidArgumentError, naming FindingFilter, the field, the value."""
    with pytest.raises(InvalidArgumentError) as raised:
        FindingFilter(**{field: value})
    assert raised.value.field == field
    assert raised.value.function == "FindingFilter"
    assert "FindingFilter" in str(raised.value)


def test_where_refuses_what_is_not_a_filter():
    """A dict is not a FindingFilter: our error, not an AttributeError."""
    report = build_report(example_snapshot())
    with pytest.raises(InvalidArgumentError) as raised:
        report.where({"rule": "na-scope"})
    assert raised.value.field == "query"
    assert FindingFilter().__and__("x") is NotImplemented


class TestCommand:
    """``report --rule/--marketplace/--level/--sku/--asin``."""

    def run(self, capsys, *argv):
        status = main(["report", "--format", "json", "--all", *argv])
        out, err = capsys.readouterr()
        return status, json.loads(out) if out else None, err

    def test_the_flags_filter_as_the_library_does(self, capsys):
        """The command's findings are ``where``'s, in order."""
        status, document, err = self.run(
            capsys,
            "--rule",
            "fba-pool-separation",
            "--rule",
            "mfn-inventory",
            "--marketplace",
            "ca",
            "--level",
            "info",
            "--level",
            "warning",
        )
        assert (status, err) == (0, "")
        expected = build_report(example_snapshot()).where(
            rule=["fba-pool-separation", "mfn-inventory"],
            marketplace="CA",
            outcome=["info", "warning"],
        )
        assert expected.findings
        assert [
            (f["rule"], f["subject"]["path"]) for f in document["findings"]
        ] == [(f.rule.value, f.subject.path) for f in expected.findings]
        assert document["counts"]["total"] == len(expected.findings)

    def test_sku_and_asin(self, capsys):
        """``--sku`` and ``--asin`` select one product's findings."""
        report = build_report(example_snapshot())
        mug = report.where(sku="MUG-CERAMIC-12").findings[0].subject.asin
        _, document, _ = self.run(capsys, "--sku", "MUG-CERAMIC-12")
        assert {f["subject"]["sku"] for f in document["findings"]} == {
            "MUG-CERAMIC-12"
        }
        _, document, _ = self.run(capsys, "--asin", mug)
        assert {f["subject"]["asin"] for f in document["findings"]} == {mug}

    def test_fail_on_counts_only_what_the_filter_keeps(self, capsys):
        """``--fail-on denied`` with a filter keeping no denial: exit 0."""
        assert main(["report", "--fail-on", "denied"]) == 1
        capsys.readouterr()
        status, _, _ = self.run(
            capsys, "--fail-on", "denied", "--level", "allowed"
        )
        assert status == 0

    def test_the_levels_are_the_finding_levels(self):
        """``--level`` offers every finding level, by its value."""
        from unified_account import cli

        assert tuple(o.value for o in FindingOutcome) == cli._LEVELS

    @pytest.mark.parametrize(
        ("flag", "value", "said"),
        [
            ("--rule", "nope", "unknown rule key `nope`"),
            ("--marketplace", "ZZ", "unknown marketplace country code"),
            ("--level", "fatal", "invalid choice"),
        ],
    )
    def test_a_bad_filter_is_a_usage_error(self, capsys, flag, value, said):
        """Exit 2, nothing on stdout, the value named on stderr."""
        with pytest.raises(SystemExit) as raised:
            main(["report", flag, value])
        out, err = capsys.readouterr()
        assert (raised.value.code, out) == (2, "")
        assert said in err


def test_many_sellers_take_the_filters_and_the_date(tmp_path, capsys):
    """A folder of snapshots: each seller's report filtered, re-dated."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.json").write_text(example_text())
    status = main(
        [
            "report",
            str(tmp_path),
            "--workers",
            "1",
            "--format",
            "json",
            "--all",
            "--edition",
            "split-subscription",
            "--as-of",
            "2021-07-31",
            "--rule",
            "single-subscription",
            "--level",
            "info",
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    snapshot = attrs.evolve(example_snapshot(), as_of=date(2021, 7, 31))
    expected = build_report(snapshot, edition=SPLIT_SUBSCRIPTION).where(
        rule="single-subscription", outcome="info"
    )
    assert expected.findings
    for line in lines:
        found = json.loads(line)["report"]["findings"]
        assert [f["message_id"] for f in found] == [
            f.message_id for f in expected.findings
        ]


def test_the_streamed_findings_filter_too():
    """``select`` over ``iter_findings`` is ``where`` over the report."""
    snapshot = example_snapshot()
    query = FindingFilter(marketplace=[Marketplace.MX, "US"])
    assert (
        tuple(query.select(iter_findings(snapshot)))
        == build_report(snapshot).where(query).findings
    )
