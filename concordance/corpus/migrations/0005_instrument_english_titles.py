from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("corpus", "0004_footnote_notes"),
    ]

    operations = [
        migrations.AddField(
            model_name="instrument",
            name="short_title_en",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
        migrations.AddField(
            model_name="instrument",
            name="title_en",
            field=models.CharField(blank=True, default="", max_length=500),
        ),
    ]
