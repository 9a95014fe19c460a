"""``unified-account what-if SNAPSHOT PLAN``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from unified_account.cli import main
from unified_account.snapshot import example_text

PLAN = Path(__file__).parent.parent / "fixtures" / "every-action.plan.json"


def run(capsys, *argv):
    status = main([str(word) for word in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def seller(tmp_path):
    path = tmp_path / "seller.json"
    path.write_text(example_text(), encoding="utf-8")
    return path


def plan(tmp_path, actions):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(actions), encoding="utf-8")
    return path


def test_a_refused_step_exits_1(capsys, seller):
    status, out, err = run(capsys, "what-if", seller, PLAN)
    assert (status, err) == (1, "")
    assert out.startswith("What if (edition faq): 9 of 12 steps allowed\n")


def test_an_allowed_plan_exits_0_unless_its_findings_fail(
    capsys, seller, tmp_path
):
    """Selling out the mug makes a warning appear: --fail-on warning."""
    sold_out = plan(
        tmp_path,
        [
            {
                "action": "set-mfn-quantity",
                "sku": "MUG-CERAMIC-12",
                "quantity": 0,
            }
        ],
    )
    assert run(capsys, "what-if", seller, sold_out)[0] == 0
    assert (
        run(capsys, "what-if", seller, sold_out, "--fail-on", "denied")[0] == 0
    )
    status, out, _ = run(
        capsys, "what-if", seller, sold_out, "--fail-on", "warning"
    )
    assert status == 1
    assert "+ sku:MUG-CERAMIC-12 [warning]" in out


@pytest.mark.parametrize("format", ["text", "json", "markdown"])
def test_every_format_in_another_locale(capsys, seller, format):
    status, out, _ = run(
        capsys,
        "what-if",
        seller,
        PLAN,
        "--format",
        format,
        "--locale",
        "es_MX",
        "--edition",
        "remote-fulfillment",
    )
    assert status == 1
    assert "Paso 11" in out or '"stopped_at": 11' in out


def test_the_plan_may_come_from_stdin(capsys, seller, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(PLAN.read_bytes()))
    )
    assert run(capsys, "what-if", seller, "-")[0] == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "plan.json: not JSON"),
        ('[{"action": "fly"}]', r"plan.json: [0].action: `fly` is not an"),
        (
            '[{"action": "delete-listing", "sku": "NONE", '
            '"marketplace": "CA"}]',
            "plan[0] (delete-listing):",
        ),
    ],
)
def test_a_bad_plan_is_bad_input(capsys, seller, tmp_path, text, message):
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "what-if", seller, path)
    assert (status, out) == (2, "")
    assert message in err


def test_both_cannot_be_stdin(capsys):
    status, out, err = run(capsys, "what-if", "-", "-")
    assert (status, out) == (2, "")
    assert "cannot both be stdin" in err


def test_a_bad_snapshot_is_bad_input(capsys, tmp_path):
    status, out, err = run(capsys, "what-if", tmp_path / "none.json", PLAN)
    assert (status, out) == (2, "")
    assert "cannot read the file" in err
