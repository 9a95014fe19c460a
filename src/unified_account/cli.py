"""The ``unified-account`` command.

``unified-account rules``      the rule catalogue
``unified-account explain K``  one rule: title, FAQ question, summary, example
``unified-account report [F]`` every applicable rule on a seller snapshot
                               (``-``: read it from stdin)
``unified-account import-spapi --home CC FILE...``
                               SP-API responses, notifications and reports
                               into a snapshot (stdout, or ``-o FILE``)

``rules``, ``explain`` and ``report`` take ``--format text|json|markdown``;
each takes ``--locale``.  Output is
built whole before anything is written, so a failure leaves stdout empty.

Exit status: 0 on success; 1 when ``report --fail-on LEVEL`` finds a
finding at or above that level (or the output cannot be written); 2 for
bad input or usage, with the error on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .edition import EDITIONS, edition_named
from .errors import UnifiedAccountError
from .i18n import SUPPORTED_LOCALES, normalize_locale, render
from .messages import N_
from .model.account import SellingPlan
from .model.marketplace import Marketplace
from .report import FAIL_ON, build_report, fails
from .report.formats import (
    FORMATS,
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    report_json,
    report_markdown,
    report_text,
    rule_json,
    rule_markdown,
    rule_plain,
)
from .rules import rule
from .snapshot import (
    dump_snapshot,
    example_snapshot,
    load_snapshot,
    parse_snapshot,
)
from .spapi.files import import_files

__all__ = ["main"]

PROG = "unified-account"


def _help_locale(argv: Sequence[str]) -> str:
    """The locale asked for on the command line, for the help texts.

    The help is built before the arguments are parsed, so ``--locale`` is
    looked up here first; an unsupported one gives English help, and is
    reported as an error once the command runs.
    """
    for index, word in enumerate(argv):
        if word.startswith("--locale="):
            wanted = word.partition("=")[2]
        elif word == "--locale" and index + 1 < len(argv):
            wanted = argv[index + 1]
        else:
            continue
        try:
            return normalize_locale(wanted)
        except UnifiedAccountError:
            return "en"
    return "en"


def _parser(locale: str) -> argparse.ArgumentParser:
    def text(message_id: str, **params: str) -> str:
        return render(message_id, params, locale)

    parser = argparse.ArgumentParser(
        prog=PROG, description=text(N_("cli.description"))
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    locale_help = text(
        N_("cli.help.locale"), locales=", ".join(SUPPORTED_LOCALES)
    )
    format_help = text(N_("cli.help.format"))

    rules = commands.add_parser("rules", help=text(N_("cli.help.rules")))
    rules.add_argument(
        "--format", choices=FORMATS, default="text", help=format_help
    )
    rules.add_argument("--locale", default="en", help=locale_help)

    explain = commands.add_parser("explain", help=text(N_("cli.help.explain")))
    explain.add_argument(
        "rule_key", metavar="RULE_KEY", help=text(N_("cli.help.rule-key"))
    )
    explain.add_argument(
        "--format", choices=FORMATS, default="text", help=format_help
    )
    explain.add_argument("--locale", default="en", help=locale_help)

    report = commands.add_parser("report", help=text(N_("cli.help.report")))
    report.add_argument(
        "snapshot",
        metavar="SNAPSHOT",
        nargs="?",
        help=text(N_("cli.help.snapshot")),
    )
    report.add_argument(
        "--format", choices=FORMATS, default="text", help=format_help
    )
    report.add_argument("--locale", default="en", help=locale_help)
    report.add_argument(
        "--edition",
        default="faq",
        choices=tuple(EDITIONS),
        help=text(N_("cli.help.edition"), default="faq"),
    )
    report.add_argument(
        "--fail-on",
        choices=tuple(FAIL_ON),
        default=None,
        help=text(N_("cli.help.fail-on")),
    )
    spapi = commands.add_parser(
        "import-spapi", help=text(N_("cli.help.import-spapi"))
    )
    spapi.add_argument(
        "files", metavar="FILE", nargs="+", help=text(N_("cli.help.files"))
    )
    spapi.add_argument(
        "--home", required=True, metavar="CC", help=text(N_("cli.help.home"))
    )
    spapi.add_argument(
        "--seller-id",
        default="SPAPI-SELLER",
        help=text(N_("cli.help.seller-id")),
    )
    spapi.add_argument(
        "--plan",
        choices=("professional", "individual"),
        help=text(N_("cli.help.plan")),
    )
    spapi.add_argument(
        "-o", "--output", metavar="FILE", help=text(N_("cli.help.output"))
    )
    spapi.add_argument("--locale", default="en", help=locale_help)
    return parser


def _import(args: argparse.Namespace) -> str:
    home = Marketplace.from_country(args.home)
    assembly = import_files(
        args.files,
        home=home,
        seller_id=args.seller_id,
        plan=None if args.plan is None else SellingPlan(args.plan),
    )
    return dump_snapshot(assembly.snapshot)


_CATALOGUE = {
    "json": catalogue_json,
    "markdown": catalogue_markdown,
    "text": catalogue_text,
}
_RULE = {"json": rule_json, "markdown": rule_markdown, "text": rule_plain}
_REPORT = {
    "json": report_json,
    "markdown": report_markdown,
    "text": report_text,
}


def _run(args: argparse.Namespace) -> tuple[str, int]:
    """The output and the exit status."""
    locale = normalize_locale(args.locale)
    if args.command == "rules":
        return _CATALOGUE[args.format](locale), 0
    if args.command == "explain":
        return _RULE[args.format](rule(args.rule_key), locale), 0
    if args.command == "import-spapi":
        text = _import(args)
        if args.output is None:
            return text, 0
        _write(args.output, text)
        return "", 0
    if args.snapshot is None:
        snapshot = example_snapshot()
    elif args.snapshot == "-":
        snapshot = parse_snapshot(sys.stdin.buffer.read(), "<stdin>")
    else:
        snapshot = load_snapshot(args.snapshot)
    report = build_report(snapshot, edition=edition_named(args.edition))
    failed = args.fail_on is not None and fails(report, args.fail_on)
    return _REPORT[args.format](report, locale), 1 if failed else 0


def _write(path: str, text: str) -> None:
    """Write ``text`` whole to ``path``, or leave it untouched."""
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_help_locale(words)).parse_args(words)
    try:
        output, status = _run(args)
    except UnifiedAccountError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return 2
    except OSError as error:  # ``-o FILE`` could not be written
        sys.stderr.write(f"{PROG}: error: cannot write the output: {error}\n")
        return 1
    try:
        sys.stdout.buffer.write(output.encode("utf-8"))
        sys.stdout.flush()
    except OSError as error:  # a closed pipe, a full disk
        sys.stderr.write(f"{PROG}: error: cannot write the output: {error}\n")
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
