"""The command's outputs on every benchmark shape, pinned by digest.

``tests/fixtures/shapes`` holds small instances of the shapes
``benchmarks/_snapshots.py`` generates: ``plain.json``,
``attributes.json`` and, in ``spapi/``, the SP-API-shaped inputs of the
``import`` shape.  The digests were recorded before the loader, the
report and ``import-spapi`` were made faster: they prove that speed
changed no byte of what the command writes.  A deliberate change of an
output changes its digest here, and says why in its commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from unified_account.cli import main

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"

IMPORT = [
    "import-spapi",
    "--home",
    "US",
    "--seller-id",
    "A1BENCHSELLER",
    "--as-of",
    "2026-07-15",
    "--quiet",
    "account=spapi/account.json",
    "listings=spapi/listings.json",
    "orders=spapi/orders.json",
    "fba-inventory:US=spapi/fba_US.json",
    "fba-inventory:CA=spapi/fba_CA.json",
    "fba-inventory:MX=spapi/fba_MX.json",
]

REPORTS = {
    "default": ["report"],
    "all-json": ["report", "--all", "--format", "json"],
}

# (shape, output) -> (exit status, SHA-256 of stdout), recorded once.
PINNED: dict[tuple[str, str], tuple[int, str]] = {
    ("import", "import-spapi"): (
        0,
        "28d8cd9c1bf6af9da5928c426e7c359f6dbe58dc65e9925fc633047a38e038f3",
    ),
    ("plain", "default"): (
        0,
        "22d65056ef85ba7c649d77d117285974267dee7f111437658e56e438fd60b556",
    ),
    ("plain", "all-json"): (
        0,
        "2cf29b2070a52dd5bd8f8822bcf70f775fc42d532d0c23b06dd8b639d391380a",
    ),
    ("attributes", "default"): (
        0,
        "96b2642a43d450d02c943ad7510a52f169447d44fbe666aa654b8b1431f7bbd7",
    ),
    ("attributes", "all-json"): (
        0,
        "17cd61f4f023d821d1a2112ec722ae6d4e3c323fa4ef14ad34758f8837f07240",
    ),
    ("import", "default"): (
        0,
        "03621a91e83c5df40cbd6e19210cdaed9a7372322929b87a8c46ca09ea28e4b6",
    ),
    ("import", "all-json"): (
        0,
        "d6765b9b4b309b53e11f7381f092252550fc303a6960e6f2cdeeb28b157a15fa",
    ),
}


def _run(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> tuple[int, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    assert err == ""
    return status, out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _imported(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> tuple[int, str]:
    monkeypatch.chdir(SHAPES)
    status, out = _run(capsys, IMPORT)
    (tmp_path / "import.json").write_text(out, encoding="utf-8")
    return status, out


def test_import_spapi_writes_the_same_snapshot(capsys, monkeypatch, tmp_path):
    """``import-spapi`` on the ``import`` shape's inputs: the same text."""
    status, out = _imported(capsys, monkeypatch, tmp_path)
    assert (status, _digest(out)) == PINNED["import", "import-spapi"]


@pytest.mark.parametrize("output", sorted(REPORTS))
@pytest.mark.parametrize("shape", ["plain", "attributes", "import"])
def test_report_writes_the_same_report(
    capsys, monkeypatch, tmp_path, shape, output
):
    """``report`` (default, and ``--all --format json``) on every shape."""
    if shape == "import":
        _imported(capsys, monkeypatch, tmp_path)
        monkeypatch.chdir(tmp_path)
    else:
        monkeypatch.chdir(SHAPES)
    status, out = _run(capsys, [*REPORTS[output], f"{shape}.json"])
    assert out
    assert (status, _digest(out)) == PINNED[shape, output]
