"""Settings shared by every environment. Environment-specific modules (dev, test, production) import and adjust these."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .environment import cache_from_redis_url, database_from_url, env_int, env_list, env_str

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first, so their templates override those of Wagtail and Django.
    "core",
    "home",
    "catalog",
    "pages",
    "news",
    "events",
    "search",
    "locations",
    "governance",
    "opendata",
    "wagtail.api.v2",
    "rest_framework",
    "insight",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # Serve static files through WhiteNoise in `runserver` too, so development serves them as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers and the page cache sit above everything that reads the session or sets cookies: cache hits
    # get the headers too, and the cache sees (and refuses to store) every response that sets a cookie.
    "core.security.ContentSecurityPolicyMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": database_from_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise memory of this process.
REDIS_URL = env_str("REDIS_URL")
# "pages" is the page cache's view of the same cache (docs/caching.md): it sees Redis errors instead of ignoring them.
if REDIS_URL:
    CACHES = {
        "default": cache_from_redis_url(REDIS_URL),
        "pages": cache_from_redis_url(REDIS_URL, ignore_exceptions=False),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hvdm"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "hvdm-pages"},
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time. Dutch (Belgium) is the language of the site and the admin; content is Dutch only for now, but the
# page tree is localised (WAGTAIL_I18N_ENABLED) so that English pages for Your Europe can be added as translations later.
LANGUAGE_CODE = "nl-be"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("nl", _("Nederlands"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("nl", _("Nederlands"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files and uploads.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Django's default of 1000 is too few for the editor of a service page with many orderables.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Huis van de Mechelaar"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Dutch stemming with accent folding for Wagtail's own search (the admin); created by search/migrations/0002.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch_unaccent"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The JSON API at /api/v2/ (docs/api.md): at most 100 items per request.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# The base of the URIs by which our catalogue's records are identified in CPSV-AP and IPDC-LPDC exports.
CATALOG_URI_BASE = env_str("CATALOG_URI_BASE", "https://catalogus.mechelen.example/id/")

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Huis van de Mechelaar <noreply@mechelen.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # Wagtail's background tasks run immediately here; their "task started/succeeded" lines are noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# How many services a listing page shows.
CATALOG_PAGE_SIZE = env_int("CATALOG_PAGE_SIZE", 30)

# The largest catalogue file `import_catalog` reads (CSV or JSON-LD), in MB; 25 MB is some 15,000 services of CSV.
CATALOG_IMPORT_MAX_MB = env_int("CATALOG_IMPORT_MAX_MB", 25)


# --- Serving: page cache, security headers, login throttling (docs/caching.md, docs/security.md) -------------------

# Page cache: anonymous GET/HEAD of public pages are kept in the cache above for PAGE_CACHE_SECONDS (0: off) and sent
# with `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_PROXY_SECONDS, stale-while-revalidate=...` for a CDN.
# How long the insight app keeps daily page-view counters and feedback before folding them into monthly totals
# (docs/insight.md); 396 days is about 13 months, so a year can be compared with the same month a year earlier.
INSIGHT_RETENTION_DAYS = env_int("INSIGHT_RETENTION_DAYS", 396)

PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 30)
# Query parameters that never change a page (campaign tracking); any other query string bypasses the cache.
PAGE_CACHE_IGNORED_QUERY_PARAMETERS = [r"^utm_[a-z]+$", r"^mtm_[a-z]+$", r"^fbclid$", r"^gclid$", r"^msclkid$"]
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documenten/", "/healthz", STATIC_URL, MEDIA_URL]
# The page cache's alias in CACHES; after a Redis error it leaves Redis alone for PAGE_CACHE_RETRY_SECONDS (per worker).
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_RETRY_SECONDS = env_int("PAGE_CACHE_RETRY_SECONDS", 30)

# Content-Security-Policy (django-csp). Public pages: our own origin only, no inline script or style, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin uses inline scripts and styles; its policy only forbids plugins, foreign <base> and form targets,
# and framing by other sites (the page preview frames the admin's own origin).
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins for one user name from one address, that
# combination is locked out for LOGIN_COOLOFF_MINUTES. Locking the combination (not the address alone) keeps one
# attacker from locking out a whole office behind one NAT address, and a guesser from trying many passwords.
AUTHENTICATION_BACKENDS = [
    "core.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# No third-party requests, in the admin either: Wagtail would load editors' avatars from gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Site search: results per page, and how many days the query log (no personal data) is kept.
SEARCH_PAGE_SIZE = env_int("SEARCH_PAGE_SIZE", 10)
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 365)
