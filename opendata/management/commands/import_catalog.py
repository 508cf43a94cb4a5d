"""`manage.py import_catalog FILE`: create or update services from a catalogue CSV or our CPSV-AP JSON-LD, all or nothing."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.catalog_csv import CatalogFileError, check_size, read_catalog_csv
from opendata.catalog_jsonld import read_catalog_jsonld
from opendata.importer import CatalogImporter


class Command(BaseCommand):
    help = (
        "Importeert diensten uit een catalogus-CSV (docs/catalog-csv.md) of een CPSV-AP JSON-LD-export. Bestaande diensten "
        "(zelfde external_id) krijgen een nieuwe versie. Alles of niets: bij één fout wordt niets geschreven."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het CSV- of JSON-LD-bestand.")
        parser.add_argument(
            "--format", choices=["csv", "jsonld"], help="Standaard: volgens de extensie van het bestand."
        )
        parser.add_argument("--publish", action="store_true", help="Publiceer de diensten meteen (anders: concepten).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Controleer en meld wat er zou gebeuren; schrijf niets."
        )

    def handle(self, *args, file, format=None, publish=False, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Het bestand '{file}' bestaat niet.")
        file_format = format or ("jsonld" if path.suffix.lower() in (".jsonld", ".json") else "csv")
        try:
            check_size(path.stat().st_size)  # before reading: a huge file is refused without loading it
            data = path.read_bytes()
            reader = read_catalog_jsonld if file_format == "jsonld" else read_catalog_csv
            rows, errors = reader(data)
        except CatalogFileError as error:
            raise CommandError(str(error)) from error
        if errors:
            self.stderr.write(f"{len(errors)} fouten gevonden; er is niets geïmporteerd:")
            for error in errors:
                self.stderr.write(f"  - {error}")
            raise CommandError(f"Import geweigerd: {len(errors)} fouten in {path.name}.")

        progress = self.progress_bar() if sys.stderr.isatty() and not dry_run else None
        importer = CatalogImporter(publish=publish, progress=progress)
        try:
            report = importer.run(rows, dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if progress:
            sys.stderr.write("\n")
        created, updated = len(report.created), len(report.updated)
        if dry_run:
            message = f"Proefrun: {created} nieuwe diensten en {updated} bijgewerkte diensten; er is niets geschreven."
        else:
            state = "gepubliceerd" if publish else "als concept bewaard"
            message = f"{created} nieuwe diensten en {updated} bijgewerkte diensten, {state}."
        self.stdout.write(self.style.SUCCESS(message))
        if report.departments_created:
            label = "Nieuwe afdelingen" if not dry_run else "Nieuwe afdelingen die zouden worden aangemaakt"
            self.stdout.write(f"{label}: {', '.join(report.departments_created)}.")

    @staticmethod
    def progress_bar():
        def show(done, total):
            width = 40
            filled = width * done // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stderr.flush()

        return show
