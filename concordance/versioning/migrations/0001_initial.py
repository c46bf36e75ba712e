from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ("counter", models.BigIntegerField(default=1)),
                ("token", models.UUIDField()),
                ("changed_at", models.DateTimeField()),
                ("transaction_id", models.BigIntegerField(null=True)),
            ],
            options={
                "constraints": [models.CheckConstraint(condition=models.Q(id=1), name="data_version_single_row")],
            },
        ),
        # The first version; the triggers on the versioned tables are
        # installed after every migrate (apps.py, versions.install_triggers),
        # so that tables created by later migrations of any app get theirs.
        migrations.RunSQL(
            "INSERT INTO versioning_dataversion (id, counter, token, changed_at) "
            "VALUES (1, 1, gen_random_uuid(), clock_timestamp())",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
