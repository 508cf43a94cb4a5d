"""Wagtail hooks of the core app."""

from wagtail import hooks

from core.page_cache import mark_page_request


@hooks.register("before_serve_page", order=-10)
def note_page_for_page_cache(page, request, serve_args, serve_kwargs):
    """Tell the page cache that this request is a Wagtail page and whether its response may be shared.

    Runs before Wagtail's own hooks (view restrictions, allowed methods), which may answer instead of the page.
    """
    mark_page_request(page, request)
