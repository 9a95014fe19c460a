"""The command's changes over time: ``diff``.

``unified-account diff OLD NEW``   what changed between two snapshots or
                                   saved JSON reports

Exit status: 0 when no finding at ``--fail-on``'s level appeared (or
without ``--fail-on``); 1 when one did; 2 for bad input, with the error
on stderr and nothing on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from .catalogue import FORMATS
from .messages import N_

if TYPE_CHECKING:
    from .changes import ReportDiff
    from .report import Report

__all__ = ["COMMANDS", "add_commands", "run"]

COMMANDS = frozenset({"diff"})
"""The subcommands this module adds."""


def add_commands(
    commands: Any,
    text: Callable[..., str],
    *,
    locale_help: str,
    format_help: str,
    names: Callable[[str, str], Iterable[str]],
) -> None:
    """Add ``diff`` to the command's subparsers ``commands``.

    ``text`` renders a help message id; ``names`` lists a mapping's keys
    in another module when first needed (the editions, the levels).
    """
    diff = commands.add_parser("diff", help=text(N_("cli.help.diff")))
    diff.add_argument("old", metavar="OLD", help=text(N_("cli.help.old")))
    diff.add_argument("new", metavar="NEW", help=text(N_("cli.help.new")))
    diff.add_argument(
        "--format", choices=FORMATS, default="text", help=format_help
    )
    diff.add_argument("--locale", default="en", help=locale_help)
    diff.add_argument(
        "--edition",
        default="faq",
        choices=names(".edition", "EDITIONS"),
        metavar="EDITION",
        help=text(N_("cli.help.edition"), default="faq"),
    )
    diff.add_argument(
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

    if path == "-":
        source, text = "<stdin>", sys.stdin.buffer.read()
    else:
        source = path
        try:
            with open(path, "rb") as file:
                text = file.read()
        except OSError as error:
            raise SnapshotError(
                "", f"cannot read the file: {error.strerror}", source
            ) from None
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


def run(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    """Run the subcommand ``args.command``; its exit status."""
    from .changes.formats import DIFF_FORMATS
    from .report import FAIL_ON

    diff = _diff(args)
    out.write(DIFF_FORMATS[args.format](diff, locale))
    failing = frozenset() if args.fail_on is None else FAIL_ON[args.fail_on]
    return 1 if any(f.outcome in failing for f in diff.appeared) else 0
