"""The report's rarer paths, each with the outcome it must give.

Failing levels, findings built from any reason, repeats, a main account
outside North America, split-subscription charges from before the split,
and the Markdown summary.
"""

import datetime
import io

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import FAQ, build_report, example_snapshot
from unified_account import strategies as ua
from unified_account.decision import Reason
from unified_account.edition import SPLIT_SUBSCRIPTION
from unified_account.errors import InvalidValueError
from unified_account.i18n import translate
from unified_account.model.catalog import Catalog
from unified_account.model.marketplace import Marketplace
from unified_account.report import FAIL_ON, Report, fails, iter_findings
from unified_account.report.finding import Finding, FindingOutcome, once
from unified_account.report.stream import write_report
from unified_account.report.subject import Subject, SubjectKind
from unified_account.rules import RuleKey
from unified_account.snapshot import Snapshot

SUBJECT = Subject(kind=SubjectKind.ACCOUNT, account="A1EXAMPLEUS")
REASON = Reason(RuleKey.NO_MERGE, "no-merge.denied")


def finding(outcome):
    return Finding.of(REASON, outcome, SUBJECT)


class TestFailOn:
    """``--fail-on``: each level fails on its outcome and graver ones."""

    @pytest.mark.parametrize(
        ("outcomes", "failing"),
        [
            ((), set()),
            ((FindingOutcome.INFO, FindingOutcome.ALLOWED), set()),
            ((FindingOutcome.UNDETERMINED,), set()),
            ((FindingOutcome.INFO, FindingOutcome.WARNING), {"warning"}),
            ((FindingOutcome.DENIED,), {"warning", "denied"}),
        ],
    )
    def test_a_report_fails_at_the_levels_of_its_worst_finding(
        self, outcomes, failing
    ):
        """A warning fails ``warning``; a denial fails both levels."""
        report = Report(
            edition=FAQ, findings=tuple(finding(o) for o in outcomes)
        )
        assert {level for level in FAIL_ON if fails(report, level)} == (
            failing
        )

    def test_an_unknown_level_is_a_key_error(self):
        """The command offers only FAIL_ON's keys."""
        with pytest.raises(KeyError):
            fails(Report(edition=FAQ, findings=()), "info")


class TestFindingOf:
    """``Finding.of`` checks what its fast path does not build itself."""

    def test_a_reason_of_a_subclass_takes_the_checked_path(self):
        """A Reason subclass: the constructor's checks, an equal finding."""

        class Noted(Reason):
            pass

        noted = Noted(RuleKey.NO_MERGE, "no-merge.denied")
        assert Finding.of(noted, FindingOutcome.INFO, SUBJECT) == finding(
            FindingOutcome.INFO
        )

    def test_an_outcome_that_is_not_a_finding_outcome_is_refused(self):
        """``"denied"`` as text: an InvalidValueError on ``outcome``."""
        with pytest.raises(InvalidValueError) as caught:
            Finding.of(REASON, "denied", SUBJECT)
        assert caught.value.field == "outcome"
        assert str(caught.value) == (
            "outcome: `'denied'` is not an instance of FindingOutcome"
        )

    def test_a_reason_that_is_not_a_reason_is_refused(self):
        """``None`` as the reason: refused on ``reason``, no AttributeError."""
        with pytest.raises(InvalidValueError) as caught:
            Finding.of(None, FindingOutcome.INFO, SUBJECT)
        assert caught.value.field == "reason"
        assert str(caught.value) == (
            "reason: `None` is not an instance of Reason"
        )

    def test_a_subject_that_is_not_a_subject_is_refused(self):
        """A path string is not a Subject: refused on ``subject``."""
        with pytest.raises(InvalidValueError) as caught:
            Finding.of(REASON, FindingOutcome.INFO, "account:A1EXAMPLEUS")
        assert caught.value.field == "subject"
        assert str(caught.value) == (
            "subject: `'account:A1EXAMPLEUS'` is not an instance of Subject"
        )


