"""Admin registration: the feedback list (per department), and the "Inzicht" dashboard menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from insight import admin_views
from insight.access import can_see_insight, restrict_to_user
from insight.models import Feedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Feedback comes only from visitors: nobody adds or deletes it in the admin (the retention command deletes it).

    Webmasters and department editors may view it and mark it as handled, each only for the pages they may see.
    """

    def user_has_permission(self, user, action):
        if action in {"view", "change"}:
            return can_see_insight(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return restrict_to_user(self.model.objects.all(), user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and restrict_to_user(self.model.objects.filter(pk=instance.pk), user).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)


register_permission_policy(Feedback, FeedbackPermissionPolicy(Feedback))


class FeedbackEditView(EditView):
    """Only the feedback of the user's own department can be opened."""

    def get_queryset(self):
        return restrict_to_user(Feedback.objects.select_related("page"), self.request.user)


class FeedbackViewSet(SnippetViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Feedback")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["page", "helpful", "comment", "created_at", "handled"]
    list_filter = ["helpful", "handled", "created_at"]
    search_fields = ["comment"]
    edit_view_class = FeedbackEditView
    copy_view_enabled = False
    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("helpful", read_only=True),
        FieldPanel("comment", read_only=True),
        FieldPanel("handled"),
    ]

    def get_queryset(self, request):
        return restrict_to_user(Feedback.objects.select_related("page"), request.user)


register_snippet(FeedbackViewSet)


class InsightMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_insight(request.user)


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [path("inzicht/", admin_views.insight_dashboard, name="insight_dashboard")]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return InsightMenuItem(_("Inzicht"), reverse("insight_dashboard"), icon_name="view", order=260)


class MarkHandledBulkAction(SnippetBulkAction):
    """ "Markeer als afgehandeld" for the selected feedback in the list."""

    display_name = _("Markeer als afgehandeld")
    action_type = "mark_handled"
    aria_label = _("Markeer de gekozen feedback als afgehandeld")
    template_name = "insight/confirm_mark_handled.html"
    action_priority = 10
    models = [Feedback]

    def get_all_objects_in_listing_query(self, parent_id):
        return restrict_to_user(Feedback.objects.all(), self.request.user).values_list("pk", flat=True)

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = Feedback.objects.filter(pk__in=[item.pk for item in objects]).update(handled=True)
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(count)d feedbackbericht(en) gemarkeerd als afgehandeld.") % {"count": num_parent_objects}


hooks.register("register_bulk_action", MarkHandledBulkAction)
