"""Database rules a CHECK constraint cannot express, and the reasons vocabulary.

A link must join a GB authority (uk_authority) and a JP authority (jp_authority); the countries
live in another table, so each backend gets a trigger.
"""

from django.db import migrations

SQLITE = [
    f"""
    CREATE TRIGGER registry_link_countries_{event}
    BEFORE {event.upper()} ON registry_link
    FOR EACH ROW
    WHEN (SELECT country FROM registry_authority WHERE id = NEW.uk_authority_id) IS NOT 'GB'
      OR (SELECT country FROM registry_authority WHERE id = NEW.jp_authority_id) IS NOT 'JP'
    BEGIN
      SELECT RAISE(ABORT, 'link_countries: a link joins a GB and a JP authority');
    END;
    """
    for event in ("insert", "update")
]
SQLITE_DROP = [f"DROP TRIGGER registry_link_countries_{e};" for e in ("insert", "update")]

POSTGRES = [
    """
    CREATE FUNCTION registry_link_countries() RETURNS trigger AS $$
    BEGIN
      IF (SELECT country FROM registry_authority WHERE id = NEW.uk_authority_id)
           IS DISTINCT FROM 'GB'
         OR (SELECT country FROM registry_authority WHERE id = NEW.jp_authority_id)
           IS DISTINCT FROM 'JP' THEN
        RAISE EXCEPTION 'link_countries: a link joins a GB and a JP authority'
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER registry_link_countries BEFORE INSERT OR UPDATE ON registry_link
    FOR EACH ROW EXECUTE FUNCTION registry_link_countries();
    """,
]
POSTGRES_DROP = [
    "DROP TRIGGER registry_link_countries ON registry_link;",
    "DROP FUNCTION registry_link_countries();",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


def seed(apps, schema_editor):
    from kizuna.registry.vocabulary import seed_reasons

    seed_reasons(apps.get_model("registry", "Reason"))


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
