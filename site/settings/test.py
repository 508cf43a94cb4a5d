"""Tests: like production where it matters (DEBUG off), fast where it does not (password hashing, e-mail in memory)."""

from .base import *  # noqa: F403
from .environment import env_int

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - WhiteNoise warns about a missing folder otherwise
# Test-only models (a page, a snippet, a site setting) for the page cache's tests.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
# The page cache is off in tests, so that tests of pages see every request rendered (and query budgets count the
# rendering). Tests of caching turn it on: `settings.PAGE_CACHE_SECONDS = 600` or
# `@override_settings(PAGE_CACHE_SECONDS=600)`; subprocesses with the environment variable.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
