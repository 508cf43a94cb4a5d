"""Demo content pages from home/demo_data/pages.yaml: the standard pages (accessibility, privacy, cookies, contact, ...).

The YAML's block format, shared by news and events (see `stream_data`):
  {type: paragraph, text: prose} | {type: heading, text} | {type: callout, title, text: prose}
  | {type: faq, title?, items: [{question, answer: prose}]} | {type: table, caption, header: [..], rows: [[..]]}
"""

from pathlib import Path

import yaml
from django.conf import settings
from wagtail.models import Page

from core.richtext import prose_to_html
from home.models import FooterLinks
from pages.models import StandardPage

DEMO_PAGES_FILE = Path(settings.BASE_DIR) / "home" / "demo_data" / "pages.yaml"

# Standard pages that appear in the main menu and in the footer.
MENU_SLUGS = ["contact"]
FOOTER_SLUGS = {
    "accessibility_page": "toegankelijkheidsverklaring",
    "privacy_page": "privacy",
    "cookies_page": "cookies",
}


def read_demo_pages():
    """The parsed pages.yaml: a dict with standard_pages, news and events."""
    with DEMO_PAGES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _block(item):
    kind = item["type"]
    if kind == "paragraph":
        return {"type": "paragraph", "value": prose_to_html(item["text"])}
    if kind == "heading":
        return {"type": "heading", "value": {"text": item["text"]}}
    if kind == "callout":
        value = {"tone": item.get("tone", "info"), "title": item.get("title", ""), "text": prose_to_html(item["text"])}
        return {"type": "callout", "value": value}
    if kind == "faq":
        items = [{"question": qa["question"], "answer": prose_to_html(qa["answer"])} for qa in item["items"]]
        return {"type": "faq", "value": {"title": item.get("title", "Veelgestelde vragen"), "items": items}}
    if kind == "table":
        data = [list(item["header"]), *[[str(cell) for cell in row] for row in item["rows"]]]
        value = {
            "data": data,
            "table_caption": item.get("caption", ""),
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
        }
        return {"type": "table", "value": value}
    raise ValueError(f"Unknown block type in demo pages: {kind!r}")


def stream_data(blocks):
    """Raw StreamField data for a list of YAML blocks."""
    return [_block(item) for item in blocks or []]


def prose_stream_data(prose):
    """Raw StreamField data for a body written as one piece of prose."""
    return [{"type": "paragraph", "value": prose_to_html(prose)}] if prose and prose.strip() else []


def publish_child(parent, page):
    """Add page under parent, publish it, and return it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_pages(home, data=None):
    """Create the demo standard pages under the home page, the footer links and the menu entry for contact."""
    data = data if data is not None else read_demo_pages()
    created = {}
    for item in data.get("standard_pages", []):
        page = StandardPage(
            title=item["title"],
            slug=item["slug"],
            intro=item.get("intro", ""),
            show_in_menus=item["slug"] in MENU_SLUGS,
            body=stream_data(item.get("body")),
        )
        created[item["slug"]] = publish_child(home, page)
    site = home.get_site()
    if site is not None:
        links = FooterLinks.for_site(site)
        for field, slug in FOOTER_SLUGS.items():
            setattr(links, field, created.get(slug) or Page.objects.filter(slug=slug).first())
        links.save()
    return list(created.values())
