from django.core.management.base import BaseCommand
from django.db import transaction

from catalog.demo import load_catalog
from events.demo import load_events
from home.demo import create_home_page, set_top_tasks
from home.models import HomePage
from locations.demo import load_locations
from news.demo import load_news
from pages.demo import load_pages
from search.demo import load_synonyms


class Command(BaseCommand):
    """Load the demo site into an empty database: the site tree, the catalogue and the other pages.

    Idempotent: when the site already has a home page, nothing is changed, so `make run` can call it every time.
    """

    help = "Laadt de demo-inhoud (de stadssite en de productcatalogus) in een lege databank."

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            self.stdout.write("De site heeft al inhoud; de demo-inhoud is niet opnieuw geladen.")
            return
        with transaction.atomic():
            home = create_home_page()
            locations = load_locations(home)
            services = load_catalog(home, locations)
            set_top_tasks(home, services)
            # In this order, so the main menu reads: Producten en diensten, Thema's, Nieuws, Evenementen, Contact.
            load_news(home)
            load_events(home)
            load_pages(home)
            load_synonyms()
        self.stdout.write(self.style.SUCCESS("Demo-inhoud geladen."))
