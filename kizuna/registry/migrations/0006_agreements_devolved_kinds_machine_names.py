"""New kinds (devolved government, pre-1996 Scottish councils), machine-made Japanese names,
a Japanese date note, and agreements (the history of a link's parties).

SQLite rebuilds registry_authority to change its kind constraint, which a trigger on
registry_link (0002) refers to: the trigger is dropped for the rebuild and made again."""

import importlib

import django.db.models.deletion

from django.db import migrations, models

rules = importlib.import_module("kizuna.registry.migrations.0002_link_country_trigger_and_reasons")


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0005_data_version_changed'),
    ]

    operations = [
        migrations.RunPython(
            rules.run({"sqlite": rules.SQLITE_DROP}), rules.run({"sqlite": rules.SQLITE})
        ),
        migrations.CreateModel(
            name='Agreement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('signed', 'signed'), ('renewed', 're-signed'), ('carried_over', 'carried over'), ('supplementary', 'further agreement')], max_length=20)),
                ('date', models.DateField()),
                ('date_precision', models.CharField(choices=[('year', 'year'), ('month', 'month'), ('day', 'day')], default='year', max_length=5)),
                ('note_en', models.CharField(blank=True, max_length=300)),
                ('note_ja', models.CharField(blank=True, max_length=300)),
            ],
            options={
                'ordering': ['link', 'date', 'id'],
            },
        ),
        migrations.RemoveConstraint(
            model_name='authority',
            name='authority_kind_fits_gb',
        ),
        migrations.AddField(
            model_name='authority',
            name='name_ja_machine',
            field=models.BooleanField(default=False, help_text='The katakana name is a machine transliteration of the English name (e2k), not a name a Japanese source uses; pages mark it 自動表記.', verbose_name='Japanese name is machine-made'),
        ),
        migrations.AddField(
            model_name='link',
            name='formed_note_ja',
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name='authority',
            name='kind',
            field=models.CharField(choices=[('county', 'county council'), ('unitary', 'unitary authority'), ('metropolitan_district', 'metropolitan district'), ('non_metropolitan_district', 'non-metropolitan district'), ('london_borough', 'London borough'), ('scottish_council', 'Scottish council area'), ('welsh_principal_area', 'Welsh principal area'), ('ni_district', 'Northern Ireland district'), ('town_council', 'town, parish or community council'), ('combined_authority', 'combined authority'), ('strategic_authority', 'strategic authority'), ('devolved_government', 'devolved government'), ('scottish_region', 'Scottish regional council (1975–1996)'), ('scottish_district', 'Scottish district council (1975–1996)'), ('prefecture', 'prefecture'), ('designated_city', 'designated city'), ('city', 'city'), ('special_ward', 'special ward'), ('town', 'town'), ('village', 'village')], max_length=32),
        ),
        migrations.AddConstraint(
            model_name='authority',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('country', 'GB'), _negated=True), ('kind__in', ['county', 'unitary', 'metropolitan_district', 'non_metropolitan_district', 'london_borough', 'scottish_council', 'welsh_principal_area', 'ni_district', 'town_council', 'combined_authority', 'strategic_authority', 'devolved_government', 'scottish_region', 'scottish_district']), _connector='OR'), name='authority_kind_fits_gb'),
        ),
        migrations.AddField(
            model_name='agreement',
            name='link',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agreements', to='registry.link'),
        ),
        migrations.AddField(
            model_name='agreement',
            name='signatories',
            field=models.ManyToManyField(help_text='The authorities that signed (or, carried over, took the link on).', related_name='agreements', to='registry.authority'),
        ),
        migrations.AddField(
            model_name='agreement',
            name='sources',
            field=models.ManyToManyField(related_name='agreements', to='registry.source'),
        ),
        migrations.AddConstraint(
            model_name='agreement',
            constraint=models.UniqueConstraint(fields=('link', 'date', 'kind'), name='agreement_unique_link_date_kind'),
        ),
        migrations.AddConstraint(
            model_name='agreement',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['signed', 'renewed', 'carried_over', 'supplementary'])), name='agreement_kind_known'),
        ),
        migrations.RunPython(
            rules.run({"sqlite": rules.SQLITE}), rules.run({"sqlite": rules.SQLITE_DROP})
        ),
    ]