def test_once_keeps_each_finding_where_it_first_came():
    """Repeats dropped, order kept."""
    a, b = finding(FindingOutcome.INFO), finding(FindingOutcome.DENIED)
    assert list(once([a, b, a, b, a])) == [a, b]


def subscription_findings(snapshot, edition=FAQ):
    return [
        (f.message_id, f.outcome)
        for f in iter_findings(snapshot, edition=edition)
        if f.subject.kind is SubjectKind.SUBSCRIPTION
    ]


def test_a_main_account_registered_in_germany_has_no_subscription_here():
    """FAQ: the unified account is for sellers registered in NA: denied."""
    german = example_snapshot().separate_accounts[1]
    snapshot = Snapshot(
        account=german, catalog=Catalog(), as_of=datetime.date(2026, 7, 15)
    )
    assert subscription_findings(snapshot) == [
        ("single-subscription.outside-scope", FindingOutcome.DENIED),
        ("eu-distinct.registered-elsewhere", FindingOutcome.DENIED),
    ]


def test_charges_from_before_the_split_are_not_audited_by_its_terms():
    """Every recorded charge predates the split: no audit findings."""
    snapshot = example_snapshot()
    latest = max(c.charged_on for c in snapshot.subscription_charges)
    later = attrs.evolve(
        SPLIT_SUBSCRIPTION,
        split_subscription_since=latest + datetime.timedelta(days=1),
    )
    audited = subscription_findings(snapshot, SPLIT_SUBSCRIPTION)
    assert (
        "single-subscription.audit-several-billing-days",
        FindingOutcome.WARNING,
    ) in audited
    not_audited = subscription_findings(snapshot, later)
    assert not [m for m, _ in not_audited if ".audit-" in m]
    assert not [o for _, o in not_audited if o is FindingOutcome.WARNING]


def _summary_lines(text, heading):
    lines = text.split("\n")
    start = lines.index(heading) + 1
    end = lines.index("", start + 1 if lines[start] == "" else start)
    return [line for line in lines[start:end] if line]


@pytest.mark.parametrize("locale", ["en", "fr_CA"])
def test_the_markdown_summary_lists_the_text_summary_as_bullets(locale):
    """Each group a bullet, each example a sub-bullet, as in text."""
    findings = build_report(example_snapshot()).findings
    text, markdown = io.StringIO(), io.StringIO()
    for out, form in ((text, "text"), (markdown, "markdown")):
        write_report(findings, out, edition="faq", locale=locale, format=form)
    heading = translate("report.summary.heading", locale)
    plain = _summary_lines(text.getvalue(), heading)
    bullets = _summary_lines(markdown.getvalue(), f"## {heading}")
    assert plain
    assert bullets == [
        f"  - {line.strip()}"
        if line.startswith("    ")
        else f"- {line.strip()}"
        for line in plain
    ]


@given(ua.sku_records(), st.sampled_from([None, *Marketplace]))
def test_a_catalogue_subject_is_the_subject_the_constructor_builds(
    record, marketplace
):
    """The report's quick subjects equal, hash and print as checked ones."""
    from unified_account.report.subject import catalogue_subject

    for kind in (SubjectKind.LISTING, SubjectKind.SKU):
        quick = catalogue_subject(kind, record.sku, record.asin, marketplace)
        built = Subject(
            kind=kind,
            sku=record.sku,
            asin=record.asin,
            marketplace=marketplace,
        )
        assert quick == built
        assert hash(quick) == hash(built)
        assert quick.path == built.path


@given(ua.snapshots())
def test_each_listed_finding_carries_the_reason_the_constructor_builds(
    snapshot,
):
    """Parameters written in order are the ones ``Reason`` would sort."""
    for finding in iter_findings(snapshot):
        if finding.message_id == "per-marketplace-listing.listed":
            params = dict(finding.params)
            built = Reason(finding.rule, finding.message_id, params)
            assert finding.params == built.params
            listing = snapshot.catalog.record(params["sku"]).listing(
                params["marketplace"]
            )
            assert (params["title"], params["price"]) == (
                listing.title,
                listing.price,
            )
