"""The public search: the results page, autocomplete suggestions as JSON, and the click counter behind result links."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from catalog.models.vocabularies import Concept, ConceptScheme
from search import query as search_query
from search import text
from search.models import SearchDocument, SearchQueryLog, SearchSuggestion

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,120}$")
FACET_SCHEMES = (
    ("thema", ConceptScheme.THEME, "services_in_theme", _("Thema")),
    ("doelgroep", ConceptScheme.AUDIENCE, "services_for_audience", _("Doelgroep")),
)
KIND_LABELS = dict(SearchDocument.KIND_CHOICES)


def _no_store(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


class Filters:
    """The facet filters in the URL: type, thema, doelgroep and online, each checked against a strict pattern."""

    def __init__(self, params):
        self.values = {}
        kind = params.get("type", "")
        if kind in KIND_LABELS:
            self.values["type"] = kind
        for param, _scheme, _related, _label in FACET_SCHEMES:
            code = params.get(param, "")
            if CODE_PATTERN.match(code):
                self.values[param] = code
        if params.get("online") == "1":
            self.values["online"] = "1"

    def apply(self, documents):
        from catalog.models import ServicePage

        if "type" in self.values:
            documents = documents.filter(kind=self.values["type"])
        if "online" in self.values:
            documents = documents.filter(online=True)
        for param, scheme, _related, _label in FACET_SCHEMES:
            if param in self.values:
                field = "themes" if param == "thema" else "audiences"
                pages = ServicePage.objects.filter(
                    **{f"{field}__code": self.values[param], f"{field}__scheme": scheme}
                ).values("pk")
                documents = documents.filter(page_id__in=pages)
        return documents


def search(request):
    """The search page: results for ?q= with facets and pages, or the popular services when there is no query."""
    raw = request.GET.get("q", "")
    synonyms = search_query.load_synonyms() if raw.strip() else []
    query = search_query.parse(raw, synonyms)
    filters = Filters(request.GET)
    context = {"query": query, "filters": filters.values, "search_url": request.path}

    if query.is_empty:
        context["popular"] = popular_services()
        response = TemplateResponse(request, "search/search.html", context)
        if raw:
            _no_store(response)
        return response

    public_pages = Page.objects.live().public().values("pk")
    base = SearchDocument.objects.filter(page_id__in=public_pages)
    # One ranking query fetches every match (a few columns each): the count, the page and the facet counts all come
    # from these rows, so the costly aggregation over the index runs once per search.
    rows = list(search_query.ranked(query, filters.apply(base)))
    found = len(rows)

    corrected = None
    suggestion = ""
    if found < 3 and not filters.values:
        suggestion = search_query.suggest(query)
        if suggestion and found == 0:
            corrected = search_query.parse(suggestion, synonyms)
            rows = list(search_query.ranked(corrected, base))
            if not rows:
                corrected = None

    paginator = Paginator(rows, settings.SEARCH_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("pagina"))
    documents = search_query.documents_for(page_obj.object_list)
    shown_query = corrected or query
    items = [
        {
            "document": document,
            "url": document.page.get_url(request),
            "click_url": "/zoeken/klik/?" + urlencode({"q": query.normalised, "naar": document.page_id}),
            "kind_label": KIND_LABELS.get(document.kind, KIND_LABELS[SearchDocument.KIND_PAGE]),
            "snippet": search_query.snippet(document, shown_query),
        }
        for document in documents
    ]
    context.update(
        {
            "results": items,
            "page_obj": page_obj,
            "paginator": paginator,
            "total": len(rows),
            "suggestion": suggestion,
            "suggestion_url": "?" + urlencode({"q": suggestion}) if suggestion else "",
            "corrected": corrected,
            "best_bets": best_bets(query) if page_obj.number == 1 else [],
            "facet_groups": facet_groups(query, filters, rows),
            "page_urls": _page_urls(query, filters, page_obj),
            "clear_filters_url": "?" + urlencode({"q": query.text}),
        }
    )
    if page_obj.number == 1 and not filters.values:
        log_search(query.normalised, found)
    return _no_store(TemplateResponse(request, "search/search.html", context))


def _url(query, values, **changes):
    params = {"q": query.text, **values}
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return "?" + urlencode(params)


def _page_urls(query, filters, page_obj):
    def url(number):
        return _url(query, filters.values, pagina=number)

    return {
        "previous": url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next": url(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


def facet_groups(query, filters, rows):
    """The facets with counts over the current results, each value a link that adds or removes it.

    Type and online counts come from the ranked rows; thema and doelgroep from the services' links to their concepts
    (one small query each, bounded by the size of the catalogue, not by the number of results).
    """
    from catalog.models import ServicePage

    values = filters.values
    kinds = {}
    online = 0
    page_ids = set()
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
        online += bool(row["online"])
        if row["kind"] == SearchDocument.KIND_SERVICE:
            page_ids.add(row["page_id"])
    groups = [
        {
            "param": "type",
            "label": _("Soort"),
            "values": [
                {
                    "label": KIND_LABELS[kind],
                    "count": kinds[kind],
                    "selected": values.get("type") == kind,
                    "url": _url(query, values, type=None if values.get("type") == kind else kind, pagina=None),
                }
                for kind, _label in SearchDocument.KIND_CHOICES
                if kinds.get(kind)
            ],
        },
    ]
    for param, scheme, _related, label in FACET_SCHEMES:
        through = (ServicePage.themes if param == "thema" else ServicePage.audiences).through
        counts = {}
        for page_id, code, concept_label in through.objects.filter(concept__scheme=scheme).values_list(
            "servicepage_id", "concept__code", "concept__label_nl"
        ):
            if page_id in page_ids:
                counts.setdefault((concept_label, code), set()).add(page_id)
        concepts = [
            Concept(code=code, label_nl=concept_label, scheme=scheme)
            for concept_label, code in sorted(counts, key=lambda item: (item[0].casefold(), item[1]))
        ]
        for concept in concepts:
            concept.count = len(counts[(concept.label_nl, concept.code)])
        groups.append(
            {
                "param": param,
                "label": label,
                "values": [
                    {
                        "label": concept.label_nl,
                        "count": concept.count,
                        "selected": values.get(param) == concept.code,
                        "url": _url(
                            query, values, **{param: None if values.get(param) == concept.code else concept.code}
                        ),
                    }
                    for concept in concepts
                ],
            }
        )
    groups.append(
        {
            "param": "online",
            "label": _("Online aan te vragen"),
            "values": [
                {
                    "label": _("Online aan te vragen"),
                    "count": online,
                    "selected": "online" in values,
                    "url": _url(query, values, online=None if "online" in values else "1"),
                }
            ]
            if online
            else [],
        }
    )
    return [group for group in groups if group["values"]]


def best_bets(query):
    """The editors' recommended pages for this query (Wagtail's search promotions), live pages and links only."""
    keys = {query.normalised, query.text.lower(), " ".join(query.text.lower().split())}
    promotions = (
        SearchPromotion.objects.filter(query__query_string__in=sorted(keys))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    bets = []
    for promotion in promotions:
        if promotion.page_id and not promotion.page.live:
            continue
        bets.append(
            {
                "title": promotion.title,
                "url": promotion.page.url if promotion.page_id else promotion.external_link_url,
                "description": promotion.description,
            }
        )
    return bets


def popular_services():
    """What most citizens come for: the home page's top tasks (chosen by the editors from the search and visit figures)."""
    from home.models import HomePageTopTask

    tasks = (
        HomePageTopTask.objects.select_related("service").filter(service__live=True).order_by("page_id", "sort_order")
    )
    return [task.service for task in tasks[:8]]


