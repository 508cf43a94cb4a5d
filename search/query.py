"""Turning a visitor's query into ranked results over the search index, the same way on SQLite and PostgreSQL.

A query becomes a list of *groups*: one per meaningful word, holding that word's search key and its alternatives (the
meaning of a synonym, the joined form of two words written apart: "parkeer kaart" -> "parkeerkaart"). A page matches a
group when it has any key of it. Pages are ranked by the number of groups they match, then by the summed weight of the keys
they have (title and keywords weigh most), then services before other pages, then title. Phrases (the whole query, two
consecutive words) add the weight of a title or keyword phrase they equal. Everything is plain SQL on the index tables
(IN, SUM, MAX, CASE), so both databases give the same order.
"""

import difflib
import itertools
import math
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Max, Min, Q, Sum, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import text
from search.models import SearchDocument, SearchTerm, SearchWord, Synonym


@dataclass
class ParsedQuery:
    """A query after cleaning, with its search keys."""

    text: str  # the cleaned query as typed (control characters removed, cut at the maximum length)
    was_cut: bool
    normalised: str  # folded words joined by spaces: the key for the log, best bets and synonyms
    groups: list = field(default_factory=list)  # list of sets of search keys
    phrases: set = field(default_factory=set)
    applied_synonyms: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.groups

    @property
    def all_keys(self):
        keys = set(self.phrases)
        for group in self.groups:
            keys |= group
        return keys

    @property
    def highlight_keys(self):
        keys = set()
        for group in self.groups:
            keys |= {key for key in group if " " not in key}
        return keys


def load_synonyms():
    """All synonyms as (tuple of folded words, meaning); editors keep this list short, so one query loads it."""
    return [(tuple(term.split()), meaning) for term, meaning in Synonym.objects.values_list("term", "meaning")]


def parse(raw, synonyms=()):
    """Parse a visitor's query; `synonyms` as returned by load_synonyms()."""
    cleaned, was_cut = text.clean_query(raw)
    all_words = text.words(cleaned)
    normalised = " ".join(all_words)
    query = ParsedQuery(text=cleaned, was_cut=was_cut, normalised=normalised)
    positions = [i for i, word in enumerate(all_words) if word not in text.STOP_WORDS]
    if not positions:  # only stop words ("de"): search them anyway
        positions = list(range(len(all_words)))
    positions = positions[: text.MAX_QUERY_WORDS]
    if not positions:
        return query
    group_of = {position: {text.stem(all_words[position])} for position in positions}

    # Synonyms: a matched word sequence becomes one group with the meaning's keys added.
    merged = {}  # position -> representative position
    for term_words, meaning in synonyms:
        if not term_words:
            continue
        size = len(term_words)
        for start in range(len(all_words) - size + 1):
            if tuple(all_words[start : start + size]) != term_words:
                continue
            meaning_stems = text.stems(meaning) or [text.stem(word) for word in text.words(meaning)]
            if not meaning_stems:
                continue
            query.applied_synonyms.append((" ".join(term_words), meaning))
            span = [position for position in positions if start <= position < start + size]
            if not span:
                continue
            head = merged.get(span[0], span[0])
            for position in span:
                target = merged.get(position, position)
                if target != head:
                    group_of[head] |= group_of.pop(target, set())
                    for key, value in list(merged.items()):
                        if value == target:
                            merged[key] = head
                merged[position] = head
            group_of[head] |= set(meaning_stems)
            query.phrases.add(("=" + " ".join(meaning_stems))[:100])

    content = [all_words[position] for position in positions]
    stems = [text.stem(word) for word in content]
    # Two words written apart that belong together: "parkeer kaart" also looks for "parkeerkaart".
    for index in range(len(positions) - 1):
        joined = text.stem(content[index] + content[index + 1])
        for position in (positions[index], positions[index + 1]):
            group_of[merged.get(position, position)].add(joined)
    query.phrases.add(("=" + " ".join(stems))[:100])
    if len(stems) > 1:
        for first, second in itertools.pairwise(stems):
            query.phrases.add(f"{first} {second}"[:100])
    query.groups = [group_of[position] for position in sorted(group_of)]
    return query


def minimum_match(group_count):
    """How many groups a page must match: all of one or two words, two thirds of longer queries."""
    if group_count <= 2:
        return group_count
    return math.ceil(group_count * 2 / 3)


