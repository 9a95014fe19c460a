"""The ``rule`` directive: a rule's texts, straight from the catalogue.

``{rule} no-merge`` renders the rule's title, FAQ question (in English and
as the FAQ asks it) and summary from :mod:`unified_account.rules`, so the
rules page can never drift from the code.
"""

from docutils import nodes
from docutils.parsers.rst import Directive

from unified_account.i18n import rule_text
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


def setup(app):
    app.add_directive("rule", RuleDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
