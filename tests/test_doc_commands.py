"""Every command example in the documentation runs, its output compared.

A ``console`` block in ``docs/`` or the README shows commands after a
``$`` prompt, each followed by what it prints (stdout and stderr, as a
terminal shows them).  Each block runs as one shell session in a fresh
folder holding ``seller.json`` (the bundled example seller) and SP-API
responses and reports under the names the pages give them (``FILES``,
copied from the test fixtures), with the installed ``unified-account``
and ``python`` first on the ``PATH``; its output must match, ``...``
standing for any text (as in doctests).

A ``console`` block without a prompt that shows the ``unified-account``
command is a synopsis, or an example that needs what the folder lacks
(SP-API files): each of its command lines names a placeholder (``FILE``,
``[--all]``), or a comment before the block says why it is not run
(``% not run: ...`` in a page, ``<!-- not run: ... -->`` in the README).
So no example of the command can go stale unnoticed.  (Blocks of other
commands without a prompt, such as installing the package or running
the benchmarks in a checkout, are instructions and are not run.)
"""

from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from unified_account.snapshot import example_text

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(
    r"^(?P<fence>`{3,})console\n(?P<body>.*?)^(?P=fence)$", re.M | re.S
)
NOT_RUN = re.compile(r"(^% not run: .+|<!-- not run: .+ -->)\n*\Z", re.M)
PLACEHOLDER = re.compile(r"\[|\b[A-Z][A-Z_]{2,}\b|\.\.\.")
MARK = "<<<unified-account doc command>>>"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The files the pages' examples name, and the fixtures that play them.
FILES = {
    "participations.json": "spapi/participations_na.json",
    "account.json": "spapi/account_na.json",
    "listings.json": "spapi/listings_item_na.json",
    "fba-us.json": "spapi/fba_us.json",
    "fba-ca.json": "spapi/fba_ca.json",
    "fba-mx.json": "spapi/fba_mx_no_granularity.json",
    "orders.json": "orders_v0_na.json",
    "fees.json": "spapi/fees_na.json",
    "notifications.json": "spapi/notifications_na.json",
    "listings-ca.txt": "spapi/merchant_listings_ca.txt",
    "orders-report.txt": "spapi/flat_file_orders_na.txt",
}


def _pages() -> list[Path]:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    if (ROOT / "README.md").exists():
        pages.append(ROOT / "README.md")
    return [p for p in pages if "_build" not in p.parts]


def _blocks():
    """Each console block: (page, line, text before it, body)."""
    for page in _pages():
        text = page.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            name = f"{page.relative_to(ROOT)}:{line}"
            yield name, text[: match.start()], match.group("body")


def _commands(body: str) -> list[tuple[str, str]]:
    """The block's commands, each with the output it shows."""
    found: list[tuple[str, list[str]]] = []
    lines = iter(body.splitlines())
    for line in lines:
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\"):  # the shell reads it on
                command += "\n" + next(lines)
            found.append((command, []))
        elif found:
            found[-1][1].append(line)
    return [(command, "\n".join(out).strip("\n")) for command, out in found]


BLOCKS = list(_blocks())
RUN = [(name, body) for name, _, body in BLOCKS if _commands(body)]
NOT_RUN_BLOCKS = [
    (name, before, body)
    for name, before, body in BLOCKS
    if not _commands(body) and "unified-account " in body
]


def _environment(tmp_path: Path) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    beside = Path(sys.executable).parent
    if not (beside / "unified-account").exists():
        # The package run without its script installed: the same command.
        shim = bin_dir / "unified-account"
        shim.write_text(
            f'#!/bin/sh\nexec "{sys.executable}" -m unified_account "$@"\n'
        )
        shim.chmod(0o755)
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG", "COVERAGE_"))
    }
    path = os.pathsep.join([str(bin_dir), str(beside), os.environ["PATH"]])
    environment |= {"PATH": path, "PYTHONIOENCODING": "utf-8"}
    return environment


