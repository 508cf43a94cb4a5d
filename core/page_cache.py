"""Whole-page caching of public Wagtail pages for anonymous visitors, and its invalidation.

How it works (see docs/caching.md for the reasoning and the trade-offs):

- `PageCacheMiddleware` answers an anonymous GET or HEAD of a page from the shared Django cache (Redis in production)
  without touching the database. On a miss it lets the page render and stores the response when it is safe to share.
- The `before_serve_page` hook in core/wagtail_hooks.py marks the requests that Wagtail serves as a page, so that only
  page responses are ever stored (never the admin, documents, a search view or a form's redirect).
- Every cached page carries the cache *generation* it was rendered in. Any change that can alter what a page shows
  (publish, unpublish, move or delete of a page, a change of a registered snippet, setting, image, ...) sets a new
  generation, and every page cached before it is stale at once.

Other apps register the models whose changes must invalidate the cache with `register_invalidating_model(Model)`,
from their AppConfig.ready(). Code that changes content without model signals (queryset.update(), raw SQL) calls
`invalidate_page_cache()` itself.
"""

import hashlib
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.encoding import escape_uri_path

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
STATUS_HEADER = "X-Page-Cache"
# Vary headers whose variants we can safely key away: a stored page was rendered for a request without a session
# cookie and without any cookie-dependent output (a response that sets a cookie is never stored).
# "Accept" is harmless because only requests that prefer HTML read or fill the cache (see _cache_key): a client that
# asks for another representation of a page (a service's JSON-LD) always gets a fresh, private answer.
_HARMLESS_VARY = {"cookie", "accept-encoding", "accept"}
_CACHED_REPRESENTATION = "text/html"
_OTHER_REPRESENTATIONS = ["application/ld+json", "application/json", "text/turtle"]
_SHAREABLE_STATUS = 200

_invalidating_models = set()

# Per process: until when (time.monotonic()) the page cache leaves an unanswering cache alone, and whether it has been
# down since the last success. Gunicorn's sync workers are single-threaded; under runserver's threads a race here only
# means one extra attempt.
_down_until = 0.0
_was_down = False

# Fields that Wagtail saves on their own when an editor saves a draft, locks an object or schedules a revision. A save
# of only these changes nothing a visitor sees, so it does not invalidate (editors save drafts often).
_DRAFT_BOOKKEEPING_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


# --- settings ------------------------------------------------------------------------------------------------------


