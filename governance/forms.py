"""The service edit form: a department editor can only give a service to a department they work for."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from governance.roles import is_webmaster, user_departments


def user_department_ids(user):
    """The ids of the departments whose Redacteur or Goedkeurder group the user is in."""
    return set(user_departments(user).values_list("pk", flat=True))


class ServicePageForm(WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("department")
        if field is None or for_user is None or for_user.is_superuser or is_webmaster(for_user):
            return
        department_ids = user_department_ids(for_user)
        if department_ids:
            field.queryset = field.queryset.filter(pk__in=department_ids)
            field.required = True
            # A short drop-down of their own departments instead of the chooser of every department.
            field.widget = forms.Select(choices=field.choices)
            field.help_text = _("Je kan alleen een afdeling kiezen waarvoor je werkt.")
