from django.apps import AppConfig


class ComparisonConfig(AppConfig):
    name = "concordance.comparison"
    verbose_name = "Comparaison"
