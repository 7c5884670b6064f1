from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "kizuna.website"
    verbose_name = "Public website"
