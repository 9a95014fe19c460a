"""The ``unified-account`` command.

``unified-account rules``      the rule catalogue
``unified-account explain K``  one rule: title, FAQ question, summary, example
``unified-account report [F]`` every applicable rule on a seller snapshot
                               (``-``: read it from stdin)
``unified-account diff OLD NEW``
                               what changed between two snapshots or
                               saved reports (:mod:`.cli_changes`)
``unified-account import-spapi --home CC FILE...``
                               SP-API responses, notifications and reports
                               into a snapshot (stdout, or ``-o FILE``)

Each takes ``--format text|json|markdown`` and ``--locale``; ``report``
also ``--format html`` (one self-contained page), the filters
``--rule``, ``--marketplace``, ``--level``, ``--sku`` and ``--asin``
(see :class:`~unified_account.report.query.FindingFilter`), and
``--as-of DATE``, the day the dated rules are judged on.  Progress goes
to stderr only when it is a terminal; ``--quiet`` silences it.  A snapshot
is read and checked whole before anything is written, so a bad one leaves
stdout empty; the report is then written as it is produced.  A directory
or a JSON Lines file of snapshots gives one result per seller (see
:mod:`unified_account.batch`).

Exit status: 0 on success; 1 when ``report --fail-on LEVEL`` finds a
finding at or above that level; 2 for bad input or usage, with the error
on stderr; 3 when the run could not complete (the output could not be
written, a Dask scheduler could not be reached, a worker was lost);
130 after Ctrl-C and 143 after ``SIGTERM``, with one line on stderr.
Every file written with ``-o`` is written whole or not at all
(:mod:`unified_account._files`).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import io
import signal
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TextIO

import attrs

from . import __version__, cli_changes
from ._excerpt import one_line
from ._files import text_output, unwritable, write_whole
from ._stopping import Stopped, stopping_on_sigterm
from .errors import RunIncompleteError, UnifiedAccountError
from .i18n import SUPPORTED_LOCALES, normalize_locale, render
from .locales import resolve_locale
from .messages import N_
from .rule_catalogue import (
    FORMATS,
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    rule_json,
    rule_markdown,
    rule_plain,
)
from .rules import rule

if TYPE_CHECKING:
    from .snapshot import Snapshot

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


def _write(stream: IO[str], text: str) -> None:
    """Write ``text`` in ``stream``'s encoding, never failing to encode.

    A character the encoding cannot write (Chinese help on an ASCII
    terminal, a lone surrogate) is written as a backslash escape.  A
    stream without an encoding (``io.StringIO``) takes UTF-8 text.
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    data = text.encode(encoding, "backslashreplace")
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode(encoding))
    else:
        stream.flush()
        buffer.write(data)
    stream.flush()


def _error(message: str) -> None:
    """One short line on stderr, whatever its encoding."""
    _write(sys.stderr, f"{PROG}: error: {one_line(message)}\n")


def _locale(wanted: str) -> str:
    """The supported locale serving ``wanted``, said on stderr if not exact.

    ``fr`` is served by ``fr_CA`` and ``zh_TW`` by ``zh_Hant``: the line
    on stderr says so, in the language served, and the output is
    unchanged; a locale with no fallback is an error.
    """
    served = resolve_locale(wanted)
    if not served.exact:
        note = render(
            N_("cli.locale-served"),
            {"requested": served.requested, "served": served.served},
            served.served,
        )
        _write(sys.stderr, f"{PROG}: {one_line(note)}\n")
    return served.served


class _Escaping(io.TextIOBase):
    """A text-only stream (``io.StringIO``) written through :func:`_write`."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        _write(self._stream, text)
        return len(text)


def _output() -> TextIO:
    """stdout, buffered, in its own encoding, escaping what it cannot write."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        return _Escaping(sys.stdout)  # type: ignore[return-value]
    sys.stdout.flush()
    if isinstance(buffer, io.RawIOBase):
        # ``python -u`` (PYTHONUNBUFFERED) gives a raw stream, whose write
        # may take part of the bytes; a text layer over it would lose the
        # rest (a cut line on a full pipe).  A buffer writes them all.
        buffer = io.BufferedWriter(buffer)
    return io.TextIOWrapper(
        buffer,
        encoding=getattr(sys.stdout, "encoding", None) or "utf-8",
        errors="backslashreplace",
        newline="\n",
        write_through=False,
    )


class _Parser(argparse.ArgumentParser):
    """argparse, writing safely; a usage error's own line stays short."""

    def _print_message(self, message: str, file: Any = None) -> None:
        _write(file or sys.stderr, message)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {one_line(message)}\n")


class _Names:
    """The keys of a mapping in another module, read when first needed.

    Only ``report`` takes an edition or a ``--fail-on`` level, so
    ``rules`` and ``explain`` start without loading the editions or the
    report.
    """

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def _names(self) -> Sequence[str]:
        module = importlib.import_module(self.module, __package__)
        return tuple(getattr(module, self.name))

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


