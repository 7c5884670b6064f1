from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "kizuna.registry"
    verbose_name = "Registry"

    def ready(self):
        from . import versioning  # noqa: F401  bump DataVersion on every change
