"""Search in the admin: the synonyms snippet, the search report, and the prefilled best-bet form."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import PromotionPrefilledCreateView, SearchReportView, SynonymCreateView
from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Synonyms: the words citizens type and what they mean on the site, applied to every search."""

    model = Synonym
    icon = "search"
    menu_label = _("Synoniemen")
    menu_order = 650
    add_to_admin_menu = True
    add_view_class = SynonymCreateView
    list_display = ["term", "meaning"]
    search_fields = ["term", "meaning"]


register_snippet(SynonymViewSet)

admin_urlpatterns = [
    path("", SearchReportView.as_view(), name="report"),
    path("aanbevolen-toevoegen/", PromotionPrefilledCreateView.as_view(), name="add_best_bet"),
]


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("zoekrapport/", include((admin_urlpatterns, "search_admin"), namespace="search_admin"))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.add_synonym")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Zoekopdrachten op de site"),
        reverse("search_admin:report"),
        name="site-searches",
        icon_name="search",
        order=1310,
    )
