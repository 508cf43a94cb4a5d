"""The OpeningHours snippet in the admin menu: "Openingsuren", maintained once and linked from locations and services."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from locations.models import OpeningHours


class OpeningHoursViewSet(SnippetViewSet):
    model = OpeningHours
    icon = "time"
    menu_label = _("Openingsuren")
    menu_name = "opening_hours"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "open_on_public_holidays"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(OpeningHoursViewSet)
