"""`manage.py purge_insight`: the daily aggregation and retention of the insight data (cron, once a day)."""

from django.core.management.base import BaseCommand

from insight import retention


class Command(BaseCommand):
    help = (
        "Vat paginaweergaven en feedback ouder dan INSIGHT_RETENTION_DAYS samen per maand en wis ze; "
        "bewaar de momentopname van de diensten met een online kanaal."
    )

    def handle(self, *args, **options):
        counters, feedback = retention.purge()
        departments = retention.record_snapshot()
        self.stdout.write(
            f"{counters} dagtellers en {feedback} feedbackberichten samengevat en gewist; "
            f"momentopname voor {departments} afdeling(en) bewaard."
        )
