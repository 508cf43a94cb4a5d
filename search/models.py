"""The search index (one document per live page, its weighted search keys and autocomplete phrases), the synonyms
editors manage, and the query log without personal data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from search import text


class SearchDocument(models.Model):
    """What the site search knows about one live page: its type, facets, plain text for snippets."""

    KIND_SERVICE = "dienst"
    KIND_NEWS = "nieuws"
    KIND_LOCATION = "locatie"
    KIND_PAGE = "pagina"
    KIND_CHOICES = [
        (KIND_SERVICE, _("dienst")),
        (KIND_NEWS, _("nieuws")),
        (KIND_LOCATION, _("locatie")),
        (KIND_PAGE, _("pagina")),
    ]

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="search_document")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=KIND_PAGE, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="Plain text of the page, for snippets.")
    online = models.BooleanField(default=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self):
        return self.title


class SearchTerm(models.Model):
    """One search key of one document with its weight (title and keywords weigh most, then summary, then body)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=100)
    weight = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["term", "document"], name="search_term_term_doc")]
        constraints = [models.UniqueConstraint(fields=["document", "term"], name="search_term_unique")]

    def __str__(self):
        return f"{self.term} ({self.weight})"


class SearchWord(models.Model):
    """A word that occurs in the index as people write it (folded), for "Did you mean ...?"."""

    word = models.CharField(max_length=100, unique=True)
    first_letter = models.CharField(max_length=1, db_index=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self):
        return self.word


class SearchSuggestion(models.Model):
    """A phrase for autocomplete: a page title or a service keyword, folded for prefix matching."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="suggestions")
    label = models.CharField(max_length=255)
    folded = models.CharField(max_length=255, db_index=True)
    is_title = models.BooleanField(default=False)

    def __str__(self):
        return self.label


class Synonym(models.Model):
    """A word or phrase citizens use and what it means on the site: "trouwen" means "huwelijk"."""

    term = models.CharField(
        _("zoekwoord"),
        max_length=100,
        unique=True,
        help_text=_("Wat mensen typen, bv. 'containerpark'. Hoofdletters en accenten maken niet uit."),
    )
    meaning = models.CharField(
        _("betekenis"),
        max_length=255,
        help_text=_("De woorden die op de site staan, bv. 'recyclagepark'. De zoekfunctie zoekt op beide."),
    )

    panels = [FieldPanel("term"), FieldPanel("meaning")]

    class Meta:
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.meaning}"

    def save(self, *args, **kwargs):
        # Stored folded, so the query side can compare word sequences directly.
        self.term = " ".join(text.words(self.term))
        super().save(*args, **kwargs)


class SearchQueryLog(models.Model):
    """How often a normalised query was searched on one day, how many results it had and how many clicks followed.

    No IP address, no user agent, no time of day, no session: nothing that points to a person.
    """

    date = models.DateField(_("datum"), db_index=True)
    query = models.CharField(_("zoekopdracht"), max_length=200)
    searches = models.PositiveIntegerField(_("zoekopdrachten"), default=0)
    results = models.PositiveIntegerField(_("resultaten"), default=0)
    clicks = models.PositiveIntegerField(_("kliks"), default=0)

    class Meta:
        verbose_name = _("zoekopdracht")
        verbose_name_plural = _("zoekopdrachten")
        constraints = [models.UniqueConstraint(fields=["date", "query"], name="search_log_unique_day_query")]

    def __str__(self):
        return f"{self.date} {self.query}"
