"""`import_catalog` and `export_catalog`: the example file, round trips, and bad input that must write nothing."""

import csv
import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog.models import ContactPoint, Department, ServicePage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = FIXTURES / "example-catalog.csv"
HEADER = "external_id,title,summary,audiences,themes"


def empty_catalogue():
    """Remove every service, contact point and department, as on a fresh site (rolled back after the test)."""
    for page in ServicePage.objects.all():
        page.delete()
    ContactPoint.objects.all().delete()
    Department.objects.all().delete()


def export(fmt="csv"):
    out = StringIO()
    call_command("export_catalog", "--format", fmt, stdout=out)
    return out.getvalue()


def run_import(path, *options):
    out = StringIO()
    call_command("import_catalog", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue()


def rows_of(text):
    return {row["external_id"]: row for row in csv.DictReader(io.StringIO(text))}


def test_example_file_imports_into_a_fresh_site_and_shows_on_the_public_site(client, demo_site):
    empty_catalogue()
    output = run_import(EXAMPLE, "--publish")
    assert "3 nieuwe diensten en 0 bijgewerkte diensten, gepubliceerd." in output
    assert "Nieuwe afdelingen: Burgerzaken, Mobiliteit, Evenementen." in output
    services = {service.external_id: service for service in ServicePage.objects.live()}
    assert set(services) == {"pin-puk-code", "bewonerskaart", "feestmateriaal"}
    card = services["bewonerskaart"]
    assert card.department.name == "Mobiliteit"  # created: the fresh site had no departments
    assert {concept.code for concept in card.life_events.all()} == {"Verhuizen", "Voertuig"}
    pin = services["pin-puk-code"]
    assert pin.online_channel.url == "https://eloket.example.org/pin-puk"
    assert pin.processing_time.days == 14
    response = client.get(pin.url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Pin- en pukcode van je eID" in page
    assert "burger" in page  # the audience, shown on the page
    # The catalogue's A to Z lists them under their theme's filter, and not under another theme.
    by_theme = client.get("/producten-en-diensten/", {"thema": "MobiliteitOpenbareWerken"}).content.decode()
    assert "Parkeerkaart voor bewoners" in by_theme
    assert "Pin- en pukcode van je eID" not in by_theme


def test_importing_twice_creates_no_duplicates_and_makes_a_new_revision(demo_site):
    empty_catalogue()
    run_import(EXAMPLE, "--publish")
    service = ServicePage.objects.get(external_id="pin-puk-code")
    revisions = service.revisions.count()
    output = run_import(EXAMPLE, "--publish")
    assert "0 nieuwe diensten en 3 bijgewerkte diensten, gepubliceerd." in output
    assert ServicePage.objects.count() == 3
    assert Department.objects.filter(name="Burgerzaken").count() == 1
    assert service.revisions.count() == revisions + 1


def test_import_without_publish_makes_drafts(demo_site):
    empty_catalogue()
    run_import(EXAMPLE)
    assert ServicePage.objects.count() == 3
    assert not ServicePage.objects.live().exists()


def test_update_without_publish_keeps_the_live_version(demo_site, tmp_path):
    service = ServicePage.objects.get(external_id="bewonerskaart")
    live_title = service.title
    text = EXAMPLE.read_text(encoding="utf-8").replace("Parkeerkaart voor bewoners", "Bewonerskaart parkeren")
    path = tmp_path / "changed.csv"
    path.write_text(text, encoding="utf-8")
    run_import(path)
    service.refresh_from_db()
    assert service.title == live_title
    assert service.has_unpublished_changes
    assert service.get_latest_revision_as_object().title == "Bewonerskaart parkeren"


def test_dry_run_writes_nothing(demo_site):
    count, departments = ServicePage.objects.count(), Department.objects.count()
    output = run_import(EXAMPLE, "--dry-run")
    assert output.startswith("Proefrun: 2 nieuwe diensten en 1 bijgewerkte diensten; er is niets geschreven.")
    assert ServicePage.objects.count() == count
    assert Department.objects.count() == departments


def test_csv_round_trip_gives_the_same_catalogue(demo_site, tmp_path):
    first = export("csv")
    before = rows_of(first)
    assert len(before) == ServicePage.objects.live().count()
    path = tmp_path / "catalogus.csv"
    path.write_text(first, encoding="utf-8")
    empty_catalogue()
    run_import(path, "--publish")
    after = rows_of(export("csv"))
    assert after.keys() == before.keys()
    for key, row in before.items():
        for column, value in row.items():
            assert after[key][column] == value, f"{key}, {column}"


def test_jsonld_round_trip_keeps_what_cpsv_ap_carries(demo_site, tmp_path):
    before = rows_of(export("csv"))
    contacts = {
        service.external_id: {
            (link.contact_point.phone, link.contact_point.email) for link in service.contact_points.all()
        }
        for service in ServicePage.objects.live()
    }
    path = tmp_path / "catalogus.jsonld"
    path.write_text(export("jsonld"), encoding="utf-8")
    empty_catalogue()
    run_import(path, "--publish")
    after = rows_of(export("csv"))
    assert after.keys() == before.keys()
    # CPSV-AP has no place for these; everything else comes back.
    not_in_cpsv = {
        "competent_authority_level",
        "executing_authority_level",
        "department",
        "ipdc_product_id",
        "deadlines",
        "exceptions",
        "legal_basis",
    }
    for key, row in before.items():
        for column, value in row.items():
            if column in not_in_cpsv:
                continue
            if column in {"contact_phone", "contact_email"}:
                # RDF keeps no order: the first contact point after the trip is one of the service's contact points.
                assert (after[key]["contact_phone"], after[key]["contact_email"]) in (contacts[key] or {("", "")})
                continue
            if column in {"audiences", "themes", "life_events", "keywords", "channels"}:
                assert sorted(after[key][column].split(";")) == sorted(value.split(";")), f"{key}, {column}"
            else:
                assert after[key][column] == value, f"{key}, {column}"


# Bad input: a clear error, nothing written ------------------------------------------------------------------------------


def assert_refused(path, *messages):
    count, departments = ServicePage.objects.count(), Department.objects.count()
    errors = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_catalog", str(path), "--publish", stdout=StringIO(), stderr=errors)
    text = str(raised.value) + errors.getvalue()
    for message in messages:
        assert message in text
    assert ServicePage.objects.count() == count
    assert Department.objects.count() == departments
    return text


def write(tmp_path, text, name="catalogus.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


GOOD = "nieuw-1,Een nieuwe dienst,Wat het is.,Burger,BurgerOverheid"


def test_wrong_encoding(demo_site, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\nnieuw-1,Geboorteaangifte,Je kind is geboren: doe aangifte.,Burger,BurgerOverheid\n"
        "nieuw-2,Café,Een vergunning voor je café.,Burger,BurgerOverheid\n",
        encoding="latin-1",
    )
    assert_refused(path, "niet in UTF-8", "CSV UTF-8")


def test_missing_required_column(demo_site, tmp_path):
    path = write(tmp_path, "external_id,title,summary,audiences\nnieuw-1,Een dienst,Wat het is.,Burger\n")
    assert_refused(path, "Verplichte kolommen ontbreken: themes")


def test_unknown_column(demo_site, tmp_path):
    path = write(tmp_path, f"{HEADER},prijs\n{GOOD},12\n")
    assert_refused(path, "Onbekende kolommen: prijs")


def test_unknown_vocabulary_value(demo_site, tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\nnieuw-2,Tweede dienst,Wat het is.,Burger;Marsmannetje,BurgerOverheid\n")
    text = assert_refused(path, "rij 3, kolom 'audiences'", "'Marsmannetje' staat niet in de codelijst Doelgroep")
    assert "rij 2" not in text


def test_malformed_url_and_amount(demo_site, tmp_path):
    path = write(
        tmp_path,
        f"{HEADER},channels,online_url,cost_amount\n"
        f"{GOOD},Online,http//eloket.example.org,12\n"
        "nieuw-2,Tweede dienst,Wat het is.,Burger,BurgerOverheid,,,12.345\n",
    )
    assert_refused(
        path,
        "rij 2, kolom 'online_url': 'http//eloket.example.org' is geen geldig webadres",
        "rij 3, kolom 'cost_amount': '12.345' is geen geldig bedrag",
    )


def test_online_channel_without_url(demo_site, tmp_path):
    path = write(tmp_path, f"{HEADER},channels\n{GOOD},Online\n")
    assert_refused(path, "rij 2, kolom 'online_url'", "e-loketformulier")


def test_duplicated_external_ids(demo_site, tmp_path):
    path = write(tmp_path, f"{HEADER}\n{GOOD}\n{GOOD}\n")
    assert_refused(path, "rij 3, kolom 'external_id': 'nieuw-1' staat al in rij 2")


def test_all_errors_are_reported_at_once(demo_site, tmp_path):
    path = write(tmp_path, f"{HEADER},cost_amount\nslecht id,,Wat.,Niemand,BurgerOverheid,gratis\n")
    text = assert_refused(path, "4 fouten")
    for column in ("external_id", "title", "audiences", "cost_amount"):
        assert f"kolom '{column}'" in text


def test_a_50_mb_file_is_refused_by_its_size(demo_site, tmp_path):
    path = tmp_path / "groot.csv"
    with open(path, "wb") as file:
        file.write(f"{HEADER}\n".encode())
        file.truncate(50 * 1024 * 1024)
    assert_refused(path, "50.0 MB", "de grens is 25 MB")


def test_the_size_limit_is_a_setting(demo_site, tmp_path, settings):
    settings.CATALOG_IMPORT_MAX_MB = 1
    path = tmp_path / "middelgroot.csv"
    with open(path, "wb") as file:
        file.write(f"{HEADER}\n".encode())
        file.truncate(2 * 1024 * 1024)
    assert_refused(path, "2.0 MB", "de grens is 1 MB")


def test_jsonld_that_is_not_cpsv_ap(demo_site, tmp_path):
    path = write(
        tmp_path, json.dumps({"@id": "https://example.org/x", "@type": "https://schema.org/Thing"}), "ding.jsonld"
    )
    assert_refused(path, "geen CPSV-AP-diensten")
    broken = write(tmp_path, "{not json", "kapot.jsonld")
    assert_refused(broken, "geen geldige JSON-LD")


def test_a_file_with_only_a_header(demo_site, tmp_path):
    assert_refused(write(tmp_path, f"{HEADER}\n"), "geen diensten")


def test_import_keeps_the_reference_index_up_to_date(demo_site):
    """The import updates Wagtail's reference index once per service ("Gebruik" of a contact point in the admin)."""
    from wagtail.models import ReferenceIndex

    empty_catalogue()
    run_import(EXAMPLE, "--publish")
    service = ServicePage.objects.get(external_id="pin-puk-code")
    contact = service.contact_points.get().contact_point
    assert ReferenceIndex.get_references_to(contact).filter(object_id=str(service.pk)).exists()
