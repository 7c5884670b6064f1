from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Document",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("kind", models.CharField(choices=[("authority", "authority"), ("link", "link")],
                                          max_length=10)),
                ("object_id", models.PositiveBigIntegerField()),
                ("names", models.JSONField(default=list)),
                ("text", models.TextField()),
                ("boost", models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("kind", "object_id"),
                                            name="document_unique_object")
                ]
            },
        ),
    ]
