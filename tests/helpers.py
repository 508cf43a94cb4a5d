"""Helpers shared by the tests of the public site."""

import json
import re

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_blocks(html):
    """Every JSON-LD block in the HTML, parsed (a test fails here when one does not parse)."""
    return [json.loads(text) for text in JSON_LD.findall(html)]


def json_ld_of_type(html, schema_type):
    return [block for block in json_ld_blocks(html) if block.get("@type") == schema_type]
