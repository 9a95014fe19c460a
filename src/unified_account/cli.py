"""The ``unified-account`` command.

``unified-account rules``      the rule catalogue
``unified-account explain K``  one rule: title, FAQ question, summary, example
``unified-account report [F]`` every applicable rule on a seller snapshot

A snapshot is read and checked whole before anything is written, so a bad
one leaves stdout empty; the report is then written as it is produced.
A directory or a JSON Lines file of snapshots gives one result per
seller (see :mod:`unified_account.batch`).  Errors go to stderr with exit
status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import UnifiedAccountError
from .i18n import (
    SUPPORTED_LOCALES,
    normalize_locale,
    render,
    rule_text,
    translate,
)
from .messages import N_
from .rules import rule

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


class _EditionNames:
    """The edition names, read when argparse first needs them.

    Only ``report`` takes an edition, so ``rules`` and ``explain`` start
    without loading the editions.
    """

    def __contains__(self, name: object) -> bool:
        from .edition import EDITIONS

        return name in EDITIONS

    def __iter__(self) -> Iterator[str]:
        from .edition import EDITIONS

        return iter(EDITIONS)


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
        "--format", choices=("text", "json"), default="text", help=format_help
    )
    rules.add_argument("--locale", default="en", help=locale_help)

    explain = commands.add_parser("explain", help=text(N_("cli.help.explain")))
    explain.add_argument(
        "rule_key", metavar="RULE_KEY", help=text(N_("cli.help.rule-key"))
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
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help=format_help,
    )
    report.add_argument("--locale", default="en", help=locale_help)
    report.add_argument(
        "--edition",
        default="faq",
        choices=_EditionNames(),
        metavar="EDITION",
        help=text(N_("cli.help.edition"), default="faq"),
    )
    report.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help=text(N_("cli.help.all")),
    )
    report.add_argument(
        "--workers", type=int, default=None, help=text(N_("cli.help.workers"))
    )
    report.add_argument(
        "--scheduler", default=None, help=text(N_("cli.help.scheduler"))
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


def _text(args: argparse.Namespace, locale: str) -> str:
    """The output of ``rules`` and ``explain``: short, built whole."""
    from .catalogue import catalogue_json, catalogue_text

    if args.command == "explain":
        return _explain(args.rule_key, locale)
    if args.format == "json":
        return catalogue_json(locale)
    return catalogue_text(locale)


def _many(path: str) -> bool:
    return Path(path).is_dir() or path.endswith((".jsonl", ".ndjson"))


def _report(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    """Write the report(s); the exit status (2 if a seller's failed)."""
    from .batch import report_many, seller_jobs
    from .edition import edition_named
    from .report import iter_findings
    from .report.stream import write_report
    from .snapshot import example_snapshot, load_snapshot

    edition = edition_named(args.edition)
    options = {
        "locale": locale,
        "format": args.format,
        "everything": args.everything,
    }
    if args.snapshot is not None and _many(args.snapshot):
        results = report_many(
            seller_jobs(args.snapshot),
            out,
            edition=edition.name,
            workers=args.workers,
            scheduler=args.scheduler,
            **options,
        )
        failed = [result for result in results if result.error]
        for result in failed:
            sys.stderr.write(f"{PROG}: error: {result.error}\n")
        return 2 if failed else 0
    snapshot = (
        example_snapshot()
        if args.snapshot is None
        else load_snapshot(args.snapshot)
    )
    # The snapshot lives as long as this process: keep the collector from
    # walking its millions of objects again and again while reporting.
    gc.freeze()
    try:
        write_report(
            iter_findings(snapshot, edition=edition),
            out,
            edition=edition.name,
            **options,
        )
    finally:
        gc.unfreeze()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_help_locale(words)).parse_args(words)
    out = io.TextIOWrapper(
        sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False
    )
    try:
        locale = normalize_locale(args.locale)
        if args.command == "report":
            status = _report(args, locale, out)
        else:
            out.write(_text(args, locale))
            status = 0
        out.flush()
    except UnifiedAccountError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return 2
    except OSError as error:  # a closed pipe, a full disk
        sys.stderr.write(f"{PROG}: error: cannot write the output: {error}\n")
        return 1
    finally:
        with contextlib.suppress(OSError, ValueError):
            out.detach()
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
