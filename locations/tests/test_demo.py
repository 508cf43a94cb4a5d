"""The demo locations load from demo_data/locations.yaml and every page renders."""

from io import StringIO

from django.core.management import call_command

from locations.demo import prose_to_html
from locations.models import LocationIndexPage, LocationPage, OpeningHours
from locations.tests.conftest import at

SLUGS = {
    "huis-van-de-mechelaar",
    "snelloket",
    "dorpshuis-leest",
    "recyclagepark-mechelen",
    "digipunt-bibliotheek",
    "digipunt-dorpshuis-walem",
}


def test_demo_content_creates_published_locations_with_hours(client, db):
    call_command("load_demo_content", stdout=StringIO())
    index = LocationIndexPage.objects.get()
    assert index.live and index.url == "/locaties/"
    pages = LocationPage.objects.live().child_of(index)
    assert set(pages.values_list("slug", flat=True)) == SLUGS
    assert OpeningHours.objects.count() == len(SLUGS)
    assert {page.kind for page in pages} == {"stadhuis", "loket", "dorpshuis", "recyclagepark", "digipunt"}
    snelloket = OpeningHours.objects.get(name="Snelloket").schedule
    assert snelloket.periods[0].name == "Zomeruren"
    with at("2026-11-24 10:00"):
        html = client.get("/locaties/").content.decode()
        for slug in SLUGS:
            assert f'href="/locaties/{slug}/"' in html
            assert client.get(f"/locaties/{slug}/").status_code == 200
            assert client.get(f"/locaties/{slug}/sluitingen.ics").status_code == 200
        leest = client.get("/locaties/dorpshuis-leest/").content.decode()
    assert "Nu open tot 12:00 (alleen op afspraak)" in leest
    assert "<li>Met de fiets: voor het dorpshuis staan fietsenrekken.</li>" in leest


def test_prose_becomes_paragraphs_and_lists():
    html = prose_to_html("Eerste zin.\nNog een.\n\n- een\n- twee\n\n1. stap\n2. <stap>")
    assert (
        html
        == "<p>Eerste zin. Nog een.</p><ul><li>een</li><li>twee</li></ul><ol><li>stap</li><li>&lt;stap&gt;</li></ol>"
    )