def cache_seconds():
    """How long the application keeps a rendered page; 0 turns page caching off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _ignored_query_parameters():
    return [re.compile(pattern) for pattern in getattr(settings, "PAGE_CACHE_IGNORED_QUERY_PARAMETERS", ())]


def _excluded_path_prefixes():
    return tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ()))


def public_cache_control():
    """The Cache-Control of a shareable page: browsers revalidate, shared caches (CDN, Varnish) keep it briefly."""
    return (
        f"public, max-age=0, s-maxage={getattr(settings, 'PAGE_CACHE_PROXY_SECONDS', 0)}, "
        f"stale-while-revalidate={getattr(settings, 'PAGE_CACHE_STALE_SECONDS', 0)}"
    )


# --- the cache, with a circuit breaker ---------------------------------------------------------------------------


def _call(operation, *args, **kwargs):
    """Run a cache operation on the page cache's alias (PAGE_CACHE_ALIAS); None when the cache is down.

    After an error (Redis down or unreachable) the cache is left alone for PAGE_CACHE_RETRY_SECONDS, so that pages are
    served uncached at full speed instead of each request waiting for Redis's connect timeout.
    """
    global _down_until, _was_down
    now = time.monotonic()
    if now < _down_until:
        return None
    store = caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]
    try:
        if _was_down:
            # Back after an outage. Changes made meanwhile could not reach the cache: trust no page cached before.
            store.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            _was_down = False
        return getattr(store, operation)(*args, **kwargs)
    except Exception:  # any cache failure means "serve uncached", never an error page
        retry = getattr(settings, "PAGE_CACHE_RETRY_SECONDS", 30)
        logger.warning("The page cache does not answer; pages are served uncached for %s s.", retry, exc_info=True)
        _down_until = now + retry
        _was_down = True
        return None


# --- invalidation --------------------------------------------------------------------------------------------------


def _new_generation():
    _call("set", GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_page_cache(**kwargs):
    """Make every cached page stale: the next request of each page renders it again.

    Called by the signals of pages and registered models; call it yourself after changes that send no model signal.
    The generation changes at once and again when the surrounding transaction commits, so that a page rendered from
    the old data between the change and the commit is not kept as current.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _invalidate_on_save(instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= _DRAFT_BOOKKEEPING_FIELDS:
        return
    invalidate_page_cache()


def _invalidate_on_page_save(instance, update_fields=None, **kwargs):
    # Pages published through Wagtail invalidate through page_published; this catches live pages that code saves
    # directly (add_child(instance=...) of a live page, a title fixed in a migration or a script).
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live:
        _invalidate_on_save(instance, update_fields=update_fields)


def register_invalidating_model(model):
    """Invalidate the page cache whenever an object of `model` is saved or deleted.

    Call it from your AppConfig.ready() for every snippet, setting or other model whose data pages show: organisations,
    contact points, opening hours, vocabularies, site settings (the alert banner), menus, ... Subclasses are not
    registered by their parent: register each concrete model, and child models (inline panels) that are saved on
    their own. Saving only a draft (a revision) of a snippet with DraftStateMixin does not invalidate; publishing it
    does.
    """
    if model in _invalidating_models:
        return
    _invalidating_models.add(model)
    uid = f"page-cache-{model._meta.label_lower}"
    post_save.connect(_invalidate_on_save, sender=model, dispatch_uid=f"{uid}-save", weak=False)
    post_delete.connect(invalidate_page_cache, sender=model, dispatch_uid=f"{uid}-delete", weak=False)


def invalidating_models():
    """The models registered with `register_invalidating_model` (for documentation and tests)."""
    return frozenset(_invalidating_models)


# --- marking page responses (used by the before_serve_page hook) ---------------------------------------------------


def mark_page_request(page, request):
    """Note on the request that Wagtail serves `page` for it, and whether the response may be shared.

    A page type can set `page_cache_seconds` (0: never cache, e.g. a page that shows "open now").

    Private pages need no check here: Wagtail shows a restricted page only to a request with a session (a logged-in
    user, or a visitor who gave the password), which the middleware never serves from or stores in the cache; to
    everyone else it answers with a login redirect or a password form marked no-cache, which are not stored either.
    """
    if cache_seconds() <= 0:
        return  # page caching is off: responses are left as they are
    seconds = getattr(page, "page_cache_seconds", None)
    if seconds is None:
        seconds = cache_seconds()
    shareable = seconds > 0 and not getattr(request, "is_preview", False)
    request.page_cache = {"seconds": seconds if shareable else 0}


# --- the middleware ------------------------------------------------------------------------------------------------


class PageCacheMiddleware:
    """Serve anonymous page requests from the cache; store shareable page responses.

    Place it below SecurityMiddleware and the header middleware (they then apply to cache hits too) and above
    SessionMiddleware and CsrfViewMiddleware (so that it sees the cookies they set and never stores such a response).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._cache_key(request)
        if key is None:
            response = self.get_response(request)
            if hasattr(request, "page_cache"):
                self._mark_private(response)
            return response

        entries = _call("get_many", [GENERATION_KEY, key]) or {}
        generation = entries.get(GENERATION_KEY)
        entry = entries.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            return self._response_from_entry(entry)

        response = self.get_response(request)
        if not hasattr(request, "page_cache"):
            return response  # not a Wagtail page: leave it alone
        if not self._is_shareable(request, response):
            self._mark_private(response)
            return response

        response["Cache-Control"] = public_cache_control()
        if generation is None:
            # First request after a cache flush: start a generation. When another worker just did, or the cache is
            # down, nothing is stored this time.
            token = uuid.uuid4().hex
            generation = token if _call("add", GENERATION_KEY, token, timeout=None) else None
        if generation is not None:
            headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
            entry = (generation, response.status_code, headers, response.content)
            _call("set", key, entry, request.page_cache["seconds"])
        response[STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def _cache_key(request):
        """The cache key of a request that may be answered from the cache, or None when it may not."""
        if request.method not in ("GET", "HEAD") or cache_seconds() <= 0:
            return None
        if request.path.startswith(_excluded_path_prefixes()):
            return None
        # Anyone with a session (editors, visitors who unlocked a password-protected page) gets fresh pages.
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return None
        ignored = _ignored_query_parameters()
        if any(not any(pattern.match(name) for pattern in ignored) for name in request.GET):
            return None  # a query string can change the page (search, paging, filters): never cached
        if "HTTP_ACCEPT" in request.META and (
            request.get_preferred_type([_CACHED_REPRESENTATION, *_OTHER_REPRESENTATIONS]) != _CACHED_REPRESENTATION
        ):
            return None  # content negotiation: only the HTML representation is cached
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # CommonMiddleware answers it with a 400
        url = f"{request.scheme}://{host}{escape_uri_path(request.path)}"
        return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()

    @staticmethod
    def _is_shareable(request, response):
        if request.page_cache["seconds"] <= 0:
            return False
        if response.status_code != _SHAREABLE_STATUS or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
        return vary <= _HARMLESS_VARY

    @staticmethod
    def _mark_private(response):
        """A page that was not shared must not be kept by a CDN or proxy either."""
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        response[STATUS_HEADER] = "skip"

    @staticmethod
    def _response_from_entry(entry):
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return response


# --- signals -------------------------------------------------------------------------------------------------------


def connect_signals():
    """Connect the page signals and the models every site has; called once from CoreConfig.ready()."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate_page_cache, dispatch_uid="page-cache-published")
    page_unpublished.connect(invalidate_page_cache, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(invalidate_page_cache, dispatch_uid="page-cache-moved")
    # Deleting a page of any type deletes its row in wagtailcore_page, which sends post_delete for Page.
    post_delete.connect(invalidate_page_cache, sender=Page, dispatch_uid="page-cache-page-deleted")
    # post_save of a page is sent with its own class as sender (HomePage, ...), never Page: listen to all senders.
    post_save.connect(_invalidate_on_page_save, dispatch_uid="page-cache-page-saved")
    # Making a page private (or public again) changes who may see it; sites change hostnames and root pages; images
    # and documents change titles (alt text), files and so rendition URLs.
    for model in (PageViewRestriction, Site, get_image_model(), get_document_model()):
        register_invalidating_model(model)

    # A CDN or proxy in front (WAGTAILFRONTENDCACHE) is purged of moved and deleted pages; without one this does nothing.
    from core.frontend_cache import connect_purge_signals

    connect_purge_signals()
