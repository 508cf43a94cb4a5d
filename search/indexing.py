"""Building the search index: one SearchDocument per live page with its weighted search keys.

The text of a page comes from its `search_fields` (any page type, also those added later), with the weight following the
field's boost: the title and boosted fields like the keywords (zoektermen) weigh most, then the summary, then the body.
Service pages add the labels of their themes, target groups and life events, and their conditions.

The index is updated when a page is published or unpublished (signals in apps.py) and rebuilt in full by
`manage.py rebuild_search_index`.
"""

import itertools
from collections import defaultdict

from django.db import transaction
from wagtail.models import Page
from wagtail.search import index as wagtail_index

from search import text
from search.models import SearchDocument, SearchSuggestion, SearchTerm, SearchWord

WEIGHT_TITLE = 20
WEIGHT_KEYWORDS = 16  # fields with boost >= 5, like the service's keywords
WEIGHT_SUMMARY = 6  # fields with a smaller boost, like the summary
WEIGHT_LABELS = 4  # themes, target groups, life events
WEIGHT_BODY = 2
WEIGHT_EXACT_TITLE = 40  # the query is the whole title
WEIGHT_EXACT_KEYWORD = 30  # the query is a whole keyword phrase
WEIGHT_BIGRAM = 8  # two consecutive words of a title or keyword
MAX_BODY_CHARS = 20_000


def page_kind(page):
    """The kind of result a citizen sees: dienst, nieuws, locatie or pagina (the fallback for every other type)."""
    name = type(page).__name__.lower()
    if name == "servicepage":
        return SearchDocument.KIND_SERVICE
    if "news" in name or "nieuws" in name:
        return SearchDocument.KIND_NEWS
    if "location" in name or "locatie" in name:
        return SearchDocument.KIND_LOCATION
    return SearchDocument.KIND_PAGE


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    return text.strip_html(value)


def page_texts(page):
    """The texts of a page by weight: {"title": str, "keywords": [phrases], "summary": str, "labels": str, "body": str}."""
    texts = {"title": page.title, "keywords": [], "summary": [], "labels": [], "body": []}
    for field in page.get_search_fields():
        if not isinstance(field, wagtail_index.SearchField) or field.field_name == "title":
            continue
        try:
            value = field.get_value(page)
        except Exception:  # noqa: BLE001 - one odd field must not stop the index; the page is indexed without it
            continue
        boost = field.boost or 1
        if field.field_name == "keywords" and hasattr(page, "keyword_list"):
            texts["keywords"].extend(page.keyword_list)
        elif boost >= 5:
            texts["keywords"].append(_as_text(value))
        elif boost > 1:
            texts["summary"].append(_as_text(value))
        else:
            texts["body"].append(_as_text(value))
    if page.search_description:
        texts["summary"].append(page.search_description)
    if page_kind(page) == SearchDocument.KIND_SERVICE:
        for relation in ("themes", "audiences", "life_events"):
            texts["labels"].extend(concept.label_nl for concept in getattr(page, relation).all())
        for requirement in page.requirements.all():
            texts["body"].append(text.strip_html(requirement.description))
            texts["body"].append(text.strip_html(requirement.evidence))
    return {
        "title": texts["title"],
        "keywords": [phrase for phrase in texts["keywords"] if phrase],
        "summary": " ".join(part for part in texts["summary"] if part),
        "labels": " ".join(texts["labels"]),
        "body": " ".join(part for part in texts["body"] if part)[:MAX_BODY_CHARS],
    }


def phrase_key(stems):
    """The search key of two or more words: their stems joined by spaces (single words never contain a space)."""
    return " ".join(stems)[:100]


def exact_key(stems):
    """The search key of a whole title or keyword phrase, which a query equal to it also has."""
    return ("=" + " ".join(stems))[:100]


def document_terms(texts):
    """The weighted search keys of a page's texts: {key: weight}."""
    weights = {}
    counts = defaultdict(int)

    def add(key, weight):
        if not key:
            return
        key = key[:100]
        counts[key] += 1
        weights[key] = max(weights.get(key, 0), weight)

    def add_phrase(phrase, weight_words, weight_exact):
        phrase_stems = text.stems(phrase)
        for word in text.content_words(phrase):
            add(text.stem(word), weight_words)
            for part in text.compound_parts(word):
                add(part, max(1, weight_words // 4))
        if phrase_stems:
            add(exact_key(phrase_stems), weight_exact)
        for first, second in itertools.pairwise(phrase_stems):
            add(phrase_key([first, second]), WEIGHT_BIGRAM)

    add_phrase(texts["title"], WEIGHT_TITLE, WEIGHT_EXACT_TITLE)
    for phrase in texts["keywords"]:
        add_phrase(phrase, WEIGHT_KEYWORDS, WEIGHT_EXACT_KEYWORD)
    for field, weight in (("summary", WEIGHT_SUMMARY), ("labels", WEIGHT_LABELS), ("body", WEIGHT_BODY)):
        for key in text.stems(texts[field]):
            add(key, weight)
    # Repetition counts a little, never more than a better field.
    return {key: weight + min(counts[key] - 1, 3) for key, weight in weights.items()}


def scaled(terms, kind):
    """Services come first where they match well: other pages count for half (at least 1)."""
    if kind == SearchDocument.KIND_SERVICE:
        return terms
    return {key: max(1, weight // 2) for key, weight in terms.items()}


def is_indexable(page):
    return page.live and page.depth > 1


@transaction.atomic
def index_page(page):
    """Add or refresh one page in the index; remove it when it is not live."""
    page = page.specific_deferred if type(page) is Page else page
    if not is_indexable(page):
        remove_page(page)
        return None
    texts = page_texts(page)
    online = False
    if page_kind(page) == SearchDocument.KIND_SERVICE:
        online = page.online_channel is not None
    document, _ = SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "kind": page_kind(page),
            "title": page.title[:255],
            "summary": texts["summary"][:2000],
            "body": texts["body"],
            "online": online,
        },
    )
    document.terms.all().delete()
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(document=document, term=key, weight=weight)
            for key, weight in scaled(document_terms(texts), document.kind).items()
        ]
    )
    document.suggestions.all().delete()
    suggestions = [
        SearchSuggestion(document=document, label=page.title[:255], folded=_folded(page.title), is_title=True)
    ]
    if document.kind == SearchDocument.KIND_SERVICE:
        suggestions += [
            SearchSuggestion(document=document, label=keyword[:255], folded=_folded(keyword))
            for keyword in dict.fromkeys(texts["keywords"])
        ]
    SearchSuggestion.objects.bulk_create(suggestions)
    add_words(" ".join([texts["title"], *texts["keywords"], texts["summary"], texts["labels"], texts["body"]]))
    return document


def _folded(value):
    return " ".join(text.words(value))[:255]


def add_words(value):
    """Remember the words of a text for typo suggestions (words of 4 to 40 letters, no digits)."""
    found = {word for word in text.content_words(value) if 4 <= len(word) <= 40 and word.isalpha()}
    if not found:
        return
    existing = set(SearchWord.objects.filter(word__in=found).values_list("word", flat=True))
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, first_letter=word[0], length=len(word)) for word in sorted(found - existing)],
        ignore_conflicts=True,
    )


def remove_page(page):
    SearchDocument.objects.filter(page_id=page.pk).delete()


def rebuild(stdout=None):
    """Rebuild the whole index from the live pages; returns the number of pages indexed."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        count = 0
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=200):
            index_page(page)
            count += 1
    return count
