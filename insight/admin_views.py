"""The "Inzicht" dashboard in the admin: a period form, the charts as SVG with their tables, and CSV export."""

import csv
from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insight import dashboard
from insight.access import can_see_insight

MAX_DAYS = 400


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("De einddatum ligt voor de begindatum."))
            if (end - start).days > MAX_DAYS:
                raise forms.ValidationError(_("Kies een periode van hoogstens %(days)s dagen.") % {"days": MAX_DAYS})
        return data


def default_period():
    end = timezone.localdate()
    return {"start": end - timedelta(days=29), "end": end}


def insight_dashboard(request):
    """The dashboard; `?csv=<chart>` returns that chart's table as CSV."""
    if not can_see_insight(request.user):
        raise PermissionDenied
    form = PeriodForm(request.GET if "start" in request.GET or "end" in request.GET else None, initial=default_period())
    period = form.cleaned_data if form.is_bound and form.is_valid() else default_period()
    charts = dashboard.build(request.user, period["start"], period["end"])
    if "csv" in request.GET:
        chart = next((chart for chart in charts if chart.slug == request.GET["csv"]), None)
        if chart is None:
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"{chart.slug}-{period['start']}-{period['end']}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow(chart.columns)
        writer.writerows(chart.rows)
        return response
    query = f"start={period['start']}&end={period['end']}"
    context = {"form": form, "charts": charts, "period": period, "query": query, "page_title": _("Inzicht")}
    return TemplateResponse(request, "insight/dashboard.html", context)
