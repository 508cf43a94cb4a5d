"""Backups of the site: the database and the uploaded files in one archive, and restoring such an archive.

An archive `hvdm-YYYYMMDD-HHMMSS.tar.gz` holds
- `manifest.json`: the archive's format, the database engine and when it was made;
- `database.pgdump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite, a consistent online copy);
- `media/`: the uploaded images and documents, when they are stored on the local file system (on S3-compatible storage
  the bucket's own versioning and replication keep them; see docs/deployment.md).

Used by `manage.py backup` and `manage.py restore` (`make backup`, `make restore FILE=...`).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection

FORMAT = 1
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot be done, with a message for the operator."""


def _postgres_environment():
    """libpq's environment variables for the default database, so no password appears on a command line."""
    database = settings.DATABASES["default"]
    environment = {**os.environ, "PGDATABASE": database["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command):
    try:
        subprocess.run(command, env=_postgres_environment(), check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def _media_on_file_system():
    return isinstance(default_storage, FileSystemStorage)


def _dump_database(target):
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # SQLite's online backup: consistent while the site runs
        finally:
            copy.close()
    else:
        raise BackupError(f"Backups of a {connection.vendor} database are not supported.")


def create_backup(directory):
    """Write a backup archive into `directory` and return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    archive = directory / f"hvdm-{created:%Y%m%d-%H%M%S}.tar.gz"
    media = _media_on_file_system()
    manifest = {"format": FORMAT, "database": connection.vendor, "created": created.isoformat(), "media": media}
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAMES.get(connection.vendor, "database")
        _dump_database(dump)
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(Path(work) / "manifest.json", arcname="manifest.json")
            tar.add(dump, arcname=dump.name)
            if media and Path(settings.MEDIA_ROOT).is_dir():
                tar.add(settings.MEDIA_ROOT, arcname="media")
        partial.rename(archive)  # a half-written archive never looks like a backup
    return archive


def read_manifest(archive):
    with tarfile.open(archive, "r:gz") as tar:
        try:
            return json.load(tar.extractfile("manifest.json"))
        except KeyError as error:
            raise BackupError(f"{archive} is not a backup of this site (no manifest.json).") from error


def restore_backup(archive):
    """Replace the database (and the local media files) with those in `archive`."""
    manifest = read_manifest(archive)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} has backup format {manifest.get('format')}, this version reads {FORMAT}.")
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"{archive} holds a {manifest['database']} database; the site is configured for {connection.vendor}."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        dump = Path(work) / DUMP_NAMES[connection.vendor]
        if connection.vendor == "postgresql":
            connection.close()
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                  "--exit-on-error", f"--dbname={settings.DATABASES['default']['NAME']}", str(dump)])  # fmt: skip
        else:
            source = sqlite3.connect(dump)
            try:
                connection.ensure_connection()
                source.backup(connection.connection)
            finally:
                source.close()
        media = Path(work) / "media"
        if manifest.get("media") and media.is_dir() and _media_on_file_system():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest
