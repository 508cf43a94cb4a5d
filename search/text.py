"""Dutch text handling for the site search, the same in Python for every database.

Both the indexed text and the visitor's query go through the same steps, so a match does not depend on what the database
can do: case folding, accent stripping ("België" -> "belgie"), splitting into plain words (everything that is not a letter
or a digit is a separator, so FTS syntax, emoji and control characters simply disappear), dropping Dutch stop words, and
Snowball's Dutch stemmer ("identiteitskaarten" -> "identiteitskaart", "verhuizen" -> "verhuis"), followed by folding doubled
vowels ("parkeer" and "parkeren" both become "parker").
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_QUERY_LENGTH = 200  # characters of the visitor's query we look at; the page says when it cut a longer one
MAX_QUERY_WORDS = 12
WORD = re.compile(r"[a-z0-9]+")
TAG = re.compile(r"<[^>]*>")
DOUBLE_VOWEL = re.compile(r"([aeou])\1")

# Words that carry no meaning in a search ("ik ben mijn eid kwijt" is about "eid kwijt"). Kept short on purpose:
# "geen", "niet" or "online" can matter.
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "in",
        "op",
        "aan",
        "van",
        "voor",
        "met",
        "bij",
        "naar",
        "om",
        "te",
        "tot",
        "uit",
        "over",
        "door",
        "als",
        "dat",
        "die",
        "dit",
        "deze",
        "wat",
        "wie",
        "waar",
        "hoe",
        "wanneer",
        "ga",
        "gaat",
        "gaan",
        "ging",
        "ik",
        "je",
        "jij",
        "u",
        "jullie",
        "we",
        "wij",
        "hij",
        "zij",
        "ze",
        "mijn",
        "mij",
        "me",
        "jouw",
        "uw",
        "ons",
        "onze",
        "zijn",
        "haar",
        "hun",
        "is",
        "ben",
        "bent",
        "was",
        "waren",
        "wordt",
        "worden",
        "werd",
        "heb",
        "hebt",
        "heeft",
        "hebben",
        "had",
        "moet",
        "moeten",
        "kan",
        "kunnen",
        "wil",
        "willen",
        "mag",
        "er",
        "hier",
        "daar",
        "ook",
        "nog",
        "al",
        "dan",
        "maar",
        "want",
        "zo",
        "nu",
        "toch",
        "even",
        "eens",
        "graag",
        "aub",
        "a.u.b.",
        "s",
        "t",
    ]
)

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text):
    """Lower case without accents or other marks: "Bewijs van Woonst, België" -> "bewijs van woonst, belgie"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in text if not unicodedata.combining(char))


def words(text):
    """The plain words of a text after folding, in order (stop words included, for snippets and phrases)."""
    return WORD.findall(fold(text))


@lru_cache(maxsize=50_000)
def stem(word):
    """The search key of one folded word: Snowball's Dutch stem with doubled vowels folded."""
    if word.isdigit():
        return word
    return DOUBLE_VOWEL.sub(r"\1", _stemmer.stemWord(word))


def content_words(text):
    """The words of a text that matter for search: folded, without stop words."""
    return [word for word in words(text) if word not in STOP_WORDS]


def stems(text):
    """The search keys of a text, in order."""
    return [stem(word) for word in content_words(text)]


def strip_html(value):
    """Plain text from rich text: tags become spaces, entities are decoded."""
    return " ".join(html.unescape(TAG.sub(" ", str(value or ""))).split())


def clean_query(raw):
    """The visitor's query as plain text: control characters removed, spaces collapsed, cut at MAX_QUERY_LENGTH.

    Returns (text, was_cut).
    """
    raw = raw or ""
    text = "".join(char if unicodedata.category(char)[0] not in "CZ" else " " for char in raw)
    text = " ".join(text.split())
    was_cut = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH].strip(), was_cut


def compound_parts(word, min_part=4, min_rest=3):
    """The parts of a long compound word, as search keys: "bewonerskaart" -> "kart", "bewoner", ...

    Dutch writes compounds as one word, citizens often do not ("parkeer kaart"). Indexing the heads and tails of the
    compounds in titles and keywords lets a search for one part find the whole word. Parts are keys like any other.
    """
    if len(word) < min_part + min_rest or word.isdigit():
        return set()
    parts = set()
    for cut in range(min_rest, len(word) - min_part + 1):
        parts.add(stem(word[cut:]))  # tails: kaart, skaart, ...
    for cut in range(min_part, len(word) - min_rest + 1):
        parts.add(stem(word[:cut]))  # heads: bewoner, bewoners, ...
    parts.discard(stem(word))
    return {part for part in parts if len(part) >= min_part - 1}
