"""What would change: a plan's decisions and the findings it causes.

:func:`what_if` takes a snapshot and a plan (actions of
:mod:`unified_account.changes.plan`), asks the rules about each action in
turn on the snapshot the steps before it leave, and applies it when they
allow it.  An action the rules refuse stops the plan there, with its
reasons; the steps after it are not tried.  The diff compares the report
of the snapshot with the report of the snapshot the allowed steps leave.
Nothing is written: the snapshot given is a value and stays as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import attrs

from .._excerpt import excerpt
from ..decision import Decision, RuleViolation
from ..edition import FAQ, Edition
from ..errors import InvalidValueError, UnifiedAccountError
from ..i18n import render
from ..messages import N_
from ..report import build_report
from ..report.finding import FindingOutcome
from ..report.formats import outcome_label
from ..report.identity import param_json
from ..rule_catalogue import SCHEMA_VERSION
from ..snapshot import Snapshot
from .diff import ReportDiff, diff_reports
from .formats import diff_document, diff_markdown, diff_text
from .plan import ACTIONS, Action

__all__ = [
    "WHAT_IF_FORMATS",
    "Step",
    "WhatIf",
    "what_if",
    "what_if_json",
    "what_if_markdown",
    "what_if_text",
]


@attrs.frozen
class Step:
    """One action of a plan and the rules' decision on it.

    ``number`` counts from 1, as the plan's steps are told.
    """

    number: int
    action: Action
    decision: Decision

    @property
    def allowed(self) -> bool:
        """Whether the rules allow the action (and it was applied)."""
        return self.decision.allowed


@attrs.frozen
class WhatIf:
    """The steps of a plan decided, the snapshot after, and the diff.

    ``planned`` is how many actions the plan has; ``steps`` holds every
    allowed step and, when the rules refused one, that step last.
    ``snapshot`` is the snapshot the allowed steps leave; ``diff`` goes
    from the report of the snapshot given to the report of ``snapshot``.
    """

    edition: Edition
    planned: int
    steps: tuple[Step, ...]
    snapshot: Snapshot
    diff: ReportDiff

    @property
    def refused(self) -> Step | None:
        """The step the rules refused, where the plan stopped, if any."""
        if self.steps and not self.steps[-1].allowed:
            return self.steps[-1]
        return None


def what_if(
    snapshot: Snapshot, plan: Iterable[Action], *, edition: Edition = FAQ
) -> WhatIf:
    """Each action's decision, and the diff of findings the plan causes.

    An action that cannot apply to the snapshot at all (a SKU it does not
    have) raises :class:`~unified_account.errors.InvalidValueError`
    naming the step (``plan[2]``).
    """
    actions = tuple(plan)
    current = snapshot
    steps: list[Step] = []
    for index, action in enumerate(actions):
        if type(action) not in ACTIONS.values():
            raise InvalidValueError(
                f"`{excerpt(action, as_repr=True)}` is not an action",
                field=f"plan[{index}]",
            )
        try:
            decision = action.decide(current, edition)
            if decision.allowed:
                current = action.apply(current, edition)
        except RuleViolation as violation:
            decision = violation.decision
        except UnifiedAccountError as error:
            raise InvalidValueError(
                str(error), field=f"plan[{index}] ({action.name})"
            ) from None
        steps.append(Step(index + 1, action, decision))
        if not decision.allowed:
            break
    diff = diff_reports(
        build_report(snapshot, edition=edition),
        build_report(current, edition=edition),
    )
    return WhatIf(edition, len(actions), tuple(steps), current, diff)


def _outcome(step: Step, locale: str) -> str:
    return outcome_label(FindingOutcome(step.decision.outcome.value), locale)


def _heading(result: WhatIf, locale: str) -> str:
    return render(
        N_("what-if.heading"),
        {
            "edition": result.edition.name,
            "allowed": sum(step.allowed for step in result.steps),
            "count": result.planned,
        },
        locale,
    )


def _step_line(step: Step, locale: str) -> str:
    return render(
        N_("what-if.step"),
        {
            "number": step.number,
            "action": step.action.name,
            "outcome": _outcome(step, locale),
        },
        locale,
    )


def _reasons(step: Step, locale: str) -> list[str]:
    return [
        f"{reason.rule.value}: "
        + render(reason.message_id, reason.params, locale)
        for reason in step.decision.reasons
    ]


def _stopped(result: WhatIf, locale: str) -> list[str]:
    refused = result.refused
    if refused is None:
        return []
    return [render(N_("what-if.stopped"), {"number": refused.number}, locale)]


def what_if_text(result: WhatIf, locale: str) -> str:
    """The steps with their reasons, then the diff, as plain text."""
    lines = [_heading(result, locale), ""]
    for step in result.steps:
        lines.append(_step_line(step, locale))
        lines += [f"    {line}" for line in _reasons(step, locale)]
    lines += _stopped(result, locale)
    return "\n".join(lines) + "\n\n" + diff_text(result.diff, locale)


def what_if_markdown(result: WhatIf, locale: str) -> str:
    """The steps as a list, then the diff's tables, as Markdown."""
    lines = [f"# {_heading(result, locale)}", ""]
    for step in result.steps:
        lines.append(f"- {_step_line(step, locale)}")
        lines += [f"  - {line}" for line in _reasons(step, locale)]
    lines += ["", *_stopped(result, locale)]
    diff = [
        f"#{line}" if line.startswith("#") else line
        for line in diff_markdown(result.diff, locale).splitlines()
    ]
    return "\n".join([*lines, "", *diff]) + "\n"


def _step_document(step: Step, locale: str) -> dict[str, Any]:
    return {
        "step": step.number,
        "action": step.action.name,
        "outcome": step.decision.outcome.value,
        "reasons": [
            {
                "rule": reason.rule.value,
                "message_id": reason.message_id,
                "params": {
                    name: param_json(value) for name, value in reason.params
                },
                "message": render(reason.message_id, reason.params, locale),
            }
            for reason in step.decision.reasons
        ],
    }


def what_if_json(result: WhatIf, locale: str) -> str:
    """The result as JSON (``changes/schemas/what-if-1.schema.json``)."""
    refused = result.refused
    document = {
        "schema_version": SCHEMA_VERSION,
        "edition": result.edition.name,
        "locale": locale,
        "steps": [_step_document(step, locale) for step in result.steps],
        "stopped_at": None if refused is None else refused.number,
        "diff": diff_document(result.diff, locale),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


WHAT_IF_FORMATS = {
    "text": what_if_text,
    "json": what_if_json,
    "markdown": what_if_markdown,
}
"""Each output format's writer of a what-if result, by ``--format`` name."""
