"""Themes get an English name, for the English interface.

A database loaded before this migration has its themes already: their
English names are filled from the curated fixture, where a theme of the same
slug has one (a fresh database gets them from ``import_concordance``).
"""

import json

from django.conf import settings
from django.db import migrations, models


def fill_english_names(apps, schema_editor):
    Theme = apps.get_model("mapping", "Theme")
    if not Theme.objects.exists():
        return
    document = json.loads(settings.CONCORDANCE_FIXTURE.read_text(encoding="utf-8"))
    english = {entry["slug"]: entry.get("name_en", "") for entry in document.get("themes", [])}
    for theme in Theme.objects.filter(name_en="", slug__in=[slug for slug, name in english.items() if name]):
        theme.name_en = english[theme.slug]
        theme.save(update_fields=["name_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0004_no_link_where_recorded_without_counterpart"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="name_en",
            field=models.CharField(blank=True, default="", max_length=120),
        ),
        migrations.RunPython(fill_english_names, migrations.RunPython.noop),
    ]
