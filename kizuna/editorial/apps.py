from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "kizuna.editorial"
    verbose_name = "Editorial: roles, editing, history, moderation"