def log_search(normalised, total):
    """Count one search in today's row of the log: no person, only the query, the day and the number of results."""
    today = timezone.localdate()
    SearchQueryLog.objects.bulk_create([SearchQueryLog(date=today, query=normalised[:200])], ignore_conflicts=True)
    SearchQueryLog.objects.filter(date=today, query=normalised[:200]).update(searches=F("searches") + 1, results=total)


def click(request):
    """Count a click on a result and send the visitor on to that page (only live, public pages of this site)."""
    try:
        page_id = int(request.GET.get("naar", ""))
    except ValueError:
        page_id = None
    page = Page.objects.live().public().filter(pk=page_id).first() if page_id and page_id < 2**31 else None
    url = page.get_url(request) if page else None
    if not url:
        return _no_store(HttpResponseRedirect("/zoeken/"))
    normalised = " ".join(text.words(text.clean_query(request.GET.get("q", ""))[0]))
    if normalised:
        try:
            with transaction.atomic():
                SearchQueryLog.objects.filter(date=timezone.localdate(), query=normalised[:200]).update(
                    clicks=F("clicks") + 1
                )
        except IntegrityError:  # pragma: no cover - a count is not worth an error page
            pass
    return _no_store(HttpResponseRedirect(url))


def suggestions(request):
    """Autocomplete: up to 8 service titles and keywords that start with what the visitor typed, as JSON."""
    prefix = " ".join(text.words(text.clean_query(request.GET.get("q", ""))[0]))[:100]
    items = []
    if len(prefix) >= 2:
        public_pages = Page.objects.live().public().values("pk")
        rows = (
            SearchSuggestion.objects.filter(Q(folded__startswith=prefix) | Q(folded__contains=" " + prefix))
            .filter(document__page_id__in=public_pages)
            .select_related("document__page")
            .order_by("-is_title", "label")[:40]
        )
        seen = set()
        for row in rows:
            if row.document_id in seen:
                continue
            seen.add(row.document_id)
            items.append(
                {
                    "label": row.label if row.is_title else f"{row.label} ({row.document.title})",
                    "title": row.document.title,
                    "url": row.document.page.url,
                }
            )
            if len(items) == 8:
                break
    response = JsonResponse({"query": prefix, "suggestions": items})
    patch_cache_control(response, private=True, max_age=60)
    return response
