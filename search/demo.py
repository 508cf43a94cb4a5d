"""Demo synonyms: the short list a webmaster adds after reading the search log (see docs/search.md)."""

from search.models import Synonym

# Words citizens type -> the words the site uses. Realistic and short: the search itself handles plurals, verb forms,
# accents and compounds; synonyms are for different words.
DEMO_SYNONYMS = [
    ("trouwen", "huwelijk"),
    ("bouwvergunning", "omgevingsvergunning"),
    ("verbouwingsvergunning", "omgevingsvergunning"),
    ("containerpark", "recyclagepark"),
    ("paspoort", "reispas"),
    ("eid", "identiteitskaart"),
    ("identiteitsbewijs", "identiteitskaart"),
    ("goed gedrag", "strafregister"),
    ("huisvuil", "afvalophaling"),
    ("vuilbak", "afvalophaling"),
    ("ocmw", "sociaal huis"),
    ("parkeervergunning", "bewonerskaart"),
    ("invalidenkaart", "parkeerkaart handicap"),
    ("domicilie", "adreswijziging"),
    ("samenwonen", "wettelijke samenwoning"),
    ("scheiden", "echtscheiding"),
    ("naturalisatie", "nationaliteit"),
    ("donor", "orgaandonatie"),
    ("sluikstorten", "sluikstort"),
    ("computerhulp", "digitale hulp"),
]


def load_synonyms():
    """Create the demo synonyms that do not exist yet; returns how many were created."""
    created = 0
    for term, meaning in DEMO_SYNONYMS:
        _synonym, was_created = Synonym.objects.get_or_create(term=term, defaults={"meaning": meaning})
        created += was_created
    return created
