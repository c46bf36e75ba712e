from django.apps import AppConfig


class CorpusConfig(AppConfig):
    name = "concordance.corpus"
    verbose_name = "Corpus"