def _day(text: str) -> date:
    """A ``--as-of`` value: a calendar day written ``YYYY-MM-DD``."""
    try:
        if len(text) == len("YYYY-MM-DD"):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(
        f"`{one_line(text)}` is not a day written YYYY-MM-DD"
    )


def _country(text: str) -> str:
    """A ``--marketplace`` value: a marketplace's country code."""
    from .model.marketplace import Marketplace

    try:
        return Marketplace.from_country(text).name
    except UnifiedAccountError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _rule_key(text: str) -> str:
    """A ``--rule`` value: a rule's key."""
    try:
        return str(rule(text).key)
    except UnifiedAccountError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


_LEVELS = ("allowed", "denied", "warning", "info", "undetermined")
_REPORT_FORMATS = (*FORMATS, "html")


def _parser(locale: str) -> argparse.ArgumentParser:
    def text(message_id: str, **params: str) -> str:
        return render(message_id, params, locale)

    parser = _Parser(prog=PROG, description=text(N_("cli.description")))
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
        "--format", choices=_REPORT_FORMATS, default="text", help=format_help
    )
    report.add_argument("--locale", default="en", help=locale_help)
    report.add_argument(
        "--as-of",
        type=_day,
        metavar="DATE",
        help=text(N_("cli.help.report-as-of")),
    )
    report.add_argument(
        "--rule",
        action="append",
        type=_rule_key,
        metavar="RULE_KEY",
        help=text(N_("cli.help.rule-filter")),
    )
    report.add_argument(
        "--marketplace",
        action="append",
        type=_country,
        metavar="CC",
        help=text(N_("cli.help.marketplace-filter")),
    )
    report.add_argument(
        "--level",
        action="append",
        choices=_LEVELS,
        help=text(N_("cli.help.level")),
    )
    report.add_argument(
        "--sku", action="append", help=text(N_("cli.help.sku"))
    )
    report.add_argument(
        "--asin", action="append", help=text(N_("cli.help.asin"))
    )
    quiet_help = text(N_("cli.help.quiet"))
    report.add_argument("--quiet", action="store_true", help=quiet_help)
    report.add_argument(
        "--edition",
        default="faq",
        choices=_Names(".edition", "EDITIONS"),
        metavar="EDITION",
        help=text(N_("cli.help.edition"), default="faq"),
    )
    report.add_argument(
        "--fail-on",
        choices=_Names(".report", "FAIL_ON"),
        metavar="{warning,denied}",
        default=None,
        help=text(N_("cli.help.fail-on")),
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
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=text(N_("cli.help.report-output")),
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
    spapi.add_argument(
        "--as-of",
        type=_day,
        metavar="DATE",
        help=text(N_("cli.help.import-as-of")),
    )
    spapi.add_argument("--locale", default="en", help=locale_help)
    spapi.add_argument("--quiet", action="store_true", help=quiet_help)
    cli_changes.add_commands(
        commands,
        text,
        locale_help=locale_help,
        format_help=format_help,
        names=_Names,
    )
    return parser


def _import(args: argparse.Namespace, locale: str) -> str:
    from .model.account import SellingPlan
    from .model.marketplace import Marketplace
    from .snapshot import dump_snapshot
    from .spapi.files import import_files

    home = Marketplace.from_country(args.home)
    assembly = import_files(
        args.files,
        home=home,
        seller_id=args.seller_id,
        plan=None if args.plan is None else SellingPlan(args.plan),
        as_of=args.as_of,
    )
    if args.as_of is None and not args.quiet:
        note = render(N_("cli.note.no-as-of"), {}, locale)
        _write(sys.stderr, f"{PROG}: {note}\n")
    return dump_snapshot(assembly.snapshot)


EXIT_INCOMPLETE = 3
"""The exit status of a run that could not complete."""


_CATALOGUE = {
    "json": catalogue_json,
    "markdown": catalogue_markdown,
    "text": catalogue_text,
}
_RULE = {"json": rule_json, "markdown": rule_markdown, "text": rule_plain}


def _many(path: str) -> bool:
    if path == "-":
        return False
    return Path(path).is_dir() or path.endswith((".jsonl", ".ndjson"))


def _report(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    """Write the report(s); the exit status.

    1 when ``--fail-on`` finds a finding at its level, 2 when a seller's
    snapshot of many could not be read, 3 when a seller's worker was
    lost.  With ``-o FILE`` the report goes to that file, whole or not at
    all.
    """
    if args.output is not None:
        with text_output(args.output) as file:
            return _report_to(args, locale, file)
    return _report_to(args, locale, out)


def _report_to(args: argparse.Namespace, locale: str, out: TextIO) -> int:
    from .batch import report_many, seller_jobs
    from .edition import edition_named
    from .report import FAIL_ON, FindingFilter, iter_findings
    from .report.html import report_html
    from .report.progress import Progress
    from .report.stream import write_report
    from .report.summary import Summary

    edition = edition_named(args.edition)
    failing = frozenset() if args.fail_on is None else FAIL_ON[args.fail_on]
    where = FindingFilter(
        rule=args.rule,
        outcome=args.level,
        marketplace=args.marketplace,
        sku=args.sku,
        asin=args.asin,
    )
    options = {
        "locale": locale,
        "format": args.format,
        "everything": args.everything,
    }
    if args.snapshot is not None and _many(args.snapshot):
        if args.format == "html":
            raise UnifiedAccountError(
                "--format html writes one seller's page: give one snapshot, "
                "or use text, json or markdown for many sellers"
            )
        progress = Progress(
            sys.stderr,
            N_("cli.progress.sellers"),
            locale,
            enabled=not args.quiet,
        )
        try:
            results = report_many(
                seller_jobs(args.snapshot),
                out,
                edition=edition.name,
                workers=args.workers,
                scheduler=args.scheduler,
                where=where,
                as_of=args.as_of,
                progress=progress.step,
                **options,
            )
        finally:
            progress.done()
        broken = [result for result in results if result.error]
        for result in broken:
            _error(str(result.error))
        if any(result.lost for result in broken):
            return EXIT_INCOMPLETE
        if broken:
            return 2
        return 1 if any(r.outcomes & failing for r in results) else 0
    snapshot = _snapshot(args.snapshot)
    if args.as_of is not None:
        snapshot = attrs.evolve(snapshot, as_of=args.as_of)
    progress = Progress(
        sys.stderr, N_("cli.progress.findings"), locale, enabled=not args.quiet
    )
    findings = where.select(
        progress.counted(iter_findings(snapshot, edition=edition))
    )
    try:
        if args.format == "html":
            summary, kept = Summary(), []
            for finding in findings:
                summary.add(finding)
                kept.append(finding)
            out.write(report_html(kept, edition=edition.name, locale=locale))
        else:
            summary = write_report(
                findings, out, edition=edition.name, **options
            )
    finally:
        progress.done()
        gc.unfreeze()
    return 1 if any(summary.outcomes[o] for o in failing) else 0


def _snapshot(path: str | None) -> Snapshot:
    """The snapshot at ``path`` (``-``: stdin; ``None``: the example).

    The snapshot lives as long as its report: the collector is kept from
    walking its millions of objects, from the moment they are built (a
    load pauses the collector, but the first collection after it would
    walk them all) until the report is written (``gc.unfreeze``).
    """
    from .snapshot import example_snapshot, load_snapshot, read_snapshot

    enabled = gc.isenabled()
    gc.disable()
    try:
        if path is None:
            snapshot = example_snapshot()
        elif path == "-":
            snapshot = read_snapshot(sys.stdin.buffer, "<stdin>")
        else:
            snapshot = load_snapshot(path)
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return snapshot


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = _parser(_help_locale(words)).parse_args(words)
    with stopping_on_sigterm():
        try:
            return _run(args)
        except KeyboardInterrupt:
            _error("interrupted")
            return 128 + signal.SIGINT
        except Stopped:
            _error("stopped by SIGTERM")
            return 128 + signal.SIGTERM


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; its exit status."""
    out = _output()
    try:
        locale = _locale(args.locale)
        if args.command == "report":
            status = _report(args, locale, out)
        elif args.command in cli_changes.COMMANDS:
            status = cli_changes.run(args, locale, out)
        elif args.command == "rules":
            out.write(_CATALOGUE[args.format](locale))
            status = 0
        elif args.command == "import-spapi":
            text = _import(args, locale)
            if args.output is None:
                out.write(text)
            else:
                write_whole(args.output, text.encode("utf-8"))
            status = 0
        else:
            out.write(_RULE[args.format](rule(args.rule_key), locale))
            status = 0
        out.flush()
    except RunIncompleteError as error:
        _error(str(error))
        return EXIT_INCOMPLETE
    except UnifiedAccountError as error:
        _error(str(error))
        return 2
    except OSError as error:  # a closed pipe, a full disk, ``-o FILE``
        _error(f"cannot write the output: {error}")
        return EXIT_INCOMPLETE
    except UnicodeEncodeError as error:  # ``-o FILE`` is UTF-8
        _error(f"cannot write the output: {unwritable(error)}")
        return EXIT_INCOMPLETE
    finally:
        _release(out)
    return status


def _release(out: TextIO) -> None:
    """Write what ``out`` holds and let go of stdout, without closing it."""
    if isinstance(out, io.TextIOWrapper):
        with contextlib.suppress(OSError, ValueError):
            buffer = out.detach()
            if buffer is not getattr(sys.stdout, "buffer", None):
                buffer.detach()  # the buffer over ``python -u``'s raw stdout


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
