"""For migrations: SQL that only PostgreSQL runs (SQLite has no tsvector, no storage
parameters); a RunPython operation, as RunSQL cannot tell the databases apart."""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run
