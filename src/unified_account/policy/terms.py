"""Translatable names of the model's closed vocabularies."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from ..decision import Term
from ..messages import N_
from ..model._plan import SellingPlan

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["INFO_FIELD_TERMS", "PLAN_TERMS"]

PLAN_TERMS: Mapping[SellingPlan, Term] = MappingProxyType(
    {
        SellingPlan.PROFESSIONAL: Term(N_("term.plan.professional")),
        SellingPlan.INDIVIDUAL: Term(N_("term.plan.individual")),
    }
)
"""The display name of each selling plan."""

INFO_FIELD_TERMS: Mapping[str, Term] = MappingProxyType(
    {
        "legal_entity_name": Term(N_("term.info.legal-entity-name")),
        "address_country": Term(N_("term.info.address-country")),
        "bank": Term(N_("term.info.bank")),
        "contact_email": Term(N_("term.info.contact-email")),
        "display_name": Term(N_("term.info.display-name")),
    }
)
"""The display name of each field of the account information."""
