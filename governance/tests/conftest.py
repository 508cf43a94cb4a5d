"""Users of each role, logged in through the admin's own client."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from catalog.models import Department, ServicePage
from governance.roles import WEBMASTERS


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@mechelen.example", password="not-a-real-password", **extra
    )
    user.groups.add(*groups)
    return user


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def burgerzaken(demo_site):
    return Department.objects.get(name="Burgerzaken")


@pytest.fixture
def economie(demo_site):
    return Department.objects.get(name="Economie")


@pytest.fixture
def own_service(burgerzaken):
    return ServicePage.objects.filter(department=burgerzaken, live=True).order_by("path").first()


@pytest.fixture
def other_service(economie):
    return ServicePage.objects.filter(department=economie, live=True).order_by("path").first()


@pytest.fixture
def editor(burgerzaken):
    return make_user("redacteur", burgerzaken.editor_group)


@pytest.fixture
def approver(burgerzaken):
    return make_user("goedkeurder", burgerzaken.approver_group)


@pytest.fixture
def webmaster(demo_site):
    return make_user("webmaster", Group.objects.get(name=WEBMASTERS))


@pytest.fixture
def editor_client(editor):
    return login(editor)


@pytest.fixture
def approver_client(approver):
    return login(approver)


@pytest.fixture
def webmaster_client(webmaster):
    return login(webmaster)
