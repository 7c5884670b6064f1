from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kizuna.search"
    verbose_name = "Search"

    def ready(self):
        from . import signals  # noqa: F401  keep the index in step with edits
