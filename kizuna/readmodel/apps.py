from django.apps import AppConfig


class ReadModelConfig(AppConfig):
    name = "kizuna.readmodel"
    verbose_name = "Read model"

    def ready(self):
        from . import signals  # noqa: F401  rebuild records when registry data changes
