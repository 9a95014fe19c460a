"""``unified-account import-spapi`` and ``report -``; the assembly."""

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from unified_account import Marketplace
from unified_account.cli import main
from unified_account.errors import InvalidValueError, MissingDataError
from unified_account.model.account import SellingPlan
from unified_account.snapshot import parse_snapshot
from unified_account.spapi import assemble_snapshot, read_participations
from unified_account.spapi.files import recognise

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SPAPI = FIXTURES / "spapi"

ALL = [
    str(SPAPI / "account_na.json"),
    str(SPAPI / "participations_na.json"),
    str(SPAPI / "listings_item_na.json"),
    str(SPAPI / "listings_search_na.json"),
    str(SPAPI / "fba_us.json"),
    str(SPAPI / "fba_ca.json"),
    f"fba-inventory:MX={SPAPI / 'fba_mx_no_granularity.json'}",
    str(FIXTURES / "orders_v0_na.json"),
    str(SPAPI / "orders_v0_awkward.json"),
    str(FIXTURES / "orders_2026_na.json"),
    str(SPAPI / "fees_na.json"),
    str(SPAPI / "notifications_na.json"),
    f"listings-report:CA={SPAPI / 'merchant_listings_ca.txt'}",
    str(SPAPI / "flat_file_orders_na.txt"),
]


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestImportSpapi:
    """Files in, a snapshot out; bad files exit 2 naming file and path."""

    def test_every_fixture_together_makes_a_snapshot(self, capsys):
        """FBA per country, listings per marketplace, notes kept."""
        status, out, err = run(
            capsys,
            "import-spapi",
            "--home",
            "US",
            "--seller-id",
            "A1EXAMPLEUS",
            "--as-of",
            "2026-07-01",
            *ALL,
        )
        assert (status, err) == (0, "")
        snapshot = parse_snapshot(out)
        assert snapshot.as_of == date(2026, 7, 1)
        mug = snapshot.catalog.record("MUG-FBA-1")
        assert dict(mug.fba) == {
            Marketplace.US: 48,
            Marketplace.CA: 40,
            Marketplace.MX: 9,
        }
        assert [x.marketplace for x in mug.listings] == [
            Marketplace.US,
            Marketplace.CA,
        ]
        assert snapshot.account.marketplaces == {
            Marketplace.US,
            Marketplace.CA,
            Marketplace.MX,
        }
        assert snapshot.account.registration_info.bank is None
        reasons = {note.reason.value for note in snapshot.set_aside}
        assert {
            "non-amazon-marketplace",
            "outside-region",
            "not-participating",
            "other-country-stock",
            "non-amazon-order",
            "contradiction",
        } <= reasons
        assert all(
            note.path.startswith(str(FIXTURES)) for note in snapshot.set_aside
        ), "every note names its file"

    def test_the_snapshot_pipes_into_report(self, capsys, monkeypatch):
        """``import-spapi ... | report -``: set-aside findings shown."""
        _, out, _ = run(
            capsys,
            "import-spapi",
            "--home",
            "US",
            "--seller-id",
            "A1EXAMPLEUS",
            *ALL,
        )
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(out.encode()))
        )
        status, report, err = run(
            capsys, "report", "-", "--format", "json", "--all"
        )
        assert (status, err) == (0, "")
        findings = json.loads(report)["findings"]
        subjects = {f["subject"]["path"] for f in findings}
        assert "import:sellers/A2ZV50J4W1RKNI" in subjects
        assert any(
            f["rule"] == "local-payout" and "unknown" in f["message"]
            for f in findings
        )

    def test_output_to_a_file(self, capsys, tmp_path):
        """``-o FILE`` writes the snapshot there, nothing to stdout."""
        target = tmp_path / "seller.json"
        status, out, _ = run(
            capsys,
            "import-spapi",
            "--home",
            "CA",
            "--plan",
            "professional",
            "-o",
            str(target),
            str(SPAPI / "listings_search_na.json"),
        )
        assert (status, out) == (0, "")
        assert (
            parse_snapshot(target.read_text()).account.home is Marketplace.CA
        )

    @pytest.mark.parametrize(
        ("content", "where"),
        [
            (
                '{"payload": [{"marketplace": {"id": 7}}]}',
                "payload[0].marketplace.id",
            ),
            (
                '{"payload": {"Orders": [{"AmazonOrderId": "113-1"}]}}',
                "payload.Orders[0]",
            ),
            ('{\n  "sku": ', "line 2, column 10"),
            ("seller-sku\titem-name\tprice\nA\tB\t1e2\n", "line 2, column 3"),
        ],
    )
    def test_a_bad_file_exits_2_naming_file_and_path(
        self, capsys, tmp_path, content, where
    ):
        """One error line with the file and the place; stdout empty."""
        bad = tmp_path / "bad.json"
        bad.write_text(content)
        target = tmp_path / "out.json"
        status, out, err = run(
            capsys,
            "import-spapi",
            "--home",
            "US",
            "--plan",
            "individual",
            "-o",
            str(target),
            str(SPAPI / "fba_us.json"),
            str(bad),
        )
        assert (status, out) == (2, "")
        assert err.count("\n") == 1
        assert f"{bad}: {where}" in err
        assert not target.exists()

    def test_an_unrecognised_shape_asks_for_its_kind(self, capsys, tmp_path):
        """A JSON file of no known shape: name it as KIND=FILE."""
        odd = tmp_path / "odd.json"
        odd.write_text('{"hello": 1}')
        status, _, err = run(
            capsys,
            "import-spapi",
            "--home",
            "US",
            "--plan",
            "professional",
            str(odd),
        )
        assert status == 2
        assert "KIND=FILE" in err

    def test_the_command_runs_as_a_program(self):
        """The installed entry point writes a snapshot to stdout."""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "unified_account",
                "import-spapi",
                "--home",
                "US",
                "--plan",
                "professional",
                str(SPAPI / "participations_na.json"),
            ],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert parse_snapshot(done.stdout).account.home is Marketplace.US


