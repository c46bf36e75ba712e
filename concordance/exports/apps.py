from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Documents that leave the site: Word, PDF, spreadsheets, Akoma Ntoso."""

    name = "concordance.exports"
    verbose_name = "Exports"
