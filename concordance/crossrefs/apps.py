from django.apps import AppConfig


class CrossrefsConfig(AppConfig):
    name = "concordance.crossrefs"
