"""Plain-text "prose" to HTML, for demo data and imports written by people rather than in the rich text editor.

The format (see catalog/demo_data/FORMAT.md): a blank line separates paragraphs; lines starting with "- " form a bulleted
list; lines starting with "1. ", "2. " ... form a numbered list. Everything is HTML-escaped; web addresses and e-mail
addresses become links. The result uses only elements Wagtail's rich text keeps (p, ul, ol, li, a), so it can be stored in a
RichTextField or RichTextBlock and edited later.
"""

import re

from django.utils.html import urlize

_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")


def _inline(text):
    """Escape one line or paragraph of text and turn web and e-mail addresses into links."""
    return urlize(text.strip(), autoescape=True)


def prose_to_html(text):
    """Return safe HTML for plain prose: paragraphs, bulleted and numbered lists. Empty input gives ""."""
    if not text or not text.strip():
        return ""
    parts = []
    paragraph = []  # lines of the paragraph being read
    list_tag = None  # "ul" or "ol" while reading a list
    items = []

    def close_paragraph():
        if paragraph:
            parts.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def close_list():
        nonlocal list_tag
        if list_tag:
            parts.append(f"<{list_tag}>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + f"</{list_tag}>")
            items.clear()
            list_tag = None

    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            close_paragraph()
            close_list()
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        kind = "ul" if bullet else "ol" if numbered else None
        if kind:
            close_paragraph()
            if list_tag != kind:
                close_list()
                list_tag = kind
            items.append((bullet or numbered).group(1))
        elif list_tag and line.startswith((" ", "\t")):
            # An indented line continues the previous list item.
            items[-1] += " " + line.strip()
        else:
            close_list()
            paragraph.append(line.strip())
    close_paragraph()
    close_list()
    return "".join(parts)
