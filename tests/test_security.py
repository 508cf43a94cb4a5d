"""Security: headers on public pages and the admin, login throttling, and upload limits enforced through the admin."""

import io
from io import StringIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def home(db):
    call_command("load_demo_content", stdout=StringIO())


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redacteur", "redacteur@mechelen.example", PASSWORD)


def csp(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


# --- headers --------------------------------------------------------------------------------------------------------


def test_public_pages_have_a_strict_content_security_policy(client, home):
    for url in ("/", "/bestaat-niet/"):
        policy = csp(client.get(url))
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert not any("unsafe" in source for sources in policy.values() for source in sources)


def test_public_templates_need_no_inline_script_or_style(client, home):
    html = client.get("/").content.decode()
    assert "<style" not in html
    assert " style=" not in html
    for script in html.split("<script")[1:]:
        attributes = script.split(">")[0]
        # Data blocks (JSON-LD, JSON) are never executed, so a strict CSP allows them inline.
        assert (
            " src=" in attributes
            or 'type="application/ld+json"' in attributes
            or 'type="application/json"' in attributes
        )


def test_the_admin_has_its_own_looser_policy(client, db):
    policy = csp(client.get("/admin/login/"))
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "script-src" not in policy  # the admin needs its inline scripts


def test_other_security_headers(client, home):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(item.strip().split("=") for item in response["Permissions-Policy"].split(","))
    assert features["camera"] == "()" and features["geolocation"] == "()" and features["microphone"] == "()"


def test_admin_page_preview_can_still_be_framed_by_the_admin(client, home, editor):
    client.force_login(editor)
    from home.models import HomePage

    response = client.get(f"/admin/pages/{HomePage.objects.get().pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(response)["frame-ancestors"] == ["'self'"]


# --- login throttling -----------------------------------------------------------------------------------------------


def login(client, username, password, address="198.51.100.7"):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def test_admin_login_is_locked_after_too_many_failures_with_a_dutch_message(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        response = login(client, "redacteur", "fout")
        assert response.status_code == 200  # the login form again, with an error
    response = login(client, "redacteur", "fout")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert f"Probeer het over {int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)} minuten opnieuw" in html
    # Even the right password is refused while locked out.
    assert login(client, "redacteur", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_user_name_and_address(client, editor, django_user_model):
    django_user_model.objects.create_user("collega", "collega@mechelen.example", PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "redacteur", "fout")
    # Another editor behind the same address, and the same editor elsewhere, can still log in.
    assert login(Client(), "collega", PASSWORD).status_code == 302
    assert login(Client(), "redacteur", PASSWORD, address="203.0.113.9").status_code == 302


def test_a_successful_login_resets_the_failure_count(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "redacteur", "fout")
    assert login(client, "redacteur", PASSWORD).status_code == 302
    client.logout()
    assert login(client, "redacteur", "fout").status_code == 200


def test_client_address_behind_trusted_proxies(rf, settings):
    from core.security import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.9.9.9, 192.0.2.50", REMOTE_ADDR="10.0.0.2")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "192.0.2.50"  # the address the load balancer saw; the first one is forgeable


def test_test_client_login_still_works(client, editor):
    assert client.login(username="redacteur", password=PASSWORD)


# --- uploads ----------------------------------------------------------------------------------------------------------


def png(width, height, mode="1"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/", {"title": "Foto", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/", {"title": "Document", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


@pytest.fixture
def admin_client_for_uploads(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    return client


def test_a_normal_image_upload_works(admin_client_for_uploads):
    response = upload_image(admin_client_for_uploads, "stadhuis.png", png(800, 600, "RGB"))
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    "name, content",
    [
        pytest.param("te-groot.png", None, id="larger than WAGTAILIMAGES_MAX_UPLOAD_SIZE"),
        pytest.param("te-veel-pixels.png", "pixels", id="more pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS"),
        pytest.param("tekening.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', id="svg not allowed"),
        pytest.param("vals.png", b"<html><script>alert(1)</script></html>", id="not really an image"),
    ],
)
def test_image_uploads_outside_the_limits_are_refused(admin_client_for_uploads, name, content, settings):
    if content is None:
        content = png(10, 10) + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    elif content == "pixels":
        side = int(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS**0.5) + 100
        content = png(side, side)
        assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE  # refused for its pixels, not its size
    response = upload_image(admin_client_for_uploads, name, content)
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == 0


def test_a_normal_document_upload_works(admin_client_for_uploads):
    response = upload_document(admin_client_for_uploads, "reglement.pdf", b"%PDF-1.4 reglement")
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


@pytest.mark.parametrize(
    "name, size",
    [
        pytest.param("groot.pdf", "too large", id="larger than WAGTAILDOCS_MAX_UPLOAD_SIZE"),
        pytest.param("pagina.html", 100, id="html not allowed"),
        pytest.param("programma.exe", 100, id="exe not allowed"),
        pytest.param("tekening.svg", 100, id="svg not allowed"),
    ],
)
def test_document_uploads_outside_the_limits_are_refused(admin_client_for_uploads, name, size, settings):
    if size == "too large":
        size = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1
    response = upload_document(admin_client_for_uploads, name, b"x" * size)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_document_model().objects.count() == 0
