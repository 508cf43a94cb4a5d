"""Reading settings from the environment: one place for the parsing rules, so every settings module reads alike."""

import os

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from error


def env_list(name, default=()):
    """A comma-separated list: `ALLOWED_HOSTS=www.mechelen.be,mechelen.be`."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url):
    """A database configuration from a URL, with persistent connections checked before reuse.

    PostgreSQL connections give up after DATABASE_CONNECT_TIMEOUT seconds (default 5): when the database host is
    unreachable the site answers with its 503 page instead of hanging until gunicorn kills the worker.
    """
    config = dj_database_url.parse(url, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))
    return config


def cache_from_redis_url(url, ignore_exceptions=True):
    """A django-redis cache that degrades to "no cache" when Redis is down: short timeouts and exceptions ignored.

    A site that serves citizens must never fail because its cache does; pages are then simply rendered uncached.
    With ignore_exceptions=False the caller handles Redis errors itself (the page cache does, to stop asking a Redis
    that does not answer for a while instead of waiting for its timeouts on every request).
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "hvdm"),
        "TIMEOUT": 300,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": ignore_exceptions,
        },
    }


def email_settings():
    """E-mail settings from `EMAIL_URL` (e.g. `smtp+tls://user:password@smtp.example.org:587`) or the `EMAIL_*` variables."""
    url = os.environ.get("EMAIL_URL")
    if url:
        parsed = dj_email_url.parse(url)
        return {
            "EMAIL_BACKEND": parsed["EMAIL_BACKEND"],
            "EMAIL_HOST": parsed["EMAIL_HOST"],
            "EMAIL_PORT": parsed["EMAIL_PORT"],
            "EMAIL_HOST_USER": parsed["EMAIL_HOST_USER"],
            "EMAIL_HOST_PASSWORD": parsed["EMAIL_HOST_PASSWORD"],
            "EMAIL_USE_TLS": parsed["EMAIL_USE_TLS"],
            "EMAIL_USE_SSL": parsed["EMAIL_USE_SSL"],
        }
    if os.environ.get("EMAIL_HOST"):
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": env_str("EMAIL_HOST"),
            "EMAIL_PORT": env_int("EMAIL_PORT", 587),
            "EMAIL_HOST_USER": env_str("EMAIL_HOST_USER"),
            "EMAIL_HOST_PASSWORD": env_str("EMAIL_HOST_PASSWORD"),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", True),
            "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
        }
    return {}
