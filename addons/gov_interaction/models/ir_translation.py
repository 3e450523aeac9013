# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""All Chinese on the screens the roles use (issue 16).

Two gaps of Odoo 11's translation loading, closed when our addons' terms
are loaded (install, update, loading a language):

- Odoo's own zh_CN leaves some stock terms English or gets them wrong
  ("称谓" for a survey's title).  Our corrections are each addon's
  ``i18n_extra/zh_CN.po`` (Odoo's place for hand-made translations); Odoo
  loads it without overwriting an existing translation, so our addons'
  files are loaded again, over Odoo's.
- A field a mixin or another addon adds to a model (the chatter's and
  activities' fields, a bridge's service level) has its label under the
  xml id of the module that defined it, which translates it for its own
  models only (or, for a bridge, before the field exists).  Such labels,
  helps and selection values of the models the roles open take the
  translation Odoo or our addons already give the same term of the same
  field elsewhere.
- Odoo names a field's xml id ``field_<model>_<field>``; when two fields
  get the same one (gov.letter's ``publication_state`` and
  gov.letter.publication's ``state``) the second has its database id
  appended, which differs from one database to another, so its entry in
  our .po (exported from another database) finds no field: such labels
  take their module's translation of the same text.
"""
from psycopg2 import sql

from odoo import api, models
from odoo.modules import get_module_resource
from odoo.tools import trans_load
from odoo.tools.translate import PoFile

# Odoo's models the roles open beside ours (tests/test_zh_cn_screens.py).
SCREEN_MODELS = (
    'mail.message', 'mail.activity', 'mail.activity.type', 'mail.followers', 'mail.wizard.invite',
    'mail.compose.message', 'ir.attachment', 'res.partner', 'res.users',
    'survey.survey', 'survey.page', 'survey.question', 'survey.label', 'survey.stage',
    'survey.user_input', 'survey.user_input_line', 'survey.mail.compose.message',
)

# A field's label or help without a translation takes the one of the same
# text on a field of the same name (else of any name), ours first.
_FILL_FIELD_TERMS = sql.SQL("""
    INSERT INTO ir_translation (name, lang, res_id, src, type, value, module, state)
    SELECT DISTINCT ON (f.id) %(name)s, %(lang)s, f.id, f.{column}, 'model', t.value,
           'gov_interaction', 'translated'
      FROM ir_model_fields f
      JOIN ir_translation t ON t.lang = %(lang)s AND t.type = 'model' AND t.name = %(name)s
                           AND md5(t.src) = md5(f.{column}) AND t.src = f.{column}
                           AND coalesce(t.value, '') != ''
      JOIN ir_model_fields g ON g.id = t.res_id
     WHERE f.model IN %(models)s AND coalesce(f.{column}, '') != ''
       AND NOT EXISTS (SELECT 1 FROM ir_translation x
                        WHERE x.lang = %(lang)s AND x.type = 'model' AND x.name = %(name)s
                          AND x.res_id = f.id AND coalesce(x.value, '') != '')
  ORDER BY f.id, g.name = f.name DESC, t.module LIKE 'gov\\_%%' DESC, t.id
""")
_FILL_SELECTION_TERM = """
    INSERT INTO ir_translation (name, lang, res_id, src, type, value, module, state)
    SELECT %(name)s, %(lang)s, 0, %(src)s, 'selection', t.value, 'gov_interaction', 'translated'
      FROM ir_translation t
     WHERE t.lang = %(lang)s AND t.type = 'selection' AND md5(t.src) = md5(%(src)s)
       AND t.src = %(src)s AND coalesce(t.value, '') != ''
       AND NOT EXISTS (SELECT 1 FROM ir_translation x
                        WHERE x.lang = %(lang)s AND x.type = 'selection' AND x.name = %(name)s
                          AND md5(x.src) = md5(%(src)s) AND coalesce(x.value, '') != '')
  ORDER BY split_part(t.name, ',', 2) = %(field)s DESC, t.module LIKE 'gov\\_%%' DESC, t.id
     LIMIT 1
"""

_RENAMED_FIELDS = """
    SELECT f.id, f.field_description
      FROM ir_model_data d JOIN ir_model_fields f ON f.id = d.res_id
     WHERE d.module = %(module)s AND d.model = 'ir.model.fields' AND d.name ~ '_[0-9]+$'
       AND NOT EXISTS (SELECT 1 FROM ir_translation x
                        WHERE x.lang = %(lang)s AND x.type = 'model'
                          AND x.name = 'ir.model.fields,field_description' AND x.res_id = f.id)
"""


class IrTranslation(models.Model):
    _inherit = 'ir.translation'

    @api.model
    def load_module_terms(self, modules, langs):
        result = super(IrTranslation, self).load_module_terms(modules, langs)
        ours = [name for name in modules if name.startswith('gov_')]
        for lang in langs:
            # After any module's terms (an update of portal or survey
            # reloads Odoo's own), our corrections again.
            self._gov_load_corrections(self._gov_installed(ours), lang)
            for module in ours:
                self._gov_fill_renamed_fields(module, lang)
            if ours:
                self._gov_fill_terms(lang)
        self.clear_caches()
        return result

    @api.model
    def _gov_installed(self, modules):
        """Our addons installed or being installed (``modules``)."""
        installed = self.env['ir.module.module'].sudo().search(
            [('state', 'in', ('installed', 'to upgrade')), ('name', '=like', 'gov\\_%')])
        return sorted(set(installed.mapped('name')) | set(modules))

    @api.model
    def _gov_load_corrections(self, modules, lang):
        """Our i18n_extra files again, overwriting Odoo's translations."""
        for module in modules:
            path = get_module_resource(module, 'i18n_extra', lang + '.po')
            if path:
                context = dict(self.env.context, overwrite=True)
                trans_load(self.env.cr, path, lang, verbose=False, module_name=module, context=context)

    @api.model
    def _gov_fill_renamed_fields(self, module, lang):
        """Labels of ``module``'s fields whose xml id ends with a database id."""
        path = get_module_resource(module, 'i18n', lang + '.po')
        if not path:
            return
        with open(path, 'rb') as po_file:
            terms = {entry[3]: entry[4] for entry in PoFile(po_file)
                     if entry[1] == 'ir.model.fields,field_description' and entry[4]}
        self.env.cr.execute(_RENAMED_FIELDS, {'module': module, 'lang': lang})
        for field_id, label in self.env.cr.fetchall():
            if terms.get(label):
                self.create({'name': 'ir.model.fields,field_description', 'lang': lang, 'res_id': field_id,
                             'src': label, 'type': 'model', 'value': terms[label], 'module': module,
                             'state': 'translated'})

    @api.model
    def _gov_screen_models(self):
        ours = [name for name in self.env.registry.models if name.startswith('gov.')]
        return tuple(ours) + tuple(name for name in SCREEN_MODELS if name in self.env)

    @api.model
    def _gov_fill_terms(self, lang):
        """Labels, helps and selection values left untranslated (above)."""
        screen_models = self._gov_screen_models()
        for column in ('field_description', 'help'):
            query = _FILL_FIELD_TERMS.format(column=sql.Identifier(column))
            self.env.cr.execute(query, {
                'name': 'ir.model.fields,%s' % column, 'lang': lang, 'models': screen_models})
        for model in screen_models:
            for field in self.env[model]._fields.values():
                if field.type == 'selection' and isinstance(field.selection, list):
                    self._gov_fill_selection(lang, model, field)

    @api.model
    def _gov_fill_selection(self, lang, model, field):
        for _value, label in field.selection:
            if label:
                self.env.cr.execute(_FILL_SELECTION_TERM, {
                    'name': '%s,%s' % (model, field.name), 'lang': lang, 'src': label,
                    'field': field.name})
