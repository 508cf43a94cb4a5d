"""Who sees which insight data: webmasters see everything, department editors the services of their department."""

from django.db.models import Q

from catalog.models import Department

WEBMASTERS_GROUP = "Webmasters"


def is_webmaster(user):
    """Superusers and members of the "Webmasters" group."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=WEBMASTERS_GROUP).exists())


def user_departments(user):
    """The departments whose editor or approver group the user is in."""
    if not user.is_active or not user.is_authenticated:
        return Department.objects.none()
    groups = user.groups.all()
    return Department.objects.filter(Q(editor_group__in=groups) | Q(approver_group__in=groups))


def can_see_insight(user):
    return user.is_authenticated and (is_webmaster(user) or user_departments(user).exists())


def restrict_to_user(queryset, user, page_field="page"):
    """Limit a queryset of rows with a page to what the user may see (nothing for a user without a department)."""
    if is_webmaster(user):
        return queryset
    return queryset.filter(**{f"{page_field}__servicepage__department__in": user_departments(user)})
