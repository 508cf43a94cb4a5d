from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Open data: CPSV-AP and IPDC-LPDC exports, their SHACL validation, the LDES feed, and catalogue import/export."""

    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from . import signals  # noqa: F401
