from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "kizuna.registry"
    verbose_name = "Registry"

    def ready(self):
        from . import changes  # noqa: F401  track every change to publish it once
