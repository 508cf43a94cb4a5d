"""Plain "prose" (as written in the demo data and the catalogue CSV) to the HTML of Wagtail rich text.

A blank line separates paragraphs; lines starting with "- " form a bulleted list; lines starting with "1. ", "2. " a
numbered list. Everything is HTML-escaped: prose never carries markup.
"""

import re

from django.utils.html import escape

NUMBERED = re.compile(r"^\d+[.)]\s+")


def _line_kind(line):
    """("ul" | "ol" | "p", text) for one line of prose."""
    if line.startswith("- "):
        return "ul", line[2:].strip()
    if NUMBERED.match(line):
        return "ol", NUMBERED.sub("", line)
    return "p", line


def _render(kind, lines):
    if kind == "p":
        return "<p>" + escape(" ".join(lines)) + "</p>"
    return f"<{kind}>" + "".join(f"<li>{escape(item)}</li>" for item in lines) + f"</{kind}>"


def prose_to_html(text):
    if not text:
        return ""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        current_kind, current_lines = None, []
        for line in (line.strip() for line in chunk.splitlines()):
            if not line:
                continue
            kind, content = _line_kind(line)
            if kind != current_kind and current_lines:
                blocks.append(_render(current_kind, current_lines))
                current_lines = []
            current_kind = kind
            current_lines.append(content)
        if current_lines:
            blocks.append(_render(current_kind, current_lines))
    return "".join(blocks)
