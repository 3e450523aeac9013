# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The OpenAPI document of the API (4.1.4).  gov_interaction's
``static/api/openapi.json`` is the document; other addons document their
routes in their own ``static/api/openapi.json`` (``tags``, ``paths`` and
``components`` only), merged here for the installed addons.  A test checks
that the result covers every route."""
import json
from collections import OrderedDict

from odoo.modules.module import get_module_resource


def openapi_document(modules):
    """The OpenAPI document of the API as installed: this addon's document
    with the fragments of the other ``modules`` merged in, in name order."""
    document = _read_openapi('gov_interaction')
    for module in sorted(set(modules) - {'gov_interaction'}):
        fragment = _read_openapi(module)
        if fragment is None:
            continue
        document['tags'].extend(fragment.get('tags', []))
        document['paths'].update(fragment.get('paths', {}))
        for section, items in fragment.get('components', {}).items():
            document['components'].setdefault(section, {}).update(items)
    return document


def _read_openapi(module):
    path = get_module_resource(module, 'static', 'api', 'openapi.json')
    if not path:
        return None
    with open(path, encoding='utf-8') as file:
        return json.load(file, object_pairs_hook=OrderedDict)
