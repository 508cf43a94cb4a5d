"""Admin views of the search: the query report and create forms prefilled from it (one click to a synonym or best bet)."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Max, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.views import CreateView as PromotionCreateView
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView

from search.models import SearchQueryLog

PERIODS = (7, 30, 90, 365)
ROWS = 50


class SynonymCreateView(SnippetCreateView):
    """The synonym create form, with the word prefilled from ?term= (the link in the search report)."""

    def get_initial(self):
        initial = super().get_initial()
        for name in ("term", "meaning"):
            value = self.request.GET.get(name, "").strip()[:100]
            if value:
                initial[name] = value
        return initial


class PromotionPrefilledCreateView(PromotionCreateView):
    """Wagtail's "promoted search result" form with the query prefilled from ?q= (the link in the search report)."""

    def get_initial(self):
        initial = super().get_initial()
        value = self.request.GET.get("q", "").strip()[:200]
        if value:
            initial["query_string"] = value
        return initial


class SearchReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Popular searches, searches without results and searches without a click, over the last N days."""

    permission_required = "search.add_synonym"
    template_name = "search/admin/report.html"
    page_title = _("Zoekopdrachten")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            days = int(self.request.GET.get("dagen", 30))
        except ValueError:
            days = 30
        days = days if days in PERIODS else 30
        since = timezone.localdate() - timedelta(days=days - 1)
        rows = (
            SearchQueryLog.objects.filter(date__gte=since)
            .values("query")
            .annotate(searches_total=Sum("searches"), clicks_total=Sum("clicks"), results_max=Max("results"))
        )
        synonym_add = reverse("wagtailsnippets_search_synonym:add")
        promotion_add = reverse("search_admin:add_best_bet")

        def with_links(queryset):
            return [
                {
                    **row,
                    "synonym_url": f"{synonym_add}?{urlencode({'term': row['query']})}",
                    "best_bet_url": f"{promotion_add}?{urlencode({'q': row['query']})}",
                    "search_url": "/zoeken/?" + urlencode({"q": row["query"]}),
                }
                for row in queryset[:ROWS]
            ]

        context.update(
            {
                "days": days,
                "periods": PERIODS,
                "popular": with_links(rows.order_by("-searches_total", "query")),
                "zero_results": with_links(rows.filter(results_max=0).order_by("-searches_total", "query")),
                "no_clicks": with_links(
                    rows.filter(results_max__gt=0, clicks_total=0).order_by("-searches_total", "query")
                ),
            }
        )
        return context
