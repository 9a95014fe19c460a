"""The rule catalogue and single rules as Markdown, in every locale.

``unified-account rules --format markdown`` and ``explain KEY --format
markdown`` print these; each section is built from the rule's own
translated texts, so a title, question or summary edited in a catalogue
appears here unchanged.
"""

import io
from contextlib import redirect_stdout

import pytest

from unified_account import SUPPORTED_LOCALES
from unified_account.cli import main
from unified_account.i18n import rule_text, translate
from unified_account.rule_catalogue import catalogue_markdown, rule_markdown
from unified_account.rules import RULES

# French puts a no-break space before a colon, Chinese uses the
# full-width colon; English and Spanish a plain one.
COLON = {"fr_CA": "\xa0: ", "zh_Hant": "：", "zh_Hans": "："}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_catalogue_has_one_section_per_rule_in_order(locale):
    """``## `key`: title``, the question in italics, then the summary."""
    sections = catalogue_markdown(locale).rstrip("\n").split("\n\n## ")
    assert len(sections) == len(RULES)
    for section, entry in zip(sections, RULES.values(), strict=True):
        text = rule_text(entry, locale)
        colon = COLON.get(locale, ": ")
        assert section.removeprefix("## ") == (
            f"`{text.key}`{colon}{text.title}\n\n*{text.question}*\n\n"
            f"{text.summary}"
        )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("key", sorted(RULES))
def test_one_rule_has_its_labels_in_the_locale(locale, key):
    """Question, FAQ and example are labelled in the reader's language."""
    entry = RULES[key]
    text = rule_text(entry, locale)
    page = rule_markdown(entry, locale)
    colon = COLON.get(locale, ": ")
    assert page.startswith(f"# `{key}`{colon}{text.title}\n\n")
    for label, value in (
        ("explain.question", text.question),
        ("explain.faq", entry.faq_question),
        ("explain.example", text.example),
    ):
        assert f"**{translate(label, locale)}**{colon}{value}\n" in page
    assert f"\n\n{text.summary}\n\n" in page


def test_the_command_prints_the_same_markdown():
    """``rules --format markdown --locale es_MX`` is the catalogue."""
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["rules", "--format", "markdown", "--locale", "es_MX"])
    assert status == 0
    assert out.getvalue() == catalogue_markdown("es_MX")
    assert "**Pregunta**" in rule_markdown(next(iter(RULES.values())), "es_MX")
