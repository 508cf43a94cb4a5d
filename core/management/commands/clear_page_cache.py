from django.core.management.base import BaseCommand

from core.page_cache import invalidate_page_cache


class Command(BaseCommand):
    """Make every cached page stale, e.g. after a bulk import that bypassed model signals or after a deploy."""

    help = "Make every page in the page cache stale; each page renders again on its next request."

    def handle(self, *args, **options):
        invalidate_page_cache()
        self.stdout.write("Page cache invalidated.")
