"""The figures of the "Inzicht" dashboard: each chart is a title, a description, columns and rows, drawn as SVG.

Every query is limited to what the user may see (`restrict_to_user`): editors their department, webmasters everything.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import ServicePage
from insight.access import is_webmaster, restrict_to_user, user_departments
from insight.models import Feedback, PageViewCount, ServiceSnapshot

TOP = 10
SVG_WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    columns: list
    rows: list = field(default_factory=list)
    value_column: int = 1  # the column drawn as bars
    percent: bool = False
    notes: dict = field(default_factory=dict)  # row label -> comments shown under the table

    @property
    def drawn(self):
        return self.value_column is not None and bool(self.rows)

    @property
    def bars(self):
        """Horizontal bars: one per row, scaled to the largest value."""
        values = [float(row[self.value_column] or 0) for row in self.rows]
        largest = 100.0 if self.percent else max(values, default=0) or 1
        room = SVG_WIDTH - LABEL_WIDTH - 60
        return [
            {
                "label": str(row[0])[:34],
                "value": row[self.value_column],
                "y": index * (BAR_HEIGHT + 6),
                "width": max(1, round(value / largest * room)) if value else 0,
                "text_x": LABEL_WIDTH + (round(value / largest * room) if value else 0) + 6,
            }
            for index, (row, value) in enumerate(zip(self.rows, values, strict=True))
        ]

    @property
    def height(self):
        return max(1, len(self.rows)) * (BAR_HEIGHT + 6)


def search_log_model():
    """The search query log, when the search app provides it (it arrives from another branch)."""
    if not apps.is_installed("search"):
        return None
    try:
        from search.models import SearchQueryLog
    except ImportError:
        return None
    return SearchQueryLog


def _services_of(user):
    services = ServicePage.objects.live()
    if is_webmaster(user):
        return services
    return services.filter(department__in=user_departments(user))


def build(user, start, end):
    """All charts for the period start..end (inclusive)."""
    views = restrict_to_user(PageViewCount.objects.filter(date__gte=start, date__lte=end), user)
    charts = []

    per_day = dict(views.values_list("date").annotate(total=Sum("count")).values_list("date", "total"))
    days = [start + timedelta(days=offset) for offset in range((end - start).days + 1)]
    charts.append(
        Chart(
            "weergaven-per-dag",
            _("Weergaven per dag"),
            _("Aantal keer dat een pagina bekeken werd, per dag, van %(start)s tot %(end)s.")
            % {"start": start, "end": end},
            [_("Dag"), _("Weergaven")],
            [(day.isoformat(), per_day.get(day, 0)) for day in days],
        )
    )

    top = (
        views.filter(page__servicepage__isnull=False)
        .values("page__title")
        .annotate(total=Sum("count"))
        .order_by("-total", "page__title")[:TOP]
    )
    charts.append(
        Chart(
            "top-diensten",
            _("Meest bekeken diensten"),
            _("De %(count)s dienstenpagina's met de meeste weergaven in deze periode.") % {"count": TOP},
            [_("Dienst"), _("Weergaven")],
            [(row["page__title"], row["total"]) for row in top],
        )
    )

    log = search_log_model()
    if log is not None:
        searches = log.objects.filter(date__gte=start, date__lte=end).values("query")
        top_searches = searches.annotate(total=Sum("searches")).order_by("-total", "query")[:TOP]
        charts.append(
            Chart(
                "top-zoekopdrachten",
                _("Meest gezochte woorden"),
                _("Waar bezoekers het vaakst naar zochten op de website."),
                [_("Zoekopdracht"), _("Keer gezocht")],
                [(row["query"], row["total"]) for row in top_searches],
            )
        )
        without = (
            searches.annotate(total=Sum("searches"), found=Sum("results")).filter(found=0).order_by("-total", "query")
        )[:TOP]
        charts.append(
            Chart(
                "zonder-resultaat",
                _("Zoekopdrachten zonder resultaat"),
                _(
                    "Waar bezoekers naar zochten zonder iets te vinden: kandidaten voor een nieuwe pagina of een synoniem."
                ),
                [_("Zoekopdracht"), _("Keer gezocht")],
                [(row["query"], row["total"]) for row in without],
            )
        )

    feedback = restrict_to_user(
        Feedback.objects.filter(created_at__date__gte=start, created_at__date__lte=end), user
    ).filter(page__servicepage__isnull=False)
    ratios = (
        feedback.values("page_id", "page__title")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        .order_by("page__title")
    )
    rows = []
    for row in ratios:
        total = row["yes"] + row["no"]
        rows.append((row["page__title"], round(100 * row["no"] / total), row["yes"], row["no"], row["page_id"]))
    rows.sort(key=lambda row: (-row[1], -row[3], row[0]))
    rows = rows[:TOP]
    comments = {}
    for item in feedback.filter(page_id__in=[row[4] for row in rows]).exclude(comment="").select_related("page"):
        comments.setdefault(item.page.title, []).append(item.comment)
    charts.append(
        Chart(
            "feedback-per-dienst",
            _("Feedback per dienst (minst nuttig eerst)"),
            _("Aandeel 'Nee' op de vraag 'Was deze informatie nuttig?', per dienst, met de opmerkingen."),
            [_("Dienst"), _("% niet nuttig"), _("Ja"), _("Nee")],
            [row[:4] for row in rows],
            percent=True,
            notes=comments,
        )
    )

    snapshots = ServiceSnapshot.objects.filter(date__gte=start, date__lte=end)
    if not is_webmaster(user):
        snapshots = snapshots.filter(department__in=user_departments(user))
    share = snapshots.values("date").annotate(total=Sum("services"), online=Sum("online")).order_by("date")
    charts.append(
        Chart(
            "online-aandeel",
            _("Aandeel diensten met een online kanaal"),
            _("Per dag het percentage gepubliceerde diensten dat je online kan aanvragen (dagelijkse momentopname)."),
            [_("Dag"), _("% online"), _("Online"), _("Diensten")],
            [
                (
                    row["date"].isoformat(),
                    round(100 * row["online"] / row["total"]) if row["total"] else 0,
                    row["online"],
                    row["total"],
                )
                for row in share
            ],
            percent=True,
        )
    )

    overdue = (
        _services_of(user)
        .filter(review_date__lt=timezone.localdate())
        .select_related("department")
        .order_by("review_date", "title")
    )
    charts.append(
        Chart(
            "te-herzien",
            _("Diensten die herzien moeten worden"),
            _("Gepubliceerde diensten waarvan de herzieningsdatum voorbij is, de oudste eerst."),
            [_("Dienst"), _("Te herzien op"), _("Afdeling")],
            [
                (page.title, page.review_date.isoformat(), page.department.name if page.department else "")
                for page in overdue
            ],
            value_column=None,
        )
    )
    return charts
