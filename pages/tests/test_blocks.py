"""The StreamField blocks of content pages: what they render, what they refuse, and what the block picker shows."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from pages.blocks import ContentStreamBlock, ImageBlock, LinkCardBlock, heading_anchors, table_of_contents

STREAM = ContentStreamBlock()


def stream(*items):
    return StreamValue(STREAM, [{"type": kind, "value": value} for kind, value in items], is_lazy=True)


def test_every_block_has_a_template_a_description_and_a_preview_value():
    for name, block in STREAM.child_blocks.items():
        assert block.meta.template, name
        assert block.meta.description, name
        assert block.meta.preview_value is not None, name


@pytest.mark.django_db
def test_every_block_renders_its_preview_value():
    for name, block in STREAM.child_blocks.items():
        value = block.normalize(block.meta.preview_value)
        assert block.render(value).strip(), name


def test_headings_get_unique_readable_anchors_never_clashing_with_the_layout():
    value = stream(
        ("heading", {"text": "Wat moet je meebrengen?"}),
        ("paragraph", "<p>Tekst</p>"),
        ("heading", {"text": "Wat moet je meebrengen?"}),
        ("heading", {"text": "Inhoud"}),
        ("heading", {"text": "?!"}),
    )
    assert list(heading_anchors(value).values()) == [
        "wat-moet-je-meebrengen",
        "wat-moet-je-meebrengen-2",
        "inhoud-2",
        "sectie",
    ]
    assert table_of_contents(value)[0] == ("wat-moet-je-meebrengen", "Wat moet je meebrengen?")
    html = STREAM.render(value)
    assert '<h2 id="wat-moet-je-meebrengen-2" class="content-heading">' in html
    assert 'id="inhoud-2"' in html and 'id="inhoud"' not in html


def test_table_escapes_cells_and_marks_up_headers():
    value = stream(
        (
            "table",
            {
                "data": [["Naam", "Prijs"], ["<b>Kaart</b>", "23,10 euro"]],
                "table_caption": "Tarieven",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
            },
        )
    )
    html = STREAM.render(value)
    assert "<caption>Tarieven</caption>" in html
    assert '<th scope="col">Naam</th>' in html
    assert "&lt;b&gt;Kaart&lt;/b&gt;" in html and "<b>" not in html
    assert 'role="region" tabindex="0" aria-label="Tarieven"' in html


def test_faq_works_without_javascript():
    value = stream(
        ("faq", {"title": "Veelgestelde vragen", "items": [{"question": "Is het gratis?", "answer": "<p>Ja.</p>"}]})
    )
    html = STREAM.render(value)
    assert "<details" in html and "<summary>Is het gratis?</summary>" in html and "<p>Ja.</p>" in html


def test_faq_needs_at_least_one_question():
    block = STREAM.child_blocks["faq"]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "", "items": []}))


@pytest.mark.django_db
def test_image_needs_alt_text_and_renders_it():
    image = Image.objects.create(title="Stadhuis", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "Het stadhuis bij nacht", "caption": "Foto"}))
    html = block.render(value)
    assert (
        'alt="Het stadhuis bij nacht"' in html and 'loading="lazy"' in html and "<figcaption>Foto</figcaption>" in html
    )


@pytest.mark.django_db
def test_document_download_shows_file_type_and_size(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Reglement")
    document.file.save("reglement.pdf", ContentFile(b"%PDF" + b"x" * 2044), save=False)
    document.save()
    block = STREAM.child_blocks["document"]
    html = block.render(block.to_python({"document": document.pk, "title": ""}))
    assert ">Reglement</a>" in html
    assert "(PDF, 2,0\xa0KB)" in html or "(PDF, 2.0\xa0KB)" in html


@pytest.mark.django_db
def test_link_card_needs_a_page_or_a_web_address_but_not_both():
    block = LinkCardBlock()
    for value in ({"title": "E-loket", "text": "", "page": None, "url": ""},):
        with pytest.raises(ValidationError):
            block.clean(block.to_python(value))
    value = block.clean(
        block.to_python({"title": "E-loket", "text": "Online", "page": None, "url": "https://e.example/"})
    )
    html = block.render(value)
    assert '<a href="https://e.example/">E-loket</a>' in html and "<iframe" not in html


@pytest.mark.django_db
def test_block_preview_in_the_admin_uses_the_site_stylesheet(client):
    from django.contrib.auth import get_user_model

    client.force_login(
        get_user_model().objects.create_superuser("redacteur", "r@mechelen.example", "een-lang-wachtwoord")
    )
    from pages.models import StandardPage

    block = StandardPage._meta.get_field("body").stream_block.child_blocks["callout"]
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200, response.content[:300]
    html = response.content.decode()
    assert "/static/css/site.css" in html and "Dringend?" in html
