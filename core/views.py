"""Views of the core app: the health check and the error handler for a server error or an unavailable database."""

import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from wagtail.models import Site


def _database_is_up():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _cache_is_up():
    # The cache backend swallows connection errors (a site must not fail with its cache), so a write followed by a read
    # is the way to tell whether it really works.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answer = cache.get(key)
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any failure of the cache means "down" here, never an error page
        return False
    return answer == "ok"


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not; the cache is reported."""
    database_up = _database_is_up()
    cache_up = _cache_is_up()
    body = {
        "status": "ok" if database_up else "unavailable",
        "database": "up" if database_up else "down",
        "cache": "up" if cache_up else "down",
    }
    return JsonResponse(body, status=200 if database_up else 503)


def page_not_found(request, exception=None):
    """The 404 page in Dutch, with the search box and the top tasks of the site's home page."""
    top_tasks = []
    site = Site.find_for_request(request)
    if site is not None:
        home = site.root_page.specific
        get_top_tasks = getattr(home, "get_top_tasks", None)
        if get_top_tasks is not None:
            top_tasks = get_top_tasks()
    return HttpResponseNotFound(render_to_string("404.html", {"top_tasks": top_tasks}, request=request))


def robots_txt(request):
    """robots.txt: everything may be indexed except the admin and search results; points to the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /zoeken/?",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# Errors that mean "the database does not answer" rather than "our code is wrong".
DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)


def server_error(request):
    """handler500: a static "temporarily unavailable" page (503) when the database is down, else the 500 page.

    Django calls this for an uncaught exception anywhere in the view or the middleware, inside the `except` block, so
    the exception is still in sys.exc_info(). Both templates are static: they need no database and no context.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE_ERRORS):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
    else:
        response = HttpResponseServerError(loader.render_to_string("500.html"))
    add_never_cache_headers(response)
    return response
