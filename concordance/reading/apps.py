from django.apps import AppConfig


class ReadingConfig(AppConfig):
    name = "concordance.reading"
    verbose_name = "Reading pages"
