from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    """Back up the database and the uploaded files into one archive (`make backup`; see README.md for cron)."""

    help = "Write a backup archive (database dump plus media files) into var/backups/ or --output."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.VAR_DIR / "backups"), help="folder for the archive")

    def handle(self, *args, **options):
        try:
            archive = create_backup(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
