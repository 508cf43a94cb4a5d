"""The insight app's data: page feedback, the digests sent about it, and aggregated page-view counters.

Nothing here identifies a person: no IP address, no user agent, no cookie. Page views are only ever stored as counters.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """One visitor's answer to "Was deze informatie nuttig?" on a page, with an optional comment."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="insight_feedback"
    )
    created_at = models.DateTimeField(_("datum"), auto_now_add=True, db_index=True)
    helpful = models.BooleanField(_("nuttig"), choices=[(True, _("Ja")), (False, _("Nee"))])
    comment = models.TextField(_("opmerking"), max_length=COMMENT_MAX_LENGTH, blank=True)
    handled = models.BooleanField(_("afgehandeld"), default=False)
    digest = models.ForeignKey(
        "insight.FeedbackDigest",
        verbose_name=_("samenvatting"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]

    def __str__(self):
        answer = _("Ja") if self.helpful else _("Nee")
        return f"{self.page.title}: {answer}"


class FeedbackDigest(models.Model):
    """The daily e-mail about new comments sent to one department: at most one per department per day."""

    department = models.ForeignKey("catalog.Department", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipient = models.EmailField()
    comment_count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "date"], name="insight_one_digest_per_day")]

    def __str__(self):
        return f"{self.department} {self.date}"


class Device(models.TextChoices):
    MOBILE = "mobile", _("gsm")
    TABLET = "tablet", _("tablet")
    DESKTOP = "desktop", _("computer")


class ReferrerType(models.TextChoices):
    SEARCH = "search", _("zoekmachine")
    DIRECT = "direct", _("rechtstreeks")
    INTERNAL = "internal", _("deze website")
    OTHER = "other", _("andere website")


class PageViewCount(models.Model):
    """How many times a page was viewed on a day from one device class and one kind of referrer."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(db_index=True)
    device = models.CharField(max_length=10, choices=Device.choices)
    referrer_type = models.CharField(max_length=10, choices=ReferrerType.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "date", "device", "referrer_type"], name="insight_one_counter_per_day"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.date} {self.device} {self.referrer_type}: {self.count}"


class MonthlyPageViews(models.Model):
    """Page views per page per month: what remains of the daily counters after the retention period."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "month"], name="insight_one_total_per_month")]

    def __str__(self):
        return f"{self.page_id} {self.month:%Y-%m}: {self.count}"


class MonthlyFeedback(models.Model):
    """Yes and no answers per page per month: what remains of the feedback after the retention period."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month.")
    helpful = models.PositiveIntegerField(default=0)
    not_helpful = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "month"], name="insight_one_feedback_total_per_month")]

    def __str__(self):
        return f"{self.page_id} {self.month:%Y-%m}: {self.helpful}/{self.not_helpful}"


class ServiceSnapshot(models.Model):
    """How many live service pages a department had on a day, and how many of them with an online channel.

    Recorded daily by `manage.py purge_insight`: page revisions do not reliably say when a channel was added, so the
    dashboard's "share online over time" reads these snapshots. `department` empty means services without a department.
    """

    date = models.DateField(db_index=True)
    department = models.ForeignKey(
        "catalog.Department", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    services = models.PositiveIntegerField()
    online = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["date", "department"], name="insight_one_snapshot_per_day")]

    def __str__(self):
        return f"{self.date} {self.department_id}: {self.online}/{self.services}"
