"""Controlled vocabularies (SKOS code lists) that classify services: loaded from catalog/vocabularies/, never edited."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConceptScheme(models.TextChoices):
    PRODUCT_TYPE = "type", _("Producttype")
    AUDIENCE = "doelgroep", _("Doelgroep")
    THEME = "thema", _("Thema")
    COMPETENT_LEVEL = "bevoegd_bestuursniveau", _("Bevoegd bestuursniveau")
    EXECUTING_LEVEL = "uitvoerend_bestuursniveau", _("Uitvoerend bestuursniveau")
    PUBLICATION_CHANNEL = "publicatiekanaal", _("Publicatiekanaal")
    YOUR_EUROPE = "your_europe", _("Your Europe-categorie")
    AREA = "gebied", _("Geografisch gebied")
    LIFE_EVENT = "levensgebeurtenis", _("Levensgebeurtenis")
    CHANNEL_TYPE = "kanaaltype", _("Kanaaltype")
    LANGUAGE = "taal", _("Taal")


class Concept(models.Model):
    """One concept of a code list, identified by its URI; `code` is its notation or the last part of its URI."""

    scheme = models.CharField(_("codelijst"), max_length=40, choices=ConceptScheme.choices, db_index=True)
    code = models.CharField(_("code"), max_length=120)
    uri = models.URLField(_("URI"), max_length=255, unique=True)
    label_nl = models.CharField(_("label (Nederlands)"), max_length=255)
    label_en = models.CharField(_("label (Engels)"), max_length=255, blank=True)
    broader = models.ForeignKey(
        "self",
        verbose_name=_("breder begrip"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        ordering = ["scheme", "label_nl"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="unique_concept_code_per_scheme")]

    def __str__(self):
        if self.broader_id and self.scheme == ConceptScheme.YOUR_EUROPE:
            return f"{self.broader.label_nl} › {self.label_nl}"
        return self.label_nl


def concepts_of(scheme):
    """`limit_choices_to` for a field that picks concepts of one code list."""
    return {"scheme": scheme}
