"""The command's changes over time: ``diff``, ``what-if`` and ``watch``.

``unified-account diff OLD NEW``   what changed between two snapshots or
                                   saved JSON reports
``unified-account what-if SNAPSHOT PLAN``
                                   what a plan of actions would change
``unified-account watch SNAPSHOT`` a live report: notifications in, one
                                   JSON line of changes out per event

Exit status: 0 when no finding at ``--fail-on``'s level appeared (or
without ``--fail-on``) and, for ``what-if``, the rules allow every
step; 1 when one did appear, or the rules refuse a step; 2 for bad
input, with the error on stderr and nothing on stdout.  ``watch``
exits with 3 when a line could not be applied (each such line has its
error line, and the run went on), else 1 when a finding at
``--fail-on``'s level appeared, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from .messages import N_
from .rule_catalogue import FORMATS

if TYPE_CHECKING:
    from .changes import ReportDiff
    from .report import Report

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = frozenset({"diff", "what-if", "watch"})
"""The subcommands this module adds."""


def add_commands(
    commands: Any,
    text: Callable[..., str],
    *,
    locale_help: str,
    format_help: str,
    names: Callable[[str, str], Iterable[str]],
) -> None:
    """Add ``diff`` and ``what-if`` to the command's subparsers.

    ``text`` renders a help message id; ``names`` lists a mapping's keys
    in another module when first needed (the editions, the levels).
    """
    diff = commands.add_parser("diff", help=text(N_("cli.help.diff")))
    diff.add_argument("old", metavar="OLD", help=text(N_("cli.help.old")))
    diff.add_argument("new", metavar="NEW", help=text(N_("cli.help.new")))
    whatif = commands.add_parser("what-if", help=text(N_("cli.help.what-if")))
    whatif.add_argument(
        "snapshot", metavar="SNAPSHOT", help=text(N_("cli.help.snapshot"))
    )
    whatif.add_argument(
        "plan", metavar="PLAN", help=text(N_("cli.help.plan-actions"))
    )
    watch = commands.add_parser("watch", help=text(N_("cli.help.watch")))
    watch.add_argument(
        "snapshot", metavar="SNAPSHOT", help=text(N_("cli.help.snapshot"))
    )
    watch.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=text(N_("cli.help.watch-output")),
    )
    for parser in (diff, whatif, watch):
        if parser is not watch:  # watch writes JSON Lines only
            parser.add_argument(
                "--format", choices=FORMATS, default="text", help=format_help
            )
        parser.add_argument("--locale", default="en", help=locale_help)
        parser.add_argument(
            "--edition",
            default="faq",
            choices=names(".edition", "EDITIONS"),
            metavar="EDITION",
            help=text(N_("cli.help.edition"), default="faq"),
        )
        parser.add_argument(
            "--fail-on",
            choices=names(".report", "FAIL_ON"),
            metavar="{warning,denied}",
            default=None,
            help=text(N_("cli.help.diff-fail-on")),
        )


def _read(path: str, edition_name: str) -> Report:
    """The report of ``path``: a saved JSON report, or a snapshot's."""
    from .changes import report_from_data
    from .changes.saved import is_report_document
    from .edition import edition_named
    from .errors import SnapshotError
    from .report import build_report
    from .snapshot import parse_snapshot

    source, text = _bytes(path)
    try:
        snapshot = parse_snapshot(text, source)
    except SnapshotError:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            data = None
        if not is_report_document(data):
            raise  # not a report either: the snapshot's own error
        return report_from_data(data, source)
    return build_report(snapshot, edition=edition_named(edition_name))


def _diff(args: argparse.Namespace) -> ReportDiff:
    from .changes import diff_reports
    from .errors import InvalidValueError

    if args.old == args.new == "-":
        raise InvalidValueError("OLD and NEW cannot both be stdin (`-`)")
    return diff_reports(
        _read(args.old, args.edition), _read(args.new, args.edition)
    )


def _bytes(path: str) -> tuple[str, bytes]:
    """The source name and the bytes of ``path`` (``-``: stdin).

    Read as every snapshot is: never past its limit.
    """
    from .snapshot import _read_input

    if path == "-":
        return "<stdin>", _read_input(sys.stdin.buffer, "<stdin>")
    return path, _read_input(path, path)


def _what_if(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    from .changes.plan_file import plan_from_data
    from .changes.whatif import WHAT_IF_FORMATS, what_if
    from .edition import edition_named
    from .errors import InvalidValueError
    from .report import FAIL_ON
    from .snapshot import parse_snapshot

    if args.snapshot == args.plan == "-":
        raise InvalidValueError("SNAPSHOT and PLAN cannot both be stdin (`-`)")
    source, text = _bytes(args.snapshot)
    snapshot = parse_snapshot(text, source)
    source, text = _bytes(args.plan)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InvalidValueError(f"not JSON: {error}", field=source) from None
    plan = plan_from_data(data, source)
    result = what_if(snapshot, plan, edition=edition_named(args.edition))
    out.write(WHAT_IF_FORMATS[args.format](result, locale))
    failing = frozenset() if args.fail_on is None else FAIL_ON[args.fail_on]
    appeared = any(f.outcome in failing for f in result.diff.appeared)
    return 1 if result.refused is not None or appeared else 0


def run(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    """Run the subcommand ``args.command``; its exit status."""
    from .changes.formats import DIFF_FORMATS
    from .report import FAIL_ON

    if args.command == "what-if":
        return _what_if(args, locale, out)
    if args.command == "watch":
        return _watch(args, locale, out)
    diff = _diff(args)
    out.write(DIFF_FORMATS[args.format](diff, locale))
    failing = frozenset() if args.fail_on is None else FAIL_ON[args.fail_on]
    return 1 if any(f.outcome in failing for f in diff.appeared) else 0


def _watch(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    from ._files import lines_limited, write_whole
    from ._stopping import whole
    from .changes._watch import watch_line
    from .changes.formats import FindingDocuments
    from .changes.live import LiveReport
    from .edition import edition_named
    from .limits import MAX_SNAPSHOT_CHARACTERS
    from .report import FAIL_ON
    from .snapshot import dump_snapshot, parse_snapshot

    if args.snapshot == "-":
        from .errors import InvalidValueError

        raise InvalidValueError(
            "SNAPSHOT cannot be stdin (`-`): stdin carries the notifications"
        )
    source, text = _bytes(args.snapshot)
    live = LiveReport(
        parse_snapshot(text, source), edition=edition_named(args.edition)
    )
    del text
    failing = frozenset() if args.fail_on is None else FAIL_ON[args.fail_on]
    bad = failed = False
    lines = lines_limited(sys.stdin.buffer, MAX_SNAPSHOT_CHARACTERS)
    documents = FindingDocuments(locale)
    for number, line in enumerate(lines, 1):
        if line is not None and not line.strip():
            continue
        live, written, outcomes = watch_line(live, number, line, documents)
        bad = bad or outcomes is None
        failed = failed or bool(outcomes and outcomes & failing)
        with whole():  # a stop waits for the end of the line
            out.write(written)
            out.flush()
    if args.output is not None:
        write_whole(args.output, dump_snapshot(live.snapshot).encode())
    return 3 if bad else 1 if failed else 0
