from django.apps import AppConfig


class MappingConfig(AppConfig):
    name = "concordance.mapping"
    verbose_name = "Concordance"
