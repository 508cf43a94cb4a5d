"""The demo site tree: the home page as root of the default site, replacing Wagtail's welcome page."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage


def create_home_page():
    """Create the home page and point the default site at it; return it. Call only on an empty site tree."""
    root = Page.get_first_root_node()
    welcome = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
    home = HomePage(
        title="Huis van de Mechelaar",
        slug="start",
        intro="Alle producten en diensten van de stad Mechelen, op elk moment van de dag.",
        search_description="Vind alle producten en diensten van de stad Mechelen en vraag ze online aan.",
        locale=Locale.get_default(),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = "localhost"
    site.port = 80
    site.site_name = "Huis van de Mechelaar"
    site.root_page = home
    site.save()
    # Settings rows are created on first use; creating them now keeps that first save from emptying the page cache.
    from home.models import SiteAlert

    SiteAlert.for_site(site)
    if welcome is not None:
        welcome.delete()
    return home


TOP_TASKS = [
    "identiteitskaart",
    "adreswijziging",
    "bewonerskaart",
    "afvalophaling",
    "recyclagepark",
    "omgevingsvergunning",
    "uittreksel-strafregister",
    "hulp-bij-digitale-vragen",
]


def set_top_tasks(home, services):
    """Put the services most citizens come for on the home page."""
    from home.models import HomePageTopTask

    for slug in TOP_TASKS:
        home.top_tasks.add(HomePageTopTask(service=services[slug]))
    home.save_revision().publish()
