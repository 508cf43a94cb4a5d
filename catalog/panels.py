"""Editor panels for the service page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from catalog.completeness import completeness


class CompletenessPanel(Panel):
    """What the service still misses for citizens and the SDG; informative only, it never blocks a save."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Volledigheid"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalog/panels/completeness.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["completeness"] = completeness(self.instance)
            return context
