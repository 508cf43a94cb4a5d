"""Roles and workflow: the Webmasters group, role groups for existing departments, and "Redactie -> Goedkeuring"."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from governance import roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the groups can receive them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    roles.create_webmasters(apps)
    roles.create_workflow(apps)
    Department = apps.get_model("catalog", "Department")
    for department in Department.objects.all():
        roles.sync_department_roles(department, apps)
    for page_id in roles.service_index_page_ids(apps):
        roles.assign_workflow(page_id, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_initial"),
        ("catalog", "0002_load_vocabularies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("wagtailembeds", "0009_embed_cache_until"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
