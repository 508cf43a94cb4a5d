"""Test-only models: a page that shows a snippet and a site setting, as the catalogue and the public site will."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page
from wagtail.snippets.models import register_snippet


@register_snippet
class ContactSnippet(models.Model):
    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=30, blank=True)

    panels = [FieldPanel("name"), FieldPanel("phone")]

    def __str__(self):
        return self.name


@register_setting
class AlertSettings(BaseSiteSetting):
    message = models.CharField(max_length=200, blank=True)


class CachedTestPage(Page):
    body = models.CharField(max_length=200, blank=True)
    contact = models.ForeignKey(ContactSnippet, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    with_form = models.BooleanField(default=False)

    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("contact"), FieldPanel("with_form")]


class ClockTestPage(Page):
    """A page whose content would depend on the time, so it opts out of the page cache."""

    page_cache_seconds = 0
    template = "testapp/cached_test_page.html"
