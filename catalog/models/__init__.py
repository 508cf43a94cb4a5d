"""The catalogue's models, one module per concern."""

from .navigation import (
    LifeEventIndexPage,
    LifeEventPage,
    LifeEventStep,
    ServiceIndexPage,
    ThemeIndexPage,
    ThemePage,
    ThemeTopService,
)
from .organisations import ContactPoint, Department, Organisation
from .services import (
    ServiceChannel,
    ServiceContactPoint,
    ServiceCost,
    ServiceFinancialAdvantage,
    ServiceLegalResource,
    ServiceMoreInfoLink,
    ServicePage,
    ServiceRelation,
    ServiceRequirement,
)
from .vocabularies import Concept, ConceptScheme

__all__ = [
    "Concept",
    "ConceptScheme",
    "ContactPoint",
    "Department",
    "LifeEventIndexPage",
    "LifeEventPage",
    "LifeEventStep",
    "Organisation",
    "ServiceChannel",
    "ServiceContactPoint",
    "ServiceCost",
    "ServiceFinancialAdvantage",
    "ServiceIndexPage",
    "ServiceLegalResource",
    "ServiceMoreInfoLink",
    "ServicePage",
    "ServiceRelation",
    "ServiceRequirement",
    "ThemeIndexPage",
    "ThemePage",
    "ThemeTopService",
]