class TestRecognise:
    """Shapes are recognised; each kind from its characteristic keys."""

    @pytest.mark.parametrize(
        ("name", "kind"),
        [
            ("spapi/participations_na.json", "participations"),
            ("spapi/account_na.json", "account"),
            ("spapi/listings_item_na.json", "listings"),
            ("spapi/listings_search_na.json", "listings"),
            ("spapi/fba_us.json", "fba-inventory"),
            ("orders_v0_na.json", "orders"),
            ("orders_2026_na.json", "orders"),
            ("spapi/fees_na.json", "fees"),
            ("spapi/notifications_na.json", "notifications"),
        ],
    )
    def test_each_fixture_is_recognised(self, name, kind):
        """The fixture's shape names its kind."""
        assert recognise(json.loads((FIXTURES / name).read_text())) == kind


class TestAssemble:
    """The assembly: the home is the caller's; unknowns stay unknown."""

    def test_the_home_must_be_north_american(self):
        """SP-API cannot tell the home; a DE home is refused."""
        with pytest.raises(InvalidValueError):
            assemble_snapshot(
                home=Marketplace.DE,
                seller_id="S1",
                plan=SellingPlan.PROFESSIONAL,
            )

    def test_an_unknown_plan_is_an_error_not_a_guess(self):
        """No getAccount and no plan: MissingDataError."""
        with pytest.raises(MissingDataError):
            assemble_snapshot(home=Marketplace.US, seller_id="S1")

    def test_the_home_joins_the_participations(self):
        """Participations US, CA, MX and a home of MX: three marketplaces."""
        participations = read_participations(
            json.loads((SPAPI / "participations_na.json").read_text())
        )
        snapshot = assemble_snapshot(
            home=Marketplace.MX,
            seller_id="S1",
            plan=SellingPlan.INDIVIDUAL,
            participations=participations,
        ).snapshot
        assert snapshot.account.home is Marketplace.MX
        assert snapshot.account.marketplaces == {
            Marketplace.US,
            Marketplace.CA,
            Marketplace.MX,
        }
        info = snapshot.account.registration_info
        assert info.unknown_fields == (
            "legal_entity_name",
            "address_country",
            "bank",
            "contact_email",
            "display_name",
        )


def test_an_unwritable_output_exits_3_and_leaves_nothing(capsys, tmp_path):
    """``-o`` into a missing folder: exit 3 (run incomplete), no file."""
    target = tmp_path / "missing" / "seller.json"
    status = main(
        [
            "import-spapi",
            "--home",
            "US",
            "--plan",
            "professional",
            "-o",
            str(target),
            str(SPAPI / "participations_na.json"),
        ]
    )
    _, err = capsys.readouterr()
    assert status == 3
    assert "cannot write the output" in err
    assert not target.parent.exists()
