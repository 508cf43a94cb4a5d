"""`manage.py backup` and `manage.py restore`: a backup restored into an empty database has the same pages, revisions
and uploaded files. Runs on SQLite and, in the PostgreSQL pass, with pg_dump and pg_restore."""

import json
import os
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from home.models import HomePage

ROOT = Path(__file__).resolve().parent.parent

# Printed by the restored site: what must survive a backup.
SNAPSHOT = """
import django, json; django.setup()
from wagtail.models import Page, Revision
from wagtail.documents import get_document_model
from django.core.files.storage import default_storage
print(json.dumps({
    "pages": sorted([list(p) for p in Page.objects.values_list("id", "title", "url_path", "live", "latest_revision_id")]),
    "revisions": sorted([list(r) for r in Revision.objects.values_list("id", "object_id", "content__title")]),
    "documents": [default_storage.open(d.file.name).read().decode() for d in get_document_model().objects.all()],
}))
"""


def snapshot():
    return {
        "pages": sorted(
            [list(p) for p in Page.objects.values_list("id", "title", "url_path", "live", "latest_revision_id")]
        ),
        "revisions": sorted([list(r) for r in Revision.objects.values_list("id", "object_id", "content__title")]),
        "documents": [d.file.read().decode() for d in get_document_model().objects.all()],
    }


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the same engine as the tests use."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    database = connection.settings_dict
    name = f"{database['NAME']}_restore"
    params = {
        "host": database["HOST"] or "127.0.0.1",
        "port": database["PORT"] or 5432,
        "user": database["USER"] or "postgres",
        "password": database["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    yield f"postgres://{params['user']}{password}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(**params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.dev", **env}
    environment.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database(tmp_path, settings, empty_database, base_data):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo_content", stdout=StringIO())
    home = HomePage.objects.get()
    home.intro = "Een tweede versie van de intro."
    home.save_revision().publish()
    home.title = "Een ontwerp dat nog niet live is"
    home.save_revision()
    document = get_document_model()(title="Reglement")
    document.file.save("reglement.txt", ContentFile(b"Artikel 1: wees lief voor elkaar."))
    expected = snapshot()
    assert len(expected["revisions"]) >= 3

    output = StringIO()
    call_command("backup", output=str(tmp_path / "backups"), stdout=output)
    archive = Path(output.getvalue().strip())
    assert archive.parent == tmp_path / "backups" and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert any(name.startswith("media/documents/") for name in names)

    environment = {"DATABASE_URL": empty_database, "MEDIA_ROOT": str(tmp_path / "restored-media")}
    restored = manage("manage.py", "restore", str(archive), "--yes", **environment)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    result = manage("-c", "import sys; sys.path[:0] = ['site', '.']\n" + SNAPSHOT, **environment)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


def test_restore_refuses_what_is_not_a_backup(tmp_path, db):
    not_a_backup = tmp_path / "iets.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as tar:
        readme = tmp_path / "README"
        readme.write_text("geen backup")
        tar.add(readme, arcname="README")
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(not_a_backup), "--yes")
    assert Page.objects.exists()  # nothing was touched
