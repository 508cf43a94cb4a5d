from django.core.management.base import BaseCommand

from catalog.models import Concept, Organisation
from catalog.vocabularies import load_vocabularies


class Command(BaseCommand):
    """(Re)load the code lists from catalog/vocabularies/ into the database; safe to run again at any time."""

    help = "Laadt de codelijsten (thema's, doelgroepen, ...) opnieuw in; veilig om te herhalen."

    def handle(self, *args, **options):
        count = load_vocabularies(Concept, Organisation)
        self.stdout.write(self.style.SUCCESS(f"{count} begrippen geladen."))
