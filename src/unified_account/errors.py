"""The exceptions the library raises.

Every exception derives from :class:`UnifiedAccountError`, and each
concrete one also derives from the builtin it refines (``ValueError``,
``LookupError``, ``TypeError``), so ``except ValueError`` keeps working.

Exceptions are for invalid input and misuse only.  A business "no" (an
Individual account asking to sell in Canada, a merge request) is a
:class:`~unified_account.Decision` value; a *transition* the rules
forbid raises :class:`~unified_account.decision.RuleViolation`, which
carries that decision; it lives beside :class:`~unified_account.Decision`
so that this module, the base of every other, imports nothing.

Messages follow one style: lowercase, no trailing period, the offending
value in backticks, and where it came from first, e.g. ``account.home:
unknown marketplace `XX```.
"""

from __future__ import annotations

__all__ = [
    "CurrencyMismatchError",
    "InvalidArgumentError",
    "InvalidValueError",
    "MissingDataError",
    "MissingExtraError",
    "MissingMessageError",
    "RunIncompleteError",
    "SnapshotError",
    "UnifiedAccountError",
    "UnknownMarketplaceError",
    "UnsupportedLocaleError",
]


class UnifiedAccountError(Exception):
    """The base of every exception this library raises.

    .. versionadded:: 0.1.0
    """


class InvalidValueError(UnifiedAccountError, ValueError):
    """A value that cannot exist: a negative quantity, a float amount, ...

    :attr:`field` names the attribute (or dotted path below the object
    being built) that holds the value, when there is one; :attr:`problem`
    is the message without it.  Loaders use :attr:`field` to name the
    exact place in a file.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problem: str, *, field: str | None = None) -> None:
        self.problem = problem
        self.field = field
        super().__init__(f"{field}: {problem}" if field else problem)


class InvalidArgumentError(InvalidValueError, TypeError):
    """A public function was given an argument of the wrong type.

    Both an :class:`InvalidValueError` (the value cannot be used) and a
    ``TypeError`` (its type is wrong).  :attr:`function` and
    :attr:`field` name the function and the parameter; the message quotes
    an excerpt of the value.

    .. versionadded:: 0.2.0
    """

    def __init__(self, problem: str, *, function: str, field: str) -> None:
        self.function = function
        super().__init__(problem, field=field)


class UnknownMarketplaceError(UnifiedAccountError, LookupError):
    """A marketplace id, domain or country code that is not in the catalogue.

    .. versionadded:: 0.1.0
    """


class CurrencyMismatchError(UnifiedAccountError, TypeError):
    """Two amounts in different currencies were combined or compared.

    .. versionadded:: 0.1.0
    """


class MissingDataError(UnifiedAccountError, LookupError):
    """A look-up that has no answer in the data it was given.

    For example a fee asked for a date before the schedule's first entry,
    or a conversion for which the caller supplied no rate.

    .. versionadded:: 0.1.0
    """


class MissingMessageError(UnifiedAccountError, LookupError):
    """A message id with no translation, or rendered without its values.

    The test suite checks every id in every locale, so this means a bug
    in the library or a caller rendering an id of its own.

    .. versionadded:: 0.1.0
    """


class MissingExtraError(UnifiedAccountError, ImportError):
    """A feature needs an optional extra that is not installed.

    The message names the extra to install
    (``pip install "unified-account[frames]"``).

    .. versionadded:: 0.2.0
    """


class UnsupportedLocaleError(UnifiedAccountError, LookupError):
    """A locale the message catalogs do not cover.

    .. versionadded:: 0.1.0
    """


class RunIncompleteError(UnifiedAccountError, RuntimeError):
    """A run that could not complete: a Dask scheduler that cannot be reached.

    The command exits with status 3 for it, as for output it could not
    write or a worker lost.

    .. versionadded:: 0.2.0
    """


class SnapshotError(UnifiedAccountError, ValueError):
    """A seller snapshot that is not JSON, has the wrong shape, or is invalid.

    :attr:`path` is the JSON path of the problem (``account.info.CA``),
    empty for a problem with the document as a whole.

    .. versionadded:: 0.1.0
    """

    def __init__(self, path: str, problem: str, source: str = "") -> None:
        self.path = path
        self.problem = problem
        self.source = source
        where = ": ".join(part for part in (source, path) if part)
        super().__init__(f"{where}: {problem}" if where else problem)


class PayloadError(InvalidValueError):
    """A Selling Partner API payload or report an adapter cannot read.

    :attr:`path` is the JSON path of the problem inside the payload
    (``payload[2].marketplace.id``), or ``line 4, column 3`` in a
    flat-file report; :attr:`source` names the file, when there is one.
    It is an :class:`InvalidValueError` whose :attr:`field` is the path.

    .. versionadded:: 0.1.0
    """

    def __init__(self, path: str, problem: str, source: str = "") -> None:
        super().__init__(problem, field=path or None)
        self.path = path
        self.source = source
        where = ": ".join(part for part in (source, path) if part)
        self.args = (f"{where}: {problem}" if where else problem,)

    def __str__(self) -> str:
        return str(self.args[0])

    def in_file(self, source: str) -> PayloadError:
        """The same error, naming the file ``source`` it came from."""
        if not isinstance(source, str):
            # This module imports nothing, so the check is written here.
            raise InvalidArgumentError(
                f"`{source!r:.60}` is not a string; an argument of "
                "`PayloadError.in_file`",
                function="PayloadError.in_file",
                field="source",
            )
        return PayloadError(self.path, self.problem, source)
