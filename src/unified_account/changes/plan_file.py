"""A what-if plan read from JSON: a list of action objects.

Each object names its ``action`` (a key of
:data:`~unified_account.changes.plan.ACTIONS`) beside the action's
fields, written as in a snapshot
(``changes/schemas/plan-1.schema.json``).
"""

from __future__ import annotations

import cattrs

from .._excerpt import excerpt
from ..errors import InvalidValueError, UnifiedAccountError
from ..model._converter import converter, first_problem
from .plan import ACTIONS, Action

__all__ = ["plan_from_data"]


def plan_from_data(data: object, source: str = "<plan>") -> tuple[Action, ...]:
    """The actions of a plan read from parsed JSON (a list of objects).

    A problem raises :class:`~unified_account.errors.InvalidValueError`
    naming ``source`` and the JSON path (``[2].listing.price``).
    """
    if not isinstance(data, list):
        raise InvalidValueError(
            f"`{excerpt(data, as_repr=True)}` is not a list of actions",
            field=source,
        )
    actions: list[Action] = []
    for index, item in enumerate(data):
        where = f"{source}: [{index}]"
        if not isinstance(item, dict):
            raise InvalidValueError(
                f"`{excerpt(item, as_repr=True)}` is not an action object",
                field=where,
            )
        body = dict(item)
        name = body.pop("action", None)
        kind = ACTIONS.get(name) if isinstance(name, str) else None
        if kind is None:
            raise InvalidValueError(
                f"`{excerpt(name)}` is not an action; the actions are: "
                + ", ".join(ACTIONS),
                field=f"{where}.action",
            )
        try:
            actions.append(converter.structure(body, kind))
        except (cattrs.BaseValidationError, UnifiedAccountError) as error:
            path, problem = first_problem(error)
            field = f"{where}.{path}" if path else where
            raise InvalidValueError(problem, field=field) from None
    return tuple(actions)
