"""Serve Kizuna with gunicorn, a production-grade WSGI server: `kizuna serve [--port N]`.

Honours DATABASE_URL like every command. Static files are collected first (WhiteNoise serves
them from STATIC_ROOT). Workers share no state but the database and cache, so several hosts can
run this behind a proxy.
"""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication


class GunicornApplication(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from kizuna.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve the site with gunicorn (not the development server)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )

    def handle(self, *args, host, port, workers, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Kizuna on http://{host}:{port}/ ({workers} workers)")
        GunicornApplication(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "accesslog": "-",
                "timeout": 30,
                "preload_app": True,
            }
        ).run()
