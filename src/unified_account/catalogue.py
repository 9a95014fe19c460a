"""Deprecated: the old name of :mod:`unified_account.rule_catalogue`.

The rule catalogue's renderers moved so that their module and
:mod:`unified_account.model.catalog` (a seller's listings) are not told
apart by one spelling.  Importing this module warns; it will be removed
in a later release.

.. deprecated:: 0.2.0
   Import from :mod:`unified_account.rule_catalogue`.
"""

from __future__ import annotations

import warnings

from .rule_catalogue import (
    FORMATS,
    SCHEMA_VERSION,
    catalogue_json,
    catalogue_markdown,
    catalogue_text,
    rule_json,
    rule_markdown,
    rule_plain,
)

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "catalogue_json",
    "catalogue_markdown",
    "catalogue_text",
    "rule_json",
    "rule_markdown",
    "rule_plain",
]

warnings.warn(
    "unified_account.catalogue is deprecated; import from"
    " unified_account.rule_catalogue",
    DeprecationWarning,
    stacklevel=2,
)
