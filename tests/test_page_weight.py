"""A page weighs little: the home page's HTML with the CSS and JavaScript it links to, under 100 KB uncompressed."""

import re
from io import StringIO

from django.core.management import call_command

LIMIT = 100 * 1024
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_home_page_html_css_and_js_weigh_under_100_kb(client, db):
    call_command("load_demo_content", stdout=StringIO())
    html = client.get("/").content
    assets = ASSET.findall(html.decode())
    assert any(url.endswith(".css") for url in assets) and any(url.endswith(".js") for url in assets)
    total = len(html)
    for url in assets:
        assert url.startswith("/static/"), f"{url}: no third-party requests"
        response = client.get(url)
        assert response.status_code == 200, url
        total += len(body_of(response))
    assert total < LIMIT, f"{total} bytes"
