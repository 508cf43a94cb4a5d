import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with empty caches (Redis on the PostgreSQL pass is shared between tests)."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
