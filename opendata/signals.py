"""Keep the open data current: a new IPDC snapshot per publication, and a fresh catalogue export after any change."""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalog.models import ServicePage

from .cache import invalidate_catalogue
from .snapshots import record_snapshot


@receiver(page_published, sender=ServicePage)
def service_published(sender, instance, **kwargs):
    invalidate_catalogue()
    # Again after the commit: a request between the publish and the commit may have cached the old catalogue.
    transaction.on_commit(invalidate_catalogue)
    record_snapshot(instance)


@receiver(page_unpublished, sender=ServicePage)
def service_unpublished(sender, instance, **kwargs):
    invalidate_catalogue()
    record_snapshot(instance, archived=True)


@receiver(pre_delete, sender=ServicePage)
def service_deleting(sender, instance, **kwargs):
    """A live service that is deleted leaves the IPDC feed with an archived snapshot, as when it is unpublished."""
    if instance.live:
        record_snapshot(instance, archived=True)


@receiver(post_delete, sender=ServicePage)
def service_deleted(sender, instance, **kwargs):
    invalidate_catalogue()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    invalidate_catalogue()
