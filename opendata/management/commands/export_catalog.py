"""`manage.py export_catalog --format csv|jsonld`: the live catalogue as catalogue CSV or CPSV-AP JSON-LD."""

import sys

from django.core.management.base import BaseCommand

from opendata.catalog_csv import write_catalog_csv
from opendata.catalogue_export import catalogue_chunks
from opendata.cpsv import service_queryset


class Command(BaseCommand):
    help = "Exporteert alle gepubliceerde diensten als catalogus-CSV of als CPSV-AP JSON-LD."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "jsonld"], default="csv")
        parser.add_argument("--output", "-o", help="Schrijf naar dit bestand (standaard: de standaarduitvoer).")

    def handle(self, *args, format="csv", output=None, **options):
        stream = open(output, "w", encoding="utf-8", newline="") if output else self.stdout  # noqa: SIM115
        try:
            if format == "csv":
                count = write_catalog_csv(service_queryset().iterator(chunk_size=500), stream)
                message = f"{count} diensten geëxporteerd."
            else:
                for chunk in catalogue_chunks():
                    stream.write(chunk)
                message = "Catalogus geëxporteerd als CPSV-AP JSON-LD."
        finally:
            if output:
                stream.close()
        if output:
            self.stdout.write(self.style.SUCCESS(message))
        else:
            sys.stderr.write(message + "\n")
