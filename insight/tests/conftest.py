"""Fixtures for the insight tests: two service pages of two departments, with their editor groups and users."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from catalog.models import ServicePage

ORIGIN = "http://testserver"


@pytest.fixture
def services(demo_site):
    """Two live service pages that belong to different departments."""
    pages = list(ServicePage.objects.live().filter(department__isnull=False).select_related("department"))
    first = pages[0]
    second = next(page for page in pages if page.department_id != first.department_id)
    return first, second


def _editor(username, department):
    # Its own group: the governance app (when merged) creates role groups per department with other names.
    group = Group.objects.create(name=f"Inzicht-test {department.name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    department.editor_group = group
    department.save()
    user = get_user_model().objects.create_user(username, f"{username}@mechelen.example", "wachtwoord-123")
    user.groups.add(group)
    return user


@pytest.fixture
def editors(services):
    """An editor of each service's department."""
    return _editor("redacteur1", services[0].department), _editor("redacteur2", services[1].department)


@pytest.fixture
def webmaster(db):
    group, _created = Group.objects.get_or_create(name="Webmasters")  # the governance app's migration creates it
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("webmaster", "webmaster@mechelen.example", "wachtwoord-123")
    user.groups.add(group)
    return user
