"""Production: everything from the environment; refuses to start without a SECRET_KEY.

See README.md ("Configuration") for every variable and its default.
"""

from copy import deepcopy

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import email_settings, env_bool, env_int, env_list, env_str

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is not set: production refuses to start without a secret key.")

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed file names (cacheable forever) and pre-compressed copies, served by WhiteNoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CONTENT_SECURITY_POLICY = deepcopy(CONTENT_SECURITY_POLICY)  # noqa: F405 - adjusted below, base stays as it is

# Uploads on S3-compatible object storage (several application servers share them) when a bucket is named; see
# docs/deployment.md. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None  # e.g. https://s3.be-mechelen.example for MinIO/Ceph
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None  # a CDN host name in front of the bucket
    AWS_LOCATION = env_str("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket's policy decides; objects are not made public one by one
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    # Images and documents are then loaded from the bucket's (or its CDN's) origin: allow it in the CSP.
    media_origin = AWS_S3_CUSTOM_DOMAIN or env_str("AWS_S3_MEDIA_ORIGIN")
    if media_origin:
        media_origin = media_origin if "://" in media_origin else f"https://{media_origin}"
        for directive in ("img-src", "media-src"):
            CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(media_origin)

# A CDN, Varnish or nginx cache in front that accepts HTTP PURGE: Wagtail purges a page's URLs when it is published,
# unpublished, moved or deleted (docs/caching.md). Off unless FRONTEND_CACHE_PURGE_URL is set.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        },
    }

# HTTPS: the site runs behind a TLS-terminating proxy or load balancer that sets X-Forwarded-Proto.
if env_bool("SECURE_PROXY_SSL_HEADER", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Browsers load nothing over plain HTTP from our pages.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = SECURE_SSL_REDIRECT

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
globals().update(email_settings())
