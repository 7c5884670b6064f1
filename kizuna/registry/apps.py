from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "kizuna.registry"
    verbose_name = "Registry"
