"""Department ownership of pages, on top of Wagtail's tree-based page permissions.

Wagtail grants page permissions to a group on a page and everything below it. All services live in one folder (one URL
space), so the tree cannot say which department may edit which service. The rule added here:

- a page permission held through a department's role group (its `editor_group` or `approver_group`) counts on a page
  that has a `department` (a service) only when the page belongs to that department;
- on the page the permission was granted on (the services folder) it counts only as "add": the role may create services
  in the folder, not edit the folder itself;
- permissions held through any other group (Webmasters, Wagtail's Editors and Moderators) keep Wagtail's tree rules.

The rule lives in the page permission policy, which Wagtail asks for the explorer, the admin search, the admin API and
the bulk actions, and in the permission tester that the edit, publish, delete, move and copy views ask.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import GroupPagePermission, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

SCOPES_CACHE = "_department_scopes_cache"


def department_scopes():
    """Map the id of every department role group to the ids of the departments it serves."""
    from catalog.models import Department

    scopes = {}
    for department_id, editor_group_id, approver_group_id in Department.objects.values_list(
        "id", "editor_group_id", "approver_group_id"
    ):
        for group_id in (editor_group_id, approver_group_id):
            if group_id:
                scopes.setdefault(group_id, set()).add(department_id)
    return scopes


def owned_page_models():
    """The page models whose pages belong to a department (they have a `department` field)."""
    from catalog.models import ServicePage

    return [ServicePage]


def is_owned_model(model):
    return model is not None and any(issubclass(model, owned) for owned in owned_page_models())


def page_department_id(page):
    """The department of a page, looking at the specific page when given a plain `Page`."""
    if hasattr(page, "department_id"):
        return page.department_id
    return getattr(page.specific_deferred, "department_id", None)


def action_of(permission):
    """'add' for 'add_page'."""
    return permission.codename.rsplit("_", maxsplit=1)[0]


def permission_applies(action, group_id, granted_on_id, page, scopes, owned, department_id):
    """Whether a page permission granted to `group_id` on page `granted_on_id` counts on `page` (inside that subtree)."""
    departments = scopes.get(group_id)
    if departments is None:
        return True
    if page.pk == granted_on_id:
        return action == "add"
    if owned:
        return department_id is not None and department_id in departments
    return True


class DepartmentPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy with department ownership of services (see the module docstring)."""

    def department_scopes_for_user(self, user):
        if not hasattr(user, SCOPES_CACHE):
            setattr(user, SCOPES_CACHE, department_scopes())
        return getattr(user, SCOPES_CACHE)

    def actions_for_page(self, user, page):
        """The actions ('add', 'change', 'publish', ...) that the user's group page permissions give on this page."""
        scopes = self.department_scopes_for_user(user)
        owned = is_owned_model(page.specific_class)
        department_id = page_department_id(page) if owned else None
        actions = set()
        for perm in self.get_cached_permissions_for_user(user):
            if not page.path.startswith(perm.page.path):
                continue
            action = action_of(perm.permission)
            if permission_applies(action, perm.group_id, perm.page_id, page, scopes, owned, department_id):
                actions.add(action)
        return actions

    def user_has_any_permission_for_instance(self, user, actions, instance):
        base_permission = self._base_user_has_permission(user)
        if base_permission is not None:
            return base_permission
        granted = self.actions_for_page(user, instance)
        if "add" in granted and instance.owner_id == user.pk:
            granted.add("change")
        return bool(set(actions) & granted)

    def _owned_by(self, departments):
        """Pages that no department owns, or that one of these departments owns."""
        from django.contrib.contenttypes.models import ContentType

        models = owned_page_models()
        condition = ~Q(content_type__in=ContentType.objects.get_for_models(*models).values())
        for model in models:
            condition |= Q(pk__in=model.objects.filter(department__in=departments).values("pk"))
        return condition

    def instances_user_has_any_permission_for(self, user, actions):
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset

        actions = set(actions)
        scopes = self.department_scopes_for_user(user)
        manager = self.model._default_manager
        pages = manager.none()
        for perm in self.get_cached_permissions_for_user(user):
            action = action_of(perm.permission)
            edit_own = action == "add" and "add" not in actions and "change" in actions
            if action not in actions and not edit_own:
                continue
            queryset = manager.descendant_of(perm.page, inclusive=True)
            if edit_own:
                queryset = queryset.filter(owner=user)
            departments = scopes.get(perm.group_id)
            if departments is not None:
                if action != "add" or edit_own:
                    queryset = queryset.exclude(pk=perm.page_id)
                queryset = queryset.filter(self._owned_by(departments))
            pages |= queryset
        return pages

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        actions = set(actions)
        scopes = department_scopes()
        owned = is_owned_model(instance.specific_class)
        department_id = page_department_id(instance) if owned else None
        codenames = self._get_permission_codenames(actions | ({"add"} if "change" in actions else set()))
        group_ids = set()
        for perm in GroupPagePermission.objects.filter(
            permission__codename__in=codenames, page__in=instance.get_ancestors(inclusive=True)
        ).select_related("permission"):
            action = action_of(perm.permission)
            if not permission_applies(action, perm.group_id, perm.page_id, instance, scopes, owned, department_id):
                continue
            if action == "add" and "add" not in actions:
                continue  # counted below, for the owner only
            group_ids.add(perm.group_id)
        condition = Q(groups__in=group_ids)
        if include_superusers:
            condition |= Q(is_superuser=True)
        if "change" in actions and "add" not in actions and instance.owner_id:
            owner_groups = {
                perm.group_id
                for perm in GroupPagePermission.objects.filter(
                    permission__codename=self._get_permission_codename("add"),
                    page__in=instance.get_ancestors(inclusive=True),
                )
                if permission_applies("add", perm.group_id, perm.page_id, instance, scopes, owned, department_id)
            }
            condition |= Q(groups__in=owner_groups) & Q(pk=instance.owner_id)
        return get_user_model()._default_manager.filter(is_active=True).filter(condition).distinct()


class DepartmentPagePermissionTester(PagePermissionTester):
    """Wagtail's permission tester, with the permissions on the page worked out by the department policy."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if (
            user.is_active
            and not user.is_superuser
            and isinstance(self.permission_policy, DepartmentPagePermissionPolicy)
        ):
            self.permissions = self.permission_policy.actions_for_page(user, page)


class DepartmentPermissionsMixin:
    """For page models: use the department-aware permission tester."""

    def permissions_for_user(self, user):
        return DepartmentPagePermissionTester(user, self)
