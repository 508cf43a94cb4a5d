"""Rich text (Wagtail HTML) to plain text for RDF literals, and to the "prose" of the catalogue CSV.

`html_to_prose` is the inverse of `core.richtext.prose_to_html` for the HTML that function makes (paragraphs, bulleted and
numbered lists): a CSV export imported again gives the same rich text back. Other markup (links, headings, bold) keeps its
text and loses its markup.
"""

import html
import re

from django.utils.html import strip_tags

BLOCK = re.compile(r"<(p|ul|ol|h[1-6]|blockquote)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)


def _inline(fragment):
    return " ".join(html.unescape(strip_tags(fragment)).split())


def html_to_prose(value):
    """Paragraphs separated by a blank line, bulleted items as "- item", numbered items as "1. item"."""
    if not value:
        return ""
    blocks = []
    for match in BLOCK.finditer(value):
        tag, inner = match.group(1).lower(), match.group(2)
        if tag in ("ul", "ol"):
            items = [_inline(item) for item in ITEM.findall(inner)]
            if tag == "ul":
                blocks.append("\n".join(f"- {item}" for item in items))
            else:
                blocks.append("\n".join(f"{number}. {item}" for number, item in enumerate(items, start=1)))
        else:
            text = _inline(inner)
            if text:
                blocks.append(text)
    if not blocks:
        text = _inline(value)
        return text
    return "\n\n".join(blocks)


def html_to_text(value):
    """Plain text for an RDF literal: the prose form, which reads well as text."""
    return html_to_prose(value)
