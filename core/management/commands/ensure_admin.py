import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """Create the first administrator when there is none, and print its name and password.

    The password comes from ADMIN_PASSWORD, or is random; a random one is shown once here and stored nowhere else
    (the database keeps only its hash). Does nothing when a superuser already exists.
    """

    help = "Maakt een eerste beheerder aan als er nog geen is."

    def handle(self, *args, **options):
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("Er bestaat al een beheerder; er is niets veranderd.")
            return
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            username=username, email=os.environ.get("ADMIN_EMAIL", "webmaster@mechelen.example"), password=password
        )
        self.stdout.write(self.style.SUCCESS("Beheerder aangemaakt."))
        self.stdout.write(f"  Gebruikersnaam: {username}")
        if os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("  Wachtwoord: de waarde van ADMIN_PASSWORD")
        else:
            self.stdout.write(f"  Wachtwoord: {password}   (bewaar het nu: het wordt nergens anders getoond)")
