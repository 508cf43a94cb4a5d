from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from search.models import SearchQueryLog


class Command(BaseCommand):
    """Delete query-log days older than SEARCH_LOG_RETENTION_DAYS (run it daily, e.g. from cron)."""

    help = "Verwijdert zoekopdrachten die ouder zijn dan de bewaartermijn (SEARCH_LOG_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Bewaartermijn in dagen (standaard de instelling).")

    def handle(self, *args, days=None, **options):
        days = settings.SEARCH_LOG_RETENTION_DAYS if days is None else days
        if days < 1:
            self.stderr.write("De bewaartermijn moet minstens 1 dag zijn.")
            return
        cutoff = timezone.localdate() - timedelta(days=days)
        deleted, _ = SearchQueryLog.objects.filter(date__lt=cutoff).delete()
        self.stdout.write(self.style.SUCCESS(f"{deleted} oude zoekopdrachten verwijderd (ouder dan {cutoff})."))
