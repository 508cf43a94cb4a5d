"""The catalogue export in the Django cache, dropped whenever a service is published, unpublished, moved or deleted."""

from django.core.cache import cache

CATALOGUE_KEY = "opendata:catalogus.jsonld"
CATALOGUE_TIMEOUT = 24 * 60 * 60


def invalidate_catalogue():
    cache.delete(CATALOGUE_KEY)


def cached_catalogue(build):
    """The catalogue's JSON-LD from the cache, or `build()` stored in the cache."""
    content = cache.get(CATALOGUE_KEY)
    if content is None:
        content = build()
        cache.set(CATALOGUE_KEY, content, CATALOGUE_TIMEOUT)
    return content
