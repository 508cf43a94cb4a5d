"""Search latency benchmark: median and p95 of the /zoeken/ page over 1,000 and 10,000 generated services.

Usage (from the project root; the database is created from scratch and deleted content is never touched):

    .venv/bin/python bench/search_bench.py --db sqlite
    .venv/bin/python bench/search_bench.py --db postgres --pg-url postgres://postgres@127.0.0.1:5432/hvdm_bench

It builds a fresh database (SQLite: var/bench.sqlite3; PostgreSQL: the given database, dropped and recreated), loads the
demo site, then adds generated services until each size is reached. Generated services are pages under
"Producten en diensten" with text recombined from the demo catalogue (titles, keywords, summaries, body text), indexed
with the site's own indexing code (search.indexing.document_terms), so the index has a realistic spread of words.
For speed the generated pages are inserted in bulk as plain pages (no ServicePage rows, so they count in the type and
online facets but not in thema/doelgroep). Each size runs the 58 citizen queries of the relevance test plus random
one-, two- and three-word queries through Django's test client (full request: view, SQL, template), after a warm-up.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]


def setup(db, pg_url):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")
    os.environ.pop("REDIS_URL", None)
    if db == "sqlite":
        path = ROOT / "var" / "bench.sqlite3"
        path.parent.mkdir(exist_ok=True)
        if path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        import dj_database_url
        import psycopg
        from psycopg import sql

        config = dj_database_url.parse(pg_url)
        with psycopg.connect(
            dbname="postgres",
            autocommit=True,
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
        ) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(config["NAME"])))
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
        os.environ["DATABASE_URL"] = pg_url
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)  # no "Page published" lines from Wagtail while the demo site loads
    from io import StringIO

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=StringIO())


def corpus():
    """Titles, keyword phrases, summaries and body sentences of the demo catalogue, to recombine."""
    from search.models import SearchDocument

    titles, keywords, summaries, sentences = [], [], [], []
    for document in SearchDocument.objects.filter(kind=SearchDocument.KIND_SERVICE).prefetch_related("suggestions"):
        titles.append(document.title)
        summaries.append(document.summary)
        sentences.extend(sentence.strip() + "." for sentence in document.body.split(".") if len(sentence) > 20)
        keywords.extend(s.label for s in document.suggestions.all() if not s.is_title)
    return titles, keywords, summaries, sentences


def generate(count, start, rng, parts):
    """Insert `count` generated service pages with their search documents and terms."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Locale, Page

    from search.indexing import document_terms
    from search.models import SearchDocument, SearchTerm

    titles, keywords, summaries, sentences = parts
    parent = Page.objects.get(slug="producten-en-diensten")
    content_type = ContentType.objects.get_for_model(Page)
    locale = Locale.get_default()
    with transaction.atomic():
        numchild = parent.get_children().count()
        pages = []
        for number in range(start, start + count):
            title = (
                f"{rng.choice(titles).split(' (')[0]} {rng.choice(['voor', 'in', 'bij', 'van'])} {rng.choice(keywords)}"
            )
            numchild += 1
            pages.append(
                Page(
                    title=title[:255],
                    draft_title=title[:255],
                    slug=f"bench-{number}",
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, numchild),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}bench-{number}/",
                    live=True,
                    has_unpublished_changes=False,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
        Page.objects.bulk_create(pages, batch_size=500)
        Page.objects.filter(pk=parent.pk).update(numchild=numchild)
        created = Page.objects.filter(slug__startswith="bench-", search_document__isnull=True)
        documents = []
        texts_by_page = {}
        for page in created:
            texts = {
                "title": page.title,
                "keywords": rng.sample(keywords, 6),
                "summary": rng.choice(summaries),
                "labels": "",
                "body": " ".join(rng.sample(sentences, 12)),
            }
            texts_by_page[page.pk] = texts
            documents.append(
                SearchDocument(
                    page_id=page.pk,
                    kind=SearchDocument.KIND_SERVICE,
                    title=page.title,
                    summary=texts["summary"],
                    body=texts["body"],
                    online=rng.random() < 0.5,
                )
            )
        SearchDocument.objects.bulk_create(documents, batch_size=500)
        terms = []
        for document in SearchDocument.objects.filter(page_id__in=list(texts_by_page)).only("pk", "page_id"):
            for key, weight in document_terms(texts_by_page[document.page_id]).items():
                terms.append(SearchTerm(document_id=document.pk, term=key, weight=weight))
            if len(terms) > 20_000:
                SearchTerm.objects.bulk_create(terms, batch_size=5000)
                terms = []
        SearchTerm.objects.bulk_create(terms, batch_size=5000)


def measure(queries, rounds):
    from django.test import Client

    client = Client()
    for query in queries[:10]:  # warm-up
        client.get("/zoeken/", {"q": query})
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            response = client.get("/zoeken/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, query
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/hvdm_bench")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of generated services")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    setup(args.db, args.pg_url)

    from search.tests.test_relevance import QUERIES

    rng = random.Random(6)
    parts = corpus()
    words = sorted({word for phrase in parts[1] for word in phrase.split() if len(word) > 3})
    queries = [query for query, _slug in QUERIES]
    queries += [" ".join(rng.sample(words, rng.choice([1, 2, 3]))) for _ in range(42)]
    existing = 0
    print(f"database: {args.db}; {len(queries)} queries per size; full request through the test client")
    for size in [int(size) for size in args.sizes.split(",")]:
        started = time.perf_counter()
        generate(size - existing, existing, rng, parts)
        existing = size
        built = time.perf_counter() - started
        median, p95, count = measure(queries, args.rounds)
        print(
            f"{size:>6} generated services (+45 demo): median {median:6.1f} ms, p95 {p95:6.1f} ms "
            f"over {count} searches (generated in {built:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
