"""`manage.py validate_catalog`: check every live service's CPSV-AP export and IPDC snapshot against the official shapes."""

from django.core.management.base import BaseCommand, CommandError

from opendata.cpsv import CpsvBuilder, service_queryset
from opendata.ipdc import snapshot_graph
from opendata.validation import validate_cpsv, validate_ipdc


class Command(BaseCommand):
    help = "Valideert de CPSV-AP-export en de IPDC-momentopname van elke gepubliceerde dienst met de officiële SHACL-shapes."

    def add_arguments(self, parser):
        parser.add_argument("--only", choices=["cpsv", "ipdc"], help="Controleer alleen deze export.")

    def handle(self, *args, only=None, **options):
        checked = failed = 0
        for service in service_queryset().iterator(chunk_size=200):
            problems = []
            if only in (None, "cpsv"):
                builder = CpsvBuilder()
                builder.add_service(service)
                problems += [f"CPSV-AP: {violation}" for violation in validate_cpsv(builder.graph).violations]
            if only in (None, "ipdc"):
                problems += [f"IPDC: {violation}" for violation in validate_ipdc(snapshot_graph(service)).violations]
            checked += 1
            if problems:
                failed += 1
                self.stdout.write(self.style.ERROR(f"{service.title} (id {service.pk}, {service.url_path}):"))
                for problem in problems:
                    self.stdout.write(f"  - {problem}")
        summary = f"{checked} diensten gecontroleerd, {failed} met fouten."
        if failed:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
