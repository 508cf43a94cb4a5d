"""The public endpoints: the feedback form (and its comment), and the page-view beacon.

They are exempt from CSRF because cached pages cannot carry a per-visitor token; docs/insight.md explains what
protects them instead (same origin, honeypot, rate limit, length limits, and they change nothing but their own rows).
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from insight import tracking
from insight.forms import HONEYPOT_FIELD, CommentForm, FeedbackForm, make_token
from insight.models import Feedback
from insight.protection import is_rate_limited, is_same_origin

FEEDBACK_LIMIT = (20, 60 * 60)  # answers and comments per client per hour
BEACON_LIMIT = (300, 60 * 60)  # page views per client per hour
# A transparent 1x1 GIF for the <noscript> image.
PIXEL = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _answer(request, status, message, *, page=None, form=None, comment_form=None, thanks=False):
    """The reply to the script (JSON) or to a browser without script (a page)."""
    if _wants_json(request):
        data = {"message": message, "ok": 200 <= status < 300}
        if comment_form is not None:
            data["token"] = comment_form.initial.get("token") or comment_form.data.get("token")
        return JsonResponse(data, status=status)
    context = {"message": message, "return_page": page, "comment_form": comment_form, "thanks": thanks}
    return render(request, "insight/feedback_result.html", context, status=status)


def _rejected(request):
    """The common checks; a response when the request must be refused, None when it may go on."""
    if not is_same_origin(request):
        return _answer(request, 403, _("Je feedback kon niet verstuurd worden. Geef ze op de pagina zelf."))
    if request.POST.get(HONEYPOT_FIELD):
        # A bot filled in the hidden field: say thanks and store nothing.
        return _answer(request, 200, _("Bedankt voor je feedback."), thanks=True)
    if is_rate_limited(request, "feedback", *FEEDBACK_LIMIT):
        return _answer(request, 429, _("Je gaf al veel feedback na elkaar. Probeer het later opnieuw."))
    return None


@csrf_exempt
@never_cache
@require_POST
def feedback(request):
    """Store an answer (and the comment, when the script sends it along) for a live, public page."""
    if rejected := _rejected(request):
        return rejected
    form = FeedbackForm(request.POST)
    page = None
    if form.is_valid():
        page = Page.objects.live().public().filter(pk=form.cleaned_data["page"]).first()
    if page is None:
        if form.errors.get("comment"):
            message = _("Je opmerking is te lang: schrijf ze in maximaal 1000 tekens.")
        else:
            message = _("Je feedback kon niet verstuurd worden. Kies Ja of Nee op de pagina.")
        return _answer(request, 400, message)
    helpful = form.cleaned_data["answer"] == "ja"
    item = Feedback.objects.create(page=page, helpful=helpful, comment=form.cleaned_data["comment"].strip())
    comment_form = None
    if not helpful and not item.comment:
        comment_form = CommentForm(initial={"token": make_token(item)})
    return _answer(request, 200, _("Bedankt voor je feedback."), page=page, comment_form=comment_form, thanks=True)


@csrf_exempt
@never_cache
@require_POST
def feedback_comment(request):
    """Add the comment asked after a "Nee" to that answer (once)."""
    if rejected := _rejected(request):
        return rejected
    form = CommentForm(request.POST)
    if not form.is_valid():
        if "token" in form.errors:
            return _answer(request, 400, form.errors["token"][0])
        message = form.errors["comment"][0]
        if _wants_json(request):
            return JsonResponse({"message": message, "ok": False}, status=400)
        return render(request, "insight/feedback_result.html", {"comment_form": form}, status=400)
    item = Feedback.objects.filter(pk=form.cleaned_data["token"], helpful=False, comment="").first()
    if item is not None:
        item.comment = form.cleaned_data["comment"].strip()
        item.save(update_fields=["comment"])
    page = item.page if item else None
    return _answer(request, 200, _("Bedankt, we bekijken je opmerking."), page=page, thanks=True)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def beacon(request):
    """Count one view of a page: POSTed by navigator.sendBeacon, or a GET of the <noscript> image.

    The script sends the page's own `document.referrer`; the image cannot, so its views count as "other" (its Referer
    header is the page itself).
    """
    data = request.POST if request.method == "POST" else request.GET
    user_agent = request.headers.get("User-Agent", "")
    counted = False
    if (
        not tracking.is_bot(user_agent)
        and (request.method == "GET" or is_same_origin(request))
        and not is_rate_limited(request, "beacon", *BEACON_LIMIT)
    ):
        try:
            page_id = int(data.get("p", ""))
        except ValueError:
            page_id = None
        if page_id and Page.objects.live().filter(pk=page_id).exists():
            if request.method == "POST":
                referrer = tracking.referrer_type(data.get("r", "")[:500], request.get_host())
            else:
                referrer = tracking.ReferrerType.OTHER
            tracking.count_view(page_id, timezone.localdate(), tracking.device_class(user_agent), referrer)
            counted = True
    if request.method == "GET":
        return HttpResponse(PIXEL, content_type="image/gif")
    return HttpResponse(status=204 if counted else 202)
