"""Admin registration of the catalogue's snippets: organisations, departments, contact points, and the code lists."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalog.models import Concept, ContactPoint, Department, Organisation


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Code lists come from Flanders and the EU: editors may look them up, nobody changes them in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete", "lock", "unlock", "publish"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Concept, ReadOnlyPermissionPolicy(Concept))


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "tag"
    menu_label = _("Codelijsten")
    list_display = ["label_nl", "code", "scheme", "uri"]
    list_filter = ["scheme"]
    search_fields = ["label_nl", "code"]
    inspect_view_enabled = True


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "ovo_id", "kbo_number"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("Afdelingen")
    list_display = ["name", "email", "phone"]


class ContactPointViewSet(SnippetViewSet):
    model = ContactPoint
    icon = "mail"
    menu_label = _("Contactpunten")
    list_display = ["name", "phone", "email"]


class CatalogViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogus")
    menu_icon = "list-ul"
    menu_order = 200
    items = (ContactPointViewSet, DepartmentViewSet, OrganisationViewSet, ConceptViewSet)


register_snippet(CatalogViewSetGroup)
