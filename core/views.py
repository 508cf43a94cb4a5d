import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.template.loader import render_to_string
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
