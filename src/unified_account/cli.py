"""The ``unified-account`` command.

``unified-account rules``      the rule catalogue
``unified-account explain K``  one rule: title, FAQ question, summary, example
``unified-account report [F]`` every applicable rule on a seller snapshot

Output is built whole before anything is written, so a failure leaves
stdout empty.  Errors go to stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .edition import EDITIONS, edition_named
from .errors import UnifiedAccountError
from .i18n import SUPPORTED_LOCALES, normalize_locale, rule_text, translate
from .messages import N_
from .report import build_report
from .report.formats import (
    catalogue_json,
    catalogue_text,
    report_json,
    report_markdown,
    report_text,
)
from .rules import rule
from .snapshot import example_snapshot, load_snapshot

__all__ = ["main"]

PROG = "unified-account"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The rules of Amazon's North America unified account.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    locale_help = "language of the output: " + ", ".join(SUPPORTED_LOCALES)

    rules = commands.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--locale", default="en", help=locale_help)

    explain = commands.add_parser("explain", help="explain one rule")
    explain.add_argument("rule_key", metavar="RULE_KEY")
    explain.add_argument("--locale", default="en", help=locale_help)

    report = commands.add_parser(
        "report", help="evaluate every rule on a seller snapshot"
    )
    report.add_argument(
        "snapshot",
        metavar="SNAPSHOT",
        nargs="?",
        help="a seller snapshot (JSON); the bundled example if omitted",
    )
    report.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text"
    )
    report.add_argument("--locale", default="en", help=locale_help)
    report.add_argument(
        "--edition",
        default="faq",
        choices=tuple(EDITIONS),
        help="which edition of the rules to apply (default: faq)",
    )
    return parser


def _explain(key: str, locale: str) -> str:
    entry = rule(key)
    text = rule_text(entry, locale)
    labels = (
        translate(N_("explain.question"), locale),
        translate(N_("explain.faq"), locale),
        translate(N_("explain.example"), locale),
    )
    return (
        f"{text.key}: {text.title}\n\n"
        f"{labels[0]}: {text.question}\n"
        f"{labels[1]}: {entry.faq_question}\n\n"
        f"{text.summary}\n\n"
        f"{labels[2]}: {text.example}\n"
    )


def _run(args: argparse.Namespace) -> str:
    locale = normalize_locale(args.locale)
    if args.command == "rules":
        if args.format == "json":
            return catalogue_json(locale)
        return catalogue_text(locale)
    if args.command == "explain":
        return _explain(args.rule_key, locale)
    snapshot = (
        example_snapshot()
        if args.snapshot is None
        else load_snapshot(args.snapshot)
    )
    report = build_report(snapshot, edition=edition_named(args.edition))
    formats = {
        "json": report_json,
        "markdown": report_markdown,
        "text": report_text,
    }
    return formats[args.format](report, locale)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = _parser().parse_args(argv)
    try:
        output = _run(args)
    except UnifiedAccountError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return 2
    try:
        sys.stdout.buffer.write(output.encode("utf-8"))
        sys.stdout.flush()
    except OSError as error:  # a closed pipe, a full disk
        sys.stderr.write(f"{PROG}: error: cannot write the output: {error}\n")
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
