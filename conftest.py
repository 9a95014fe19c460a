"""Run the README's Python examples as tests (Sybil)."""

from doctest import ELLIPSIS

from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=ELLIPSIS)],
    patterns=["README.md"],
).pytest()

# The deprecated ``unified_account.catalogue`` warns when imported, which
# the doctest collector would turn into an error; it has no examples, and
# tests/test_rule_catalogue_rename.py checks its warning.
collect_ignore = ["src/unified_account/catalogue.py"]
