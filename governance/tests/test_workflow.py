"""The approval workflow "Redactie -> Goedkeuring" through the admin: submit, approve, reject, e-mails and history."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState

from catalog.models import ServicePage
from governance.models import DepartmentApprovalTask
from governance.tests.conftest import login, make_user
from governance.tests.test_permissions import edit_form

pytestmark = pytest.mark.django_db


def submit(client, page, summary):
    data = edit_form(client, page)
    data["summary"] = summary
    data["action-submit"] = "action-submit"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:1000]
    return ServicePage.objects.get(pk=page.pk)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", {"comment": comment})


def test_services_use_the_department_workflow(own_service):
    workflow = own_service.get_workflow()
    assert workflow.name == "Redactie -> Goedkeuring"
    assert isinstance(workflow.tasks.get().specific, DepartmentApprovalTask)


def test_submission_mails_the_department_approvers(editor_client, own_service, approver, other_service):
    other_approver = make_user("goedkeurder-economie", other_service.department.approver_group)
    mail.outbox.clear()
    page = submit(editor_client, own_service, "Nieuwe samenvatting ter goedkeuring.")
    assert page.workflow_in_progress
    recipients = {address for message in mail.outbox for address in message.to}
    assert approver.email in recipients
    assert other_approver.email not in recipients


def test_approval_publishes_and_mails_the_author(editor, editor_client, approver_client, own_service):
    page = submit(editor_client, own_service, "Nieuwe samenvatting ter goedkeuring.")
    assert ServicePage.objects.get(pk=page.pk).summary != "Nieuwe samenvatting ter goedkeuring."
    mail.outbox.clear()
    response = workflow_action(approver_client, page, "approve")
    assert response.status_code == 302
    page = ServicePage.objects.get(pk=page.pk)
    assert page.summary == "Nieuwe samenvatting ter goedkeuring."
    assert not page.workflow_in_progress
    to_author = [message for message in mail.outbox if editor.email in message.to]
    assert len(to_author) == 1
    assert page.title in to_author[0].subject + to_author[0].body


def test_rejection_mails_the_author_with_the_comment(editor, editor_client, approver_client, own_service):
    page = submit(editor_client, own_service, "Een samenvatting die niet klopt.")
    mail.outbox.clear()
    response = workflow_action(approver_client, page, "reject", "Het tarief voor 2027 ontbreekt nog.")
    assert response.status_code == 302
    page = ServicePage.objects.get(pk=page.pk)
    assert page.summary != "Een samenvatting die niet klopt."
    to_author = [message for message in mail.outbox if editor.email in message.to]
    assert len(to_author) == 1
    assert "Het tarief voor 2027 ontbreekt nog." in to_author[0].body


def test_other_department_approver_cannot_approve(editor_client, own_service, other_service):
    page = submit(editor_client, own_service, "Nieuwe samenvatting ter goedkeuring.")
    stranger = login(make_user("goedkeurder-economie", other_service.department.approver_group))
    response = workflow_action(stranger, page, "approve")
    assert response.status_code in (302, 403)
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert ServicePage.objects.get(pk=page.pk).summary != "Nieuwe samenvatting ter goedkeuring."


def test_author_cannot_approve_own_submission(editor_client, own_service):
    page = submit(editor_client, own_service, "Nieuwe samenvatting ter goedkeuring.")
    workflow_action(editor_client, page, "approve")
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_approver_sees_the_submission_on_the_dashboard(editor_client, approver_client, own_service):
    page = submit(editor_client, own_service, "Nieuwe samenvatting ter goedkeuring.")
    html = approver_client.get("/admin/").content.decode()
    assert f"/admin/pages/{page.pk}/edit/" in html


def test_history_records_submit_approve_and_publish_with_the_user(
    editor, approver, editor_client, approver_client, own_service
):
    page = submit(editor_client, own_service, "Nieuwe samenvatting ter goedkeuring.")
    workflow_action(approver_client, page, "approve", "Prima.")
    entries = PageLogEntry.objects.filter(page=page)
    assert entries.filter(action="wagtail.workflow.start", user=editor).exists()
    assert entries.filter(action="wagtail.workflow.approve", user=approver).exists()
    assert entries.filter(action="wagtail.publish", user=approver).exists()
    history = approver_client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    assert editor.get_username() in history.content.decode() or editor.email in history.content.decode()


def test_revisions_can_be_compared_within_own_department(editor_client, own_service, other_service):
    submit(editor_client, own_service, "Een andere samenvatting om te vergelijken.")
    response = editor_client.get(f"/admin/pages/{own_service.pk}/revisions/compare/live...latest/")
    assert response.status_code == 200
    assert "Een andere samenvatting om te vergelijken." in response.content.decode()
    response = editor_client.get(f"/admin/pages/{other_service.pk}/revisions/compare/earliest...latest/")
    assert response.status_code in (302, 403)


def test_scheduled_publication_goes_live_with_publish_scheduled(approver_client, own_service):
    go_live = timezone.localtime() + timedelta(days=2)
    data = edit_form(approver_client, own_service)
    data["summary"] = "Vanaf overmorgen geldt een nieuw tarief."
    data["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"
    response = approver_client.post(f"/admin/pages/{own_service.pk}/edit/", data)
    assert response.status_code == 302
    assert ServicePage.objects.get(pk=own_service.pk).summary != "Vanaf overmorgen geldt een nieuw tarief."
    call_command("publish_scheduled", stdout=StringIO())
    assert ServicePage.objects.get(pk=own_service.pk).summary != "Vanaf overmorgen geldt een nieuw tarief."
    with time_machine.travel(go_live + timedelta(minutes=5), tick=False):
        call_command("publish_scheduled", stdout=StringIO())
    assert ServicePage.objects.get(pk=own_service.pk).summary == "Vanaf overmorgen geldt een nieuw tarief."
