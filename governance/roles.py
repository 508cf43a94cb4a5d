"""The roles of the catalogue as Django groups: Webmasters, and per department a Redacteur and a Goedkeurder group.

Every function takes an `apps` registry, so the data migrations and the running site (signals) share one code path.
"""

from django.apps import apps as global_apps

WEBMASTERS = "Webmasters"
EDITOR_PREFIX = "Redacteur"
APPROVER_PREFIX = "Goedkeurder"
WORKFLOW_NAME = "Redactie -> Goedkeuring"
TASK_NAME = "Goedkeuring door de afdeling"

# Page actions on the services folder, per role. Ownership by department narrows them (governance.permissions).
EDITOR_PAGE_ACTIONS = ["add", "change"]
APPROVER_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
WEBMASTER_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]

# Model permissions every department role needs to work on a service: pick contact points and organisations, upload
# images and documents (through the root collection, below).
ROLE_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("catalog", "contactpoint", "view_contactpoint"),
    ("catalog", "organisation", "view_organisation"),
    ("catalog", "department", "view_department"),
]
ROLE_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "choose_document"),
]

# Apps whose models the webmaster manages completely. Code lists (catalog.Concept) stay read-only whatever the group
# has: their permission policy refuses changes (catalog/wagtail_hooks.py).
WEBMASTER_APPS = [
    "auth",
    "catalog",
    "governance",
    "wagtailcore",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "wagtailforms",
    "wagtailimages",
    "wagtaildocs",
    "wagtailadmin",
    "wagtailusers",
    "wagtailembeds",
]
WEBMASTER_EXCLUDED_MODELS = {("wagtailcore", "page"), ("wagtailcore", "revision"), ("auth", "permission")}


def is_webmaster(user):
    """Whether the user is in the Webmasters group (cached on the user for the request)."""
    cache = "_is_webmaster"
    if not hasattr(user, cache):
        setattr(user, cache, user.is_authenticated and user.groups.filter(name=WEBMASTERS).exists())
    return getattr(user, cache)


def user_departments(user):
    """The departments whose Redacteur or Goedkeurder group the user is in (none for an inactive or anonymous user)."""
    from django.db.models import Q

    from catalog.models import Department

    if not user.is_active or not user.is_authenticated:
        return Department.objects.none()
    groups = user.groups.all()
    return Department.objects.filter(Q(editor_group__in=groups) | Q(approver_group__in=groups))


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return permission


def _page_permission(apps, action):
    return _permission(apps, "wagtailcore", "page", f"{action}_page")


def _grant_page_actions(apps, group, page_id, actions):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=_page_permission(apps, action)
        )


def _grant_collection_permissions(apps, group):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model, codename in ROLE_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(apps, app_label, model, codename)
        )


def _role_group(apps, name):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=name[:150])
    group.permissions.add(*[_permission(apps, *spec) for spec in ROLE_MODEL_PERMISSIONS])
    _grant_collection_permissions(apps, group)
    return group


def service_index_page_ids(apps):
    ServiceIndexPage = apps.get_model("catalog", "ServiceIndexPage")
    return list(ServiceIndexPage.objects.values_list("pk", flat=True))


def sync_department_roles(department, apps=global_apps):
    """Give a department its Redacteur and Goedkeurder groups (when it has none) and their rights on the services folder.

    Idempotent: run it again and nothing changes.
    """
    Department = apps.get_model("catalog", "Department")
    updates = {}
    editor_group = department.editor_group if department.editor_group_id else None
    approver_group = department.approver_group if department.approver_group_id else None
    if editor_group is None:
        editor_group = _role_group(apps, f"{EDITOR_PREFIX} {department.name}")
        updates["editor_group"] = editor_group
    if approver_group is None:
        approver_group = _role_group(apps, f"{APPROVER_PREFIX} {department.name}")
        updates["approver_group"] = approver_group
    if updates:
        # update(), not save(): no second post_save round.
        Department.objects.filter(pk=department.pk).update(**updates)
        for field, value in updates.items():
            setattr(department, field, value)
    for page_id in service_index_page_ids(apps):
        _grant_page_actions(apps, editor_group, page_id, EDITOR_PAGE_ACTIONS)
        _grant_page_actions(apps, approver_group, page_id, APPROVER_PAGE_ACTIONS)


def sync_services_folder(page_id, apps=global_apps):
    """A new services folder: the department roles get their rights on it, and it gets the approval workflow."""
    Department = apps.get_model("catalog", "Department")
    for department in Department.objects.select_related("editor_group", "approver_group"):
        sync_department_roles(department, apps)
    assign_workflow(page_id, apps)


def create_webmasters(apps=global_apps):
    """The Webmasters group: every page right from the root, and every model permission of the site's apps."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name=WEBMASTERS)
    permissions = [
        permission
        for permission in Permission.objects.filter(content_type__app_label__in=WEBMASTER_APPS).select_related(
            "content_type"
        )
        if (permission.content_type.app_label, permission.content_type.model) not in WEBMASTER_EXCLUDED_MODELS
    ]
    permissions.append(_permission(apps, "wagtailadmin", "admin", "access_admin"))
    group.permissions.add(*permissions)
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        _grant_page_actions(apps, group, root.pk, WEBMASTER_PAGE_ACTIONS)
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for permission in Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__regex=r"^(add|change|delete|choose)_(image|document)$",
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group


def create_workflow(apps=global_apps):
    """The workflow "Redactie -> Goedkeuring" with one task whose approvers follow the service's department."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    DepartmentApprovalTask = apps.get_model("governance", "DepartmentApprovalTask")
    content_type, _ = ContentType.objects.get_or_create(app_label="governance", model="departmentapprovaltask")
    task = DepartmentApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = DepartmentApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    return workflow


def assign_workflow(page_id, apps=global_apps):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})
