"""Each page type can be created where it belongs and nowhere else."""

from wagtail.test.utils import WagtailPageTestCase

from catalog.models import (
    LifeEventIndexPage,
    LifeEventPage,
    ServiceIndexPage,
    ServicePage,
    ThemeIndexPage,
    ThemePage,
)
from home.models import HomePage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_index_pages_live_under_the_home_page(self):
        for index_model in (ServiceIndexPage, ThemeIndexPage, LifeEventIndexPage):
            self.assertAllowedParentPageTypes(index_model, {HomePage})

    def test_services_live_only_in_the_catalogue(self):
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage})
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanNotCreateAt(ThemeIndexPage, ServicePage)

    def test_themes_and_life_events_live_under_their_index(self):
        self.assertAllowedParentPageTypes(ThemePage, {ThemeIndexPage})
        self.assertAllowedParentPageTypes(LifeEventPage, {LifeEventIndexPage})
        self.assertAllowedSubpageTypes(ThemeIndexPage, {ThemePage})
        self.assertAllowedSubpageTypes(LifeEventIndexPage, {LifeEventPage})
        self.assertCanNotCreateAt(ServiceIndexPage, ThemePage)

    def test_a_site_has_one_catalogue_index(self):
        home = HomePage.objects.get()
        self.assertTrue(ServiceIndexPage.objects.child_of(home).exists())
        self.assertFalse(ServiceIndexPage.can_create_at(home))
