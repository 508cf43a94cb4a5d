"""On PostgreSQL, migration search/0002 gives Wagtail's search backend a Dutch configuration with accent folding."""

import pytest
from django.conf import settings
from django.db import connection


@pytest.mark.django_db
def test_dutch_unaccent_configuration():
    if connection.vendor != "postgresql":
        pytest.skip("text-search configurations exist only on PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('dutch_unaccent', 'België identiteitskaarten')::text")
        vector = cursor.fetchone()[0]
    assert "'belgi" in vector  # folded and stemmed: no ë left
    assert "ë" not in vector
    assert "'identiteitskaart'" in vector
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "dutch_unaccent"
