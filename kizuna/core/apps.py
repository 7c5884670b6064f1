from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kizuna.core"
    verbose_name = "Kizuna core"
