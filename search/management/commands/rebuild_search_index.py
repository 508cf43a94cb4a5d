from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    """Rebuild the site search's index from all live pages (publishing keeps it up to date; use this after imports)."""

    help = "Bouwt de zoekindex van de site opnieuw op uit alle gepubliceerde pagina's."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Zoekindex opnieuw opgebouwd: {count} pagina's."))
