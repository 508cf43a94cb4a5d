"""Who sees which insight data: webmasters see everything, department editors the services of their department.

The roles themselves (the Webmasters group, a department's Redacteur and Goedkeurder groups) are governance's.
"""

from governance import roles
from governance.roles import user_departments

__all__ = ["can_see_insight", "is_webmaster", "restrict_to_user", "user_departments"]


def is_webmaster(user):
    """Active superusers and members of the Webmasters group."""
    return user.is_active and (user.is_superuser or roles.is_webmaster(user))


def can_see_insight(user):
    return user.is_authenticated and (is_webmaster(user) or user_departments(user).exists())


def restrict_to_user(queryset, user, page_field="page"):
    """Limit a queryset of rows with a page to what the user may see (nothing for a user without a department)."""
    if is_webmaster(user):
        return queryset
    return queryset.filter(**{f"{page_field}__servicepage__department__in": user_departments(user)})
