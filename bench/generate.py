"""Content for the benchmarks: a site tree of generated pages in the benchmark database.

Run by bench/run.py as `python bench/generate.py --pages N` (with the benchmark's DATABASE_URL and production settings).
Each generator in GENERATORS adds its content under the home page and returns the URLs worth loading, as
{label: url}; run.py benchmarks every one of them. Other apps add their own generator with `@generator`, e.g. the
catalogue's services below, which makes the service page, a theme page, the A to Z index and a search worth loading.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

GENERATORS = []


def generator(function):
    """Register a content generator: function(home_page, count) -> {label: url}. Must be idempotent."""
    GENERATORS.append(function)
    return function


CHILD_RELATIONS = (
    "requirements",
    "channels",
    "costs",
    "financial_advantages",
    "legal_resources",
    "more_info_links",
    "contact_points",
    "related_services",
)


def service_blueprint(template):
    """What a copy of `template` needs, read once: its own field values, its classification and its inline items."""
    from wagtail.models import Page

    from catalog.models import ServicePage

    skip = {"id", "page_ptr_id", "path", "depth", "numchild", "url_path", "translation_key", "latest_revision_id",
            "live_revision_id", "draft_title", "title", "slug", "external_id", "ipdc_product_id"}  # fmt: skip
    fields = {
        field.attname: getattr(template, field.attname)
        for model in (Page, ServicePage)
        for field in model._meta.local_concrete_fields
        if field.attname not in skip
    }
    many_to_many = {field.name: list(getattr(template, field.name).all()) for field in ServicePage._meta.many_to_many}
    children = {}
    for name in CHILD_RELATIONS:
        items = []
        for item in getattr(template, name).all():
            values = {f.attname: getattr(item, f.attname) for f in item._meta.concrete_fields}
            values.pop("id")
            values.pop("page_id")
            items.append((type(item), values))
        children[name] = items
    return fields, many_to_many, children


def build_service(blueprint, title, slug):
    from catalog.models import ServicePage

    fields, many_to_many, children = blueprint
    page = ServicePage(**fields, title=title, draft_title=title, slug=slug, external_id=slug)
    for name, values in many_to_many.items():
        setattr(page, name, values)
    for name, items in children.items():
        setattr(page, name, [model(**values) for model, values in items])
    return page


@generator
def services(home, count):
    """`count` service pages in the catalogue, with the full content of the demo services.

    Each generated service is a real, live ServicePage with the fields, classification and inline items (requirements,
    channels, costs, contact points, ...) of one of the demo services in turn, so pages are as rich as the real ones and
    the A to Z index, the theme pages and search see a catalogue of that size. Titles get a number, slugs are
    `bench-dienst-NNNNN`. Pages are added as live pages without the publishing workflow (no revision, no IPDC snapshot,
    no reference index: those cost most of the time of a publication and none of a page view); the search index is
    rebuilt once at the end. About 10,000 services in ten minutes on two cores.
    """
    from django.db import transaction
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from catalog.models import ServiceIndexPage, ServicePage, ThemePage
    from search.indexing import rebuild

    index = ServiceIndexPage.objects.get()
    templates = (
        ServicePage.objects.live()
        .child_of(index)
        .exclude(slug__startswith="bench-")
        .order_by("pk")
        .prefetch_related(*(field.name for field in ServicePage._meta.many_to_many), *CHILD_RELATIONS)
    )
    blueprints = [(template.title, service_blueprint(template)) for template in templates]
    existing = set(ServicePage.objects.filter(slug__startswith="bench-dienst-").values_list("slug", flat=True))
    missing = [number for number in range(count) if f"bench-dienst-{number:05d}" not in existing]
    with disable_reference_index_auto_update():
        for start in range(0, len(missing), 250):
            with transaction.atomic():
                for number in missing[start : start + 250]:
                    title, blueprint = blueprints[number % len(blueprints)]
                    index.add_child(
                        instance=build_service(blueprint, f"{title} {number}", f"bench-dienst-{number:05d}")
                    )
            print(
                f"  {min(start + 250, len(missing))} of {len(missing)} services generated", file=sys.stderr, flush=True
            )
    if missing:
        rebuild()
    middle = ServicePage.objects.get(slug=f"bench-dienst-{count // 2:05d}")
    theme = ThemePage.objects.live().order_by("pk").first()
    return {
        "service page": middle.url,
        "theme page": theme.url,
        "A to Z index": index.url,
        "search": "/zoeken/?q=parkeerkaart",
    }


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
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh statistics now, rather than autovacuum analysing the new rows in the middle of the first measurements.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return urls


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    arguments = parser.parse_args()
    import json

    print(json.dumps(generate(arguments.pages)))
