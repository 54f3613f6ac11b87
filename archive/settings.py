"""Settings, all read from the environment here and nowhere else.

DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_CSRF_TRUSTED_ORIGINS,
DJANGO_HTTPS (secure cookies, HSTS and HTTPS redirect; on by default when DEBUG is off),
DATABASE_URL (see archive/database.py) and ARCHIVE_API_PUBLIC_READ.
"""

import datetime
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from archive.database import database_config

BASE_DIR = Path(__file__).resolve().parent.parent
LOCAL_DIR = BASE_DIR / ".local"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalised = value.strip().lower()
    if normalised in {"1", "true", "yes", "on"}:
        return True
    if normalised in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number")
    return int(value)


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key() -> str:
    """A per-checkout random key kept in .local/, so a fresh clone needs no configuration."""
    path = LOCAL_DIR / "secret_key"
    if not path.exists():
        LOCAL_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or local_secret_key()
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be at least 50 characters long")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "archive",
    "articles",
    "entities",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.common.middleware.RefuseNulCharacters",
    "archive.common.middleware.ApiErrorsAsJson",
    # Refuses a client locked out for failed logins (last, as django-axes asks).
    "axes.middleware.AxesMiddleware",
    # No django-simple-history request middleware: every write names its acting user explicitly
    # (archive.common.history), so a history row never takes a user from the request in the background.
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "archive" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_config(BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Proxies in front of the app whose X-Forwarded-For entries are trusted, counted from the right; with
# none, a client's address is the connection's, whatever headers it sends.
TRUSTED_PROXIES = env_int("ARCHIVE_TRUSTED_PROXIES", 0)

AUTHENTICATION_BACKENDS = [
    "archive.accounts.LoginAttemptsBackend",  # refuses a locked-out client (django-axes)
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins (the admin, the token endpoint, HTTP basic) are counted per client address; after
# ARCHIVE_LOGIN_FAILURES of them the address is locked out for ARCHIVE_LOGIN_LOCKOUT_MINUTES (429).
# A success resets the count; `manage.py axes_reset_ip ADDRESS` (or `axes_reset`) lifts a lockout.
AXES_FAILURE_LIMIT = env_int("ARCHIVE_LOGIN_FAILURES", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("ARCHIVE_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXIES else ("REMOTE_ADDR",)
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "archive.accounts.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed but not hashed: a missing manifest can never break a page.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# A change reason names entities ("merged Asim Munir into …"), longer than the default 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

API_PUBLIC_READ = env_bool("ARCHIVE_API_PUBLIC_READ", True)

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["archive.common.api.ArchiveModelPermissions"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "archive.common.api.StableOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "archive.common.api.PagesOrCursor",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "archive.common.schema.ArchiveAutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["archive.throttling.AnonymousWindowThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("ARCHIVE_API_ANON_RATE", "120/minute")},
    "NUM_PROXIES": TRUSTED_PROXIES,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "News archive API",
    "DESCRIPTION": (
        "Articles, their sources, the entities they mention and the events they report. Reading is open "
        "when the archive says so; curation actions need a user holding the model permissions "
        "(token, session or basic authentication)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "archive.common.schema.document_errors"],
    "ENUM_NAME_OVERRIDES": {
        "SourceKindEnum": "articles.models.Source.Kind",
        "ArticleStatusEnum": "articles.models.Article.Status",
        "DatePrecisionEnum": "archive.common.dates.DatePrecision",
        "EntityKindEnum": "entities.models.Entity.Kind",
        "MentionStatusEnum": "entities.models.Mention.Status",
        "EventKindEnum": "entities.models.Event.Kind",
        "EventStatusEnum": "entities.models.Event.Status",
        "CandidateStatusEnum": "entities.models.Candidate.Status",
        "OriginEnum": "archive.common.provenance.Origin",
        "EvidenceStatusEnum": "entities.models.EventEvidence.Status",
        "SourcedFieldEnum": "entities.models.EventFieldSource.Field",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {"pgserver": {"level": "WARNING"}},
}
