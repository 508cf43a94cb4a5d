"""Purging a CDN or reverse proxy in front of the site (Varnish, nginx) when pages move or are deleted.

Wagtail's `wagtail.contrib.frontend_cache` already purges a page's URLs when it is published or unpublished. This adds
the two page events it leaves out: a move (the old and the new URL) and a delete. Without a configured backend
(FRONTEND_CACHE_PURGE_URL in production; see docs/caching.md) the purges do nothing.
"""

import copy

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import post_page_move


def _purge_on_commit(batch):
    # Purge after the change is committed, or the proxy could fetch the old page again in between.
    transaction.on_commit(batch.purge)


def _purge_moved(instance, url_path_before, **kwargs):
    batch = PurgeBatch()
    batch.add_page(instance)  # the new URL
    before = copy.copy(instance)
    before.url_path = url_path_before
    batch.add_page(before)  # and the old one
    _purge_on_commit(batch)


def _purge_deleted(instance, **kwargs):
    batch = PurgeBatch()
    batch.add_page(instance)
    _purge_on_commit(batch)


def connect_purge_signals():
    """Connect the move and delete purges (Wagtail itself connects publish and unpublish)."""
    post_page_move.connect(_purge_moved, dispatch_uid="frontend-cache-moved")
    pre_delete.connect(_purge_deleted, sender=Page, dispatch_uid="frontend-cache-deleted")
