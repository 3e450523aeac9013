"""6. Base demo data fails to load: Odoo reads its YAML files with a bare
``yaml.load(s)`` and PyYAML 6 requires ``Loader=``.

Only ``odoo.tools.yaml_import`` is given a default: FullLoader, the most
restricted loader that knows the ``!record``/``!python``... tags Odoo adds
with ``yaml.add_constructor`` (the files are trusted addon data).
"""
import yaml

from ._hooks import module_with, when_imported


def _load(stream, Loader=yaml.FullLoader):
    return yaml.load(stream, Loader=Loader)


@when_imported('odoo.tools.yaml_import')
def _patch(yaml_import):
    yaml_import.yaml = module_with(yaml, load=_load)
