import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with an empty cache (Redis on the PostgreSQL pass is shared between tests)."""
    cache.clear()
    yield
    cache.clear()
