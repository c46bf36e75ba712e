from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "concordance.editions"
