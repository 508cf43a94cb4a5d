from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The root of the public site: the search box first, then the top tasks, themes and life events."""

    intro = models.CharField(
        _("introtekst"),
        max_length=255,
        blank=True,
        help_text=_("Eén zin onder de titel, bv. 'Alle producten en diensten van de stad, op elk moment.'"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")