def ranked(query, documents=None):
    """The matching documents, best first: rows of {"document": id, "matched": groups, "score": summed weight, ...}.

    Aggregates over the terms table grouped by document id only, so the (large) text columns of the documents are never
    part of the grouping. `documents` (a SearchDocument queryset) limits the search, e.g. to public pages and facets.
    """
    terms = SearchTerm.objects.filter(term__in=sorted(query.all_keys))
    if documents is not None:
        terms = terms.filter(document__in=documents.values("pk"))
    matched = None
    for group in query.groups:
        part = Max(Case(When(term__in=sorted(group), then=Value(1)), default=Value(0), output_field=IntegerField()))
        matched = part if matched is None else matched + part
    kind_rank = Min(
        Case(
            When(document__kind=SearchDocument.KIND_SERVICE, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )
    return (
        terms.values("document")
        .annotate(
            score=Sum("weight"),
            matched=matched,
            kind_rank=kind_rank,
            title=Min("document__title"),
            kind=Min("document__kind"),
            # PostgreSQL has no MAX(boolean): count the flag as 0 or 1.
            online=Max(Case(When(document__online=True, then=Value(1)), default=Value(0), output_field=IntegerField())),
            page_id=Min("document__page_id"),
        )
        .filter(matched__gte=minimum_match(len(query.groups)))
        .order_by("-matched", "-score", "kind_rank", "title", "document")
    )


def documents_for(rows):
    """The SearchDocuments (with their pages) of a page of ranked rows, in the rows' order."""
    ids = [row["document"] for row in rows]
    by_id = SearchDocument.objects.select_related("page").in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def known_keys(keys):
    return set(SearchTerm.objects.filter(term__in=sorted(keys)).values_list("term", flat=True).distinct())


def suggest(query):
    """A corrected query from the words in the index ("identiteitskart" -> "identiteitskaart"), or "" when none.

    Only words whose key is not in the index are replaced, by the most similar indexed word of about the same length
    with the same first letter (difflib's ratio, the same on every database).
    """
    words = list(text.words(query.text))[: text.MAX_QUERY_WORDS]
    candidates = [word for word in words if word not in text.STOP_WORDS and len(word) >= 4 and word.isalpha()]
    if not candidates:
        return ""
    present = known_keys({text.stem(word) for word in candidates})
    unknown = [word for word in candidates if text.stem(word) not in present]
    if not unknown:
        return ""
    conditions = Q()
    for word in unknown:
        conditions |= Q(first_letter=word[0], length__gte=len(word) - 2, length__lte=len(word) + 2)
    vocabulary = {}
    for word in SearchWord.objects.filter(conditions).values_list("word", flat=True).iterator(chunk_size=2000):
        vocabulary.setdefault((word[0]), []).append(word)
    replacements = {}
    for word in unknown:
        close = difflib.get_close_matches(word, vocabulary.get(word[0], []), n=1, cutoff=0.8)
        if close:
            replacements[word] = close[0]
    if not replacements:
        return ""
    return " ".join(replacements.get(word, word) for word in words)


def snippet(document, query, length=220):
    """A short piece of the page's text around the matched words, HTML-escaped, with the matched words in <mark>."""
    keys = query.highlight_keys
    # The start of the text is where the useful sentences are; scanning all of a long page costs time for nothing.
    source = " ".join(part for part in (document.summary, document.body[:4000]) if part)
    if not source:
        return ""
    sentences = [sentence.strip() for sentence in _split_sentences(source) if sentence.strip()]
    best, best_hits = sentences[0], -1
    for sentence in sentences[:60]:
        hits = sum(1 for word in text.words(sentence) if text.stem(word) in keys)
        if hits > best_hits:
            best, best_hits = sentence, hits
    if len(best) > length:
        best = best[:length].rsplit(" ", 1)[0] + " …"
    return highlight(best, keys)


def _split_sentences(value):
    sentence = []
    for char in value:
        sentence.append(char)
        if char in ".!?":
            yield "".join(sentence)
            sentence = []
    if sentence:
        yield "".join(sentence)


def highlight(value, keys):
    """Escape a text and wrap the words whose search key is in `keys` in <mark>."""
    out = []
    token = []

    def flush():
        if token:
            word = "".join(token)
            folded = text.words(word)
            if (
                folded
                and all(text.stem(part) in keys for part in folded if part not in text.STOP_WORDS)
                and any(part not in text.STOP_WORDS for part in folded)
            ):
                out.append(f"<mark>{escape(word)}</mark>")
            else:
                out.append(escape(word))
            token.clear()

    for char in value:
        if char.isalnum():
            token.append(char)
        else:
            flush()
            out.append(escape(char))
    flush()
    return mark_safe("".join(out))
