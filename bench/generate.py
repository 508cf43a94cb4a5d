"""Content for the benchmarks: a site tree of generated pages in the benchmark database.

Run by bench/run.py as `python bench/generate.py --pages N` (with the benchmark's DATABASE_URL and production settings).
Each generator in GENERATORS adds its content under the home page and returns the URLs worth loading, as
{label: url}; run.py benchmarks every one of them. Other apps add their own generator with `@generator`, e.g. the
catalogue's services, themes and the A to Z index (see docs/benchmarks.md).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

GENERATORS = []
SECTION_SIZE = 50  # pages per section: a tree about as wide and deep as the real catalogue's


def generator(function):
    """Register a content generator: function(home_page, count) -> {label: url}. Must be idempotent."""
    GENERATORS.append(function)
    return function


@generator
def generic_pages(home, count):
    """`count` content pages in sections of SECTION_SIZE under the home page.

    The foundation has one page type (the home page); the generated pages use it until the public site's standard
    pages and the catalogue's service pages exist, which will replace this generator by their own.
    """
    from home.models import HomePage

    existing = set(home.get_descendants().filter(slug__startswith="bench-").values_list("slug", flat=True))
    sections = {}
    for number in range(count):
        section_slug = f"bench-sectie-{number // SECTION_SIZE:03d}"
        slug = f"bench-pagina-{number:05d}"
        if section_slug not in sections:
            section = home.get_children().filter(slug=section_slug).first()
            if section is None:
                section = home.add_child(
                    instance=HomePage(title=f"Sectie {number // SECTION_SIZE}", slug=section_slug, live=True)
                )
            sections[section_slug] = section
        if slug not in existing:
            sections[section_slug].add_child(
                instance=HomePage(
                    title=f"Pagina {number}",
                    slug=slug,
                    intro=f"Een gegenereerde pagina ({number}) met een zin uitleg zoals een echte pagina die heeft.",
                    live=True,
                )
            )
    middle = count // 2
    return {"generic page": f"/bench-sectie-{middle // SECTION_SIZE:03d}/bench-pagina-{middle:05d}/"}


def generate(count):
    """Run every generator; return the URLs to benchmark, the home page first."""
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command

    from home.models import HomePage

    call_command("load_demo_content", stdout=StringIO())
    home = HomePage.objects.filter(depth=2).get()
    urls = {"home page": "/"}
    for function in GENERATORS:
        urls.update(function(home, count))
    return urls


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    arguments = parser.parse_args()
    import json

    print(json.dumps(generate(arguments.pages)))
