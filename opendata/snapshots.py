"""Record IPDC-LPDC snapshots of services and read them back for the feed."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from catalog.models import ServicePage

from .cpsv import service_queryset
from .ipdc import SnapshotBuilder
from .models import ServiceSnapshot


def record_snapshot(service, archived=False):
    """Store a snapshot of the service as it is now (archived when it was withdrawn); return the snapshot."""
    fresh = service_queryset(ServicePage.objects.filter(pk=service.pk)).first() or service
    generated_at = timezone.now()
    builder = SnapshotBuilder(fresh, generated_at=generated_at, archived=archived)
    graph = builder.build()
    try:
        with transaction.atomic():
            return ServiceSnapshot.objects.create(
                service=service,
                uri=str(builder.node),
                generated_at=generated_at,
                archived=archived,
                ntriples=graph.serialize(format="nt"),
            )
    except IntegrityError:  # the same service twice within one microsecond: the first snapshot stands
        return ServiceSnapshot.objects.get(uri=str(builder.node))