def _tuesday() -> str:
    """The example seller a day on, as "Changes over time" has it.

    The mugs sold out and five candles came in.
    """
    data = json.loads(example_text())
    skus = {record["sku"]: record for record in data["catalog"]["skus"]}
    skus["MUG-CERAMIC-12"]["mfn"]["quantity"] = 0
    skus["CANDLE-SOY-8"]["mfn"]["quantity"] = 5
    return json.dumps(data)


# The plan of "Changes over time", as the page shows it.
PLAN = [
    {"action": "set-mfn-quantity", "sku": "MUG-CERAMIC-12", "quantity": 0},
    {
        "action": "delete-listing",
        "sku": "BOTTLE-STEEL-750",
        "marketplace": "CA",
    },
    {
        "action": "customise-account-info",
        "marketplace": "MX",
        "info": {
            "legal_entity_name": "Harbor Lane Goods LLC",
            "address_country": "US",
            "bank": {
                "country": "MX",
                "currency": "MXN",
                "masked_id": "****1111",
            },
            "contact_email": "mx@harborlane.example",
            "display_name": "Harbor Lane",
        },
    },
    {"action": "turn-on-marketplace", "marketplace": "BR"},
]


def _session(commands: list[str], tmp_path: Path) -> list[str]:
    """Run ``commands`` in one shell; what each printed."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "seller.json").write_text(example_text(), encoding="utf-8")
    (work / "monday.json").write_text(example_text(), encoding="utf-8")
    (work / "tuesday.json").write_text(_tuesday(), encoding="utf-8")
    (work / "plan.json").write_text(json.dumps(PLAN), encoding="utf-8")
    for name, fixture in FILES.items():
        (work / name).write_bytes((FIXTURES / fixture).read_bytes())
    # The mark between commands keeps ``$?`` for the next command.
    script = "exec 2>&1\n" + "".join(
        f"status=$?; printf '%s\\n' '{MARK}'; (exit $status)\n{command}\n"
        for command in commands
    )
    result = subprocess.run(
        ["bash", "-c", script],
        cwd=work,
        env=_environment(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    outputs = result.stdout.split(MARK + "\n")
    assert outputs[0] == "", outputs[0]
    return [output.strip("\n") for output in outputs[1:]]


def _matches(expected: str, got: str) -> bool:
    checker = doctest.OutputChecker()
    return checker.check_output(expected + "\n", got + "\n", doctest.ELLIPSIS)


@pytest.mark.parametrize(("name", "body"), RUN, ids=[n for n, _ in RUN])
def test_the_example_prints_what_the_page_shows(name, body, tmp_path):
    commands = _commands(body)
    outputs = _session([command for command, _ in commands], tmp_path)
    assert len(outputs) == len(commands)
    for (command, expected), got in zip(commands, outputs, strict=True):
        assert _matches(expected, got), (
            f"{name}: `$ {command}` printed:\n{got}\nthe page shows:\n"
            f"{expected}"
        )


@pytest.mark.parametrize(
    ("name", "before", "body"),
    NOT_RUN_BLOCKS,
    ids=[n for n, _, _ in NOT_RUN_BLOCKS],
)
def test_a_block_not_run_says_why(name, before, body):
    if NOT_RUN.search(before):
        return
    for line in body.splitlines():
        if line.startswith("unified-account ") or "| unified-account" in line:
            assert PLACEHOLDER.search(line), (
                f"{name}: `{line}` is a command without a `$` prompt: show"
                " its output after a prompt, or say before the block why it"
                " is not run (`% not run: ...`)"
            )


def test_the_command_pages_have_examples_that_run():
    """The command's own page is not left without a run example."""
    assert any(name.startswith("docs/command.md") for name, _ in RUN)


def test_a_stale_example_fails():
    """The comparison is real: a wrong count does not match."""
    assert _matches("counts: ...", "counts: 7")
    assert not _matches("problems: 22", "problems: 7")
    parsed = _commands("$ a \\\n  b\nout\n$ c\n")
    assert parsed == [("a \\\n  b", "out"), ("c", "")]


@pytest.mark.skipif(
    not (ROOT / "README.md").exists(),
    reason="the README is not beside the tests (a suite run on the wheel)",
)
def test_the_readme_s_examples_are_among_them():
    assert any(name.startswith("README.md") for name, _ in RUN)
