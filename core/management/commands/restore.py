from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, read_manifest, restore_backup
from core.page_cache import invalidate_page_cache


class Command(BaseCommand):
    """Restore a backup archive made by `manage.py backup` (`make restore FILE=...`), replacing the current data."""

    help = "Replace the database and the media files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a hvdm-*.tar.gz made by `manage.py backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, **options):
        archive = options["archive"]
        try:
            manifest = read_manifest(archive)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if not options["yes"]:
            answer = input(
                f"Replace ALL data of this site with the backup of {manifest['created']} ({manifest['database']})? "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        invalidate_page_cache()  # every cached page may differ from the restored content
        self.stdout.write(f"Restored {archive} (made {manifest['created']}).")
