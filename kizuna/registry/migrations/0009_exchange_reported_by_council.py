from django.db import migrations, models


def reported_by_council():
    return models.BooleanField(
        default=False,
        help_text="No published source: the council itself told us about this exchange.",
        verbose_name="reported by the council",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0008_revision_and_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="exchange", name="reported_by_council", field=reported_by_council()
        ),
        migrations.AddField(
            model_name="historicalexchange",
            name="reported_by_council",
            field=reported_by_council(),
        ),
    ]
