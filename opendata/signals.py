"""Keep the open data current: an IPDC snapshot per publication or withdrawal, and no stale catalogue fragment after a move.

The catalogue's per-service fragments (catalogue_export.py) are keyed by publication time, so a publication needs no
invalidation; a move changes the page URL without a publication, so the moved service's fragment is dropped.
"""

from django.core.cache import cache
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalog.models import ServicePage

from .catalogue_export import fragment_key
from .snapshots import record_snapshot


@receiver(page_published, sender=ServicePage)
def service_published(sender, instance, **kwargs):
    record_snapshot(instance)


@receiver(page_unpublished, sender=ServicePage)
def service_unpublished(sender, instance, **kwargs):
    record_snapshot(instance, archived=True)


@receiver(pre_delete, sender=ServicePage)
def service_deleting(sender, instance, **kwargs):
    """A live service that is deleted leaves the IPDC feed with an archived snapshot, as when it is unpublished."""
    if instance.live:
        record_snapshot(instance, archived=True)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, ServicePage):
        cache.delete(fragment_key(instance.pk, instance.last_published_at))
