"""The seller's calendar: the day an SP-API snapshot describes.

SP-API gives no billing date, so ``assemble_snapshot(as_of=...)`` and
``import-spapi --as-of`` take it from the caller; ``report --as-of``
judges the dated rules on another day.  Without a date the snapshot has
none, the report has no ``single-subscription`` finding, and
``import-spapi`` says so on stderr.
"""

import io
import json
import sys
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_account import (
    FAQ,
    SPLIT_SUBSCRIPTION,
    InvalidValueError,
    Marketplace,
    RuleKey,
    SellingPlan,
    build_report,
)
from unified_account.cli import main
from unified_account.snapshot import parse_snapshot
from unified_account.spapi import assemble_snapshot
from unified_account.spapi.files import import_files

SPAPI = Path(__file__).resolve().parents[1] / "fixtures" / "spapi"
FILES = [
    str(SPAPI / "account_na.json"),
    str(SPAPI / "listings_item_na.json"),
    str(SPAPI / "listings_search_na.json"),
]
SPLIT_START = SPLIT_SUBSCRIPTION.split_subscription_since
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


def imported(as_of=None):
    return import_files(
        FILES, home=Marketplace.US, seller_id="A1EXAMPLEUS", as_of=as_of
    ).snapshot


def subscription_ids(snapshot, edition=FAQ):
    report = build_report(snapshot, edition=edition)
    return [
        f.message_id
        for f in report.where(rule=RuleKey.SINGLE_SUBSCRIPTION).findings
    ]


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestAssemble:
    """``assemble_snapshot(as_of=...)``: the snapshot's date, checked."""

    def test_the_date_is_the_snapshots(self):
        """The date given is the snapshot's ``as_of``; none by default."""
        day = date(2026, 7, 1)
        made = assemble_snapshot(
            home=Marketplace.US,
            seller_id="S1",
            plan=SellingPlan.PROFESSIONAL,
            as_of=day,
        )
        assert made.snapshot.as_of == day
        plain = assemble_snapshot(
            home=Marketplace.US, seller_id="S1", plan=SellingPlan.PROFESSIONAL
        )
        assert plain.snapshot.as_of is None

    @pytest.mark.parametrize(
        "value", [datetime(2026, 7, 1, 12), "2026-07-01", 20260701]
    )
    def test_what_is_not_a_calendar_day_is_refused(self, value):
        """A moment, a string, a number: refused, naming ``as_of``."""
        with pytest.raises(InvalidValueError) as raised:
            assemble_snapshot(
                home=Marketplace.US,
                seller_id="S1",
                plan=SellingPlan.PROFESSIONAL,
                as_of=value,
            )
        assert raised.value.field == "as_of"

    def test_sp_api_data_gets_the_subscription_finding(self):
        """Given a day, the one-charge finding; without, none at all."""
        assert subscription_ids(imported()) == []
        ids = subscription_ids(imported(date(2026, 7, 1)))
        assert "single-subscription.one-charge" in ids

    @settings(max_examples=30, deadline=None)
    @given(days)
    def test_split_billing_starts_on_its_day(self, day):
        """Under split billing the finding follows the calendar.

        Before 2021-08-01 one charge by the home marketplace's schedule;
        from that day on, a share in each marketplace with active
        listings.
        """
        ids = subscription_ids(imported(day), SPLIT_SUBSCRIPTION)
        assert ids, "a dated SP-API snapshot has subscription findings"
        split = "single-subscription.split-billed" in ids
        one = "single-subscription.one-charge" in ids
        assert (split, one) == (day >= SPLIT_START, day < SPLIT_START)

    @settings(max_examples=20, deadline=None)
    @given(days)
    def test_report_as_of_is_the_snapshot_on_that_day(self, day):
        """``report --as-of D`` = the report of the snapshot dated D."""
        snapshot = imported()
        expected = build_report(
            attrs.evolve(snapshot, as_of=day), edition=SPLIT_SUBSCRIPTION
        ).where(rule=RuleKey.SINGLE_SUBSCRIPTION)
        out = io.StringIO()
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(
            io.BytesIO(_dump(snapshot).encode()), encoding="utf-8"
        )
        stdout = sys.stdout
        sys.stdout = out
        try:
            status = main(
                [
                    "report",
                    "-",
                    "--as-of",
                    day.isoformat(),
                    "--edition",
                    "split-subscription",
                    "--rule",
                    "single-subscription",
                    "--format",
                    "json",
                    "--all",
                ]
            )
        finally:
            sys.stdin, sys.stdout = stdin, stdout
        assert status == 0
        found = json.loads(out.getvalue())["findings"]
        assert [f["message_id"] for f in found] == [
            f.message_id for f in expected.findings
        ]


def _dump(snapshot):
    from unified_account.snapshot import dump_snapshot

    return dump_snapshot(snapshot)


class TestCommand:
    """``import-spapi --as-of`` and the note when it is missing."""

    def test_the_date_goes_into_the_snapshot(self, capsys):
        """``--as-of``: the snapshot's date; nothing on stderr."""
        status, out, err = run(
            capsys,
            "import-spapi",
            "--home",
            "US",
            "--as-of",
            "2026-07-01",
            *FILES,
        )
        assert (status, err) == (0, "")
        assert parse_snapshot(out).as_of == date(2026, 7, 1)

    @pytest.mark.parametrize("locale", ["en", "fr_CA", "zh_Hant"])
    def test_without_a_date_stderr_says_so(self, capsys, locale):
        """One note line on stderr, in the locale; the snapshot undated."""
        status, out, err = run(
            capsys, "import-spapi", "--home", "US", "--locale", locale, *FILES
        )
        assert status == 0
        assert parse_snapshot(out).as_of is None
        assert err.count("\n") == 1
        assert "--as-of" in err
        assert "single-subscription" in err

    def test_quiet_silences_the_note(self, capsys):
        """``--quiet``: stderr stays empty."""
        status, out, err = run(
            capsys, "import-spapi", "--home", "US", "--quiet", *FILES
        )
        assert (status, err) == (0, "")
        assert parse_snapshot(out).as_of is None

    @pytest.mark.parametrize(
        "value", ["2026-13-01", "07/01/2026", "2026-7-1", "tomorrow"]
    )
    def test_a_bad_date_is_a_usage_error(self, capsys, value):
        """Exit 2 naming the value; stdout empty."""
        for command in (
            ["import-spapi", "--home", "US", *FILES],
            ["report"],
        ):
            with pytest.raises(SystemExit) as raised:
                main([*command, "--as-of", value])
            out, err = capsys.readouterr()
            assert (raised.value.code, out) == (2, "")
            assert f"`{value}` is not a day written YYYY-MM-DD" in err

    def test_report_as_of_replaces_the_snapshots_date(self, capsys):
        """The example is dated 2026-07-15; ``--as-of`` wins."""
        status, out, _ = run(
            capsys,
            "report",
            "--as-of",
            "2021-07-31",
            "--edition",
            "split-subscription",
            "--rule",
            "single-subscription",
            "--format",
            "json",
            "--all",
        )
        ids = {f["message_id"] for f in json.loads(out)["findings"]}
        assert status == 0
        assert "single-subscription.one-charge" in ids
        assert "single-subscription.split-billed" not in ids
