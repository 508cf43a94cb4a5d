#!/usr/bin/env python
"""Django's command-line utility for the Huis van de Mechelaar site."""

import os
import sys
from pathlib import Path

# The site's configuration lives in the folder `site/`, but `site` is also a standard-library module that the interpreter
# imports at start-up, so a package of that name can never be imported. Instead the folder itself goes on the import path,
# and what is inside it is imported under its own names: `settings.dev`, `urls`, `wsgi`. The same path is set in
# site/wsgi.py (gunicorn) and in pyproject.toml (pytest's `pythonpath`).
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
