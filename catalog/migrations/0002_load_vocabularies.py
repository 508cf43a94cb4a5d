from django.db import migrations


def load(apps, schema_editor):
    # The loader takes the models as arguments, so the migration passes its historical versions.
    from catalog.vocabularies import load_vocabularies

    load_vocabularies(apps.get_model("catalog", "Concept"), apps.get_model("catalog", "Organisation"))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
