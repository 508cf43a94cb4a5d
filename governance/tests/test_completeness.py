"""The completeness score of a service, its panel in the editor, and the report with filter and CSV export."""

import csv
import io

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from catalog.completeness import completeness
from catalog.models import Concept, ServiceChannel, ServicePage

pytestmark = pytest.mark.django_db


def concept(scheme, code):
    return Concept.objects.get(scheme=scheme, code=code)


@pytest.fixture
def bare_service(own_service):
    """A service with only the fields the model requires, a counter channel and no Your Europe."""
    page = ServicePage.objects.get(pk=own_service.pk)
    page.procedure = page.legal_basis = ""
    page.processing_time = None
    page.processing_time_text = ""
    page.title_en = page.summary_en = ""
    page.costs.clear()
    page.contact_points.clear()
    page.legal_resources.clear()
    page.publication_channels.clear()
    page.channels.clear()
    page.channels.add(ServiceChannel(channel_type=concept("kanaaltype", "Loket"), location_text="Huis"))
    return page


def keys(result):
    return {check.key for check in result.missing}


def test_a_bare_counter_service_misses_everything_a_citizen_needs(bare_service):
    result = completeness(bare_service)
    assert keys(result) == {"procedure", "costs", "contact", "processing_time", "legal_basis"}
    assert result.score == round(100 * 1 / 6)


def test_filling_in_raises_the_score(bare_service):
    before = completeness(bare_service).score
    bare_service.procedure = "<p>Maak een afspraak en kom naar het loket.</p>"
    bare_service.processing_time_text = "Meteen."
    assert completeness(bare_service).score > before
    assert "procedure" not in keys(completeness(bare_service))


def test_empty_rich_text_does_not_count(bare_service):
    bare_service.procedure = "<p> </p>"
    assert "procedure" in keys(completeness(bare_service))


def test_automatic_service_needs_fewer_fields(bare_service):
    bare_service.channels.clear()
    bare_service.channels.add(ServiceChannel(channel_type=concept("kanaaltype", "Automatisch")))
    assert keys(completeness(bare_service)) == {"contact", "legal_basis"}


def test_online_only_service_needs_no_procedure(bare_service):
    bare_service.channels.clear()
    bare_service.channels.add(
        ServiceChannel(channel_type=concept("kanaaltype", "Online"), url="https://eloket.mechelen.example/x")
    )
    assert "procedure" not in keys(completeness(bare_service))
    assert "costs" in keys(completeness(bare_service))


def test_your_europe_asks_for_english_title_and_summary(bare_service):
    bare_service.publication_channels.add(concept("publicatiekanaal", "YourEurope"))
    assert {"title_en", "summary_en"} <= keys(completeness(bare_service))
    bare_service.title_en = "Identity card"
    bare_service.summary_en = "How to get a Belgian identity card in Mechelen."
    assert not {"title_en", "summary_en"} & keys(completeness(bare_service))


def test_editor_sees_what_is_missing_and_can_still_save(editor_client, bare_service):
    bare_service.save_revision()
    response = editor_client.get(f"/admin/pages/{bare_service.pk}/edit/")
    html = response.content.decode()
    assert "Nog in te vullen (je kan wel al bewaren)" in html
    assert f'data-completeness="{completeness(bare_service).score}"' in html
    data = querydict_from_html(html, form_id="page-edit-form")
    response = editor_client.post(f"/admin/pages/{bare_service.pk}/edit/", data)
    assert response.status_code == 302


def test_report_lists_services_with_score_and_filters_by_department(editor_client, burgerzaken, own_service):
    response = editor_client.get("/admin/reports/volledigheid/", {"department": burgerzaken.pk})
    assert response.status_code == 200
    listed = list(response.context["object_list"])
    assert {page.department_id for page in listed} == {burgerzaken.pk}
    assert len(listed) == ServicePage.objects.filter(department=burgerzaken).count()
    html = response.content.decode()
    page = ServicePage.objects.get(pk=own_service.pk)
    assert f"/admin/pages/{page.pk}/edit/" in html


def test_report_exports_csv(webmaster_client, burgerzaken):
    response = webmaster_client.get("/admin/reports/volledigheid/", {"department": burgerzaken.pk, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["Dienst", "Afdeling", "Gepubliceerd", "Score (%)"]
    services = {page.title: page for page in ServicePage.objects.filter(department=burgerzaken)}
    assert {row[0] for row in rows[1:]} == set(services)
    for row in rows[1:]:
        assert row[1] == "Burgerzaken"
        assert int(row[3]) == completeness(services[row[0]]).score
