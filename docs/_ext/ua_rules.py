"""The ``rule`` directive: a rule's texts, straight from the catalogue.

``{rule} no-merge`` renders the rule's title, FAQ question (in English and
as the FAQ asks it) and summary from :mod:`unified_account.rules`, so the
rules page can never drift from the code.
"""

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

from unified_account.i18n import rule_text
from unified_account.message_ids import MESSAGES, ParamKind
from unified_account.report.finding import FindingOutcome
from unified_account.report.levels import levels_of
from unified_account.rules import rule


class RuleDirective(Directive):
    """Render one rule of the catalogue."""

    required_arguments = 1
    has_content = False

    def run(self):
        entry = rule(self.arguments[0])
        text = rule_text(entry, "en")
        box = nodes.admonition(classes=["note"])
        box += nodes.title(text=text.title)
        key = nodes.paragraph()
        key += nodes.strong(text="Key: ")
        key += nodes.literal(text=text.key)
        key += nodes.Text(f" (since {entry.version_added})")
        question = nodes.paragraph()
        question += nodes.strong(text="FAQ question: ")
        question += nodes.Text(f"{text.question} ({entry.faq_question})")
        box += [key, question, nodes.paragraph(text=text.summary)]
        return [box]


def _table(header, rows, widths):
    table = nodes.table()
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for target, cells in ((head, [header]), (body, rows)):
        for cells_of_row in cells:
            row = nodes.row()
            for cell in cells_of_row:
                entry = nodes.entry()
                entry += (
                    cell
                    if isinstance(cell, nodes.Node)
                    else (nodes.paragraph(text=cell))
                )
                row += entry
            target += row
    return table


def _literal(text):
    paragraph = nodes.paragraph()
    paragraph += nodes.literal(text=text)
    return paragraph


RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def _rule_pages():
    """The page of docs/rules/ whose ``## key`` section holds each rule."""
    pages = {}
    for page in sorted(RULES_DIR.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for key in re.findall(r"^## ([a-z0-9-]+)$", text, re.M):
            pages[key] = f"rules/{page.stem}"
    return pages


def _rule_link(env, key):
    """The rule key, linked to its section of the rules pages."""
    target = _rule_pages()[key]
    uri = env.app.builder.get_relative_uri(env.docname, target)
    paragraph = nodes.paragraph()
    reference = nodes.reference(refuri=f"{uri}#{key}", internal=True)
    reference += nodes.literal(text=key)
    paragraph += reference
    return paragraph


def _levels(message_id):
    """The levels of the id's findings, gravest first; or API only."""
    levels = levels_of(message_id)
    if not levels:
        return nodes.paragraph(text="API only")
    paragraph = nodes.paragraph()
    for index, level in enumerate(o for o in _GRAVITY if o in levels):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += nodes.literal(text=level.value)
    return paragraph


_GRAVITY = (
    FindingOutcome.DENIED,
    FindingOutcome.WARNING,
    FindingOutcome.UNDETERMINED,
    FindingOutcome.ALLOWED,
    FindingOutcome.INFO,
)


class MessagesDirective(Directive):
    """Render every message id with its parameters, from the code.

    Each id's rule links to the rule's section of the rules pages; its
    levels are those its findings can have in the report.
    """

    has_content = False

    def run(self):
        env = self.state.document.settings.env
        rows = []
        for spec in MESSAGES.values():
            params = nodes.paragraph()
            for index, param in enumerate(spec.params):
                if index:
                    params += nodes.Text(", ")
                params += nodes.literal(text=param.name)
                suffix = " (optional)" if param.optional else ""
                params += nodes.Text(f": {param.kind.value}{suffix}")
            rows.append(
                [
                    _literal(spec.message_id),
                    _rule_link(env, str(spec.rule)),
                    _levels(spec.message_id),
                    params,
                ]
            )
        return [
            _table(
                ["Message id", "Rule", "Level in the report", "Parameters"],
                rows,
                [30, 18, 17, 35],
            )
        ]


class ParamKindsDirective(Directive):
    """Render the parameter kinds and how JSON writes each."""

    has_content = False

    def run(self):
        rows = []
        for kind in ParamKind:
            meaning, _, form = kind.description.partition("; JSON: ")
            cell = nodes.paragraph(text=f"{meaning}; JSON: ")
            cell += nodes.literal(text=form)
            rows.append([_literal(kind.value), cell])
        return [_table(["Kind", "Meaning and JSON form"], rows, [20, 80])]


def setup(app):
    app.add_directive("rule", RuleDirective)
    app.add_directive("messages", MessagesDirective)
    app.add_directive("param-kinds", ParamKindsDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
