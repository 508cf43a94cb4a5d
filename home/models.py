from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page


class HomePage(Page):
    """The root of the public site: the search box first, then the top tasks, themes and life events."""

    intro = models.CharField(
        _("introtekst"),
        max_length=255,
        blank=True,
        help_text=_("Eén zin onder de titel, bv. 'Alle producten en diensten van de stad, op elk moment.'"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("top_tasks", heading=_("Toptaken"), label=_("toptaak"), max_num=8),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["top_tasks"] = [task.service for task in self.top_tasks.select_related("service") if task.service.live]
        return context

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")


class HomePageTopTask(Orderable):
    """A service on the home page's list of top tasks: what most citizens come for."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_tasks")
    service = models.ForeignKey(
        "catalog.ServicePage", verbose_name=_("dienst"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("service", "catalog.ServicePage")]
