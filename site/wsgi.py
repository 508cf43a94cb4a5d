"""WSGI entry point, for gunicorn: `gunicorn --chdir site wsgi:application` (see the Makefile's `serve`)."""

import os
import sys
from pathlib import Path

# See manage.py: the folder `site/` is on the import path (not a package, because the standard library owns that name),
# and the project's root beside it for the apps.
SITE_DIR = Path(__file__).resolve().parent
for path in (SITE_DIR, SITE_DIR.parent):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
