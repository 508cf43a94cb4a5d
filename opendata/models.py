"""Snapshots of services for the IPDC-LPDC feed: one immutable record per publication (or withdrawal) of a service."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceSnapshot(models.Model):
    """An IPDC-LPDC instance snapshot as it was generated when a service was published or withdrawn.

    The triples are stored, not rebuilt: an LDES member never changes once it is in the feed.
    """

    service = models.ForeignKey(
        "catalog.ServicePage",
        verbose_name=_("dienst"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uri = models.CharField(_("URI"), max_length=500, unique=True)
    generated_at = models.DateTimeField(_("gemaakt op"), db_index=True)
    archived = models.BooleanField(_("gearchiveerd"), default=False)
    ntriples = models.TextField(_("triples (N-Triples)"))

    class Meta:
        verbose_name = _("IPDC-momentopname")
        verbose_name_plural = _("IPDC-momentopnamen")
        ordering = ["generated_at", "pk"]

    def __str__(self):
        return self.uri
