"""All Chinese (issue 16, part 3): with lang zh_CN, no field label and no
selection value of a model the roles open in the back office is English.

The models: every model of our addons (``gov.*``, the screens, wizards and
exports of the five columns) and the Odoo models the roles reach from them:
- the chatter and its dialogs: ``mail.message``, ``mail.activity``,
  ``mail.activity.type`` (the activity form's type), ``mail.followers``,
  ``mail.wizard.invite`` (Add Followers), ``mail.compose.message`` (Send
  Message), ``ir.attachment``;
- a writer's or colleague's card: ``res.partner``; Preferences: ``res.users``
  (its generated group fields aside, shown only to administrators);
- 网上调查 on Odoo's survey: ``survey.survey``, ``survey.page``,
  ``survey.question``, ``survey.label``, ``survey.stage``,
  ``survey.user_input``, ``survey.user_input_line``,
  ``survey.mail.compose.message`` (Share).
Technical models only the administrator opens (Settings → Technical) are
not on the list.  The model's own name is checked too: the chatter says
"<model> 创建" and the notices (通报) name the kind of item by it.

Our own terms come from each addon's i18n/zh_CN.po; the stock terms Odoo
leaves English or gets wrong from our addons' i18n_extra/zh_CN.po, loaded
over Odoo's; labels of fields a mixin adds take Odoo's own translation of
the same field (gov_interaction/models/ir_translation.py).
"""
import re

from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.models.ir_translation import SCREEN_MODELS as STOCK_MODELS

# Written the same in Chinese: acronyms and format names.
ACRONYMS = re.compile(r'(?<![A-Za-z])(ID|API|URL|XLSX|CSV|HTML|JSON|MIME|SHA1|IM|IP|OAuth2?|OpenID|TOTP|'
                      r'HMAC|SHA256|QR|Atom|PDF|Email)(?![A-Za-z])')
ENGLISH = re.compile(r'[A-Za-z]{2,}')
# Selections of names, not terms: time zones, languages, models.
NAMES = {'tz', 'lang', 'res_model', 'model', 'model_id', 'res_model_id'}


def english(text):
    return bool(ENGLISH.search(ACRONYMS.sub('', text or '')))


def _user_groups_field(model, name):
    """res.users' generated fields of the groups form (in_group_N,
    sel_groups_N_M), only on the administrator's user form."""
    return model == 'res.users' and re.match(r'(in_group|sel_groups)_\d', name)


class TestZhCnScreens(TransactionCase):

    def models(self):
        ours = sorted(name for name in self.env.registry.models if name.startswith('gov.'))
        return ours + list(STOCK_MODELS)

    def english_terms(self, model):
        found = []
        fields = self.env[model].with_context(lang='zh_CN').fields_get(attributes=['string', 'selection'])
        for name, description in sorted(fields.items()):
            if _user_groups_field(model, name):
                continue
            if english(description.get('string')):
                found.append('%s.%s label %r' % (model, name, description['string']))
            if name in NAMES:
                continue
            for _value, label in description.get('selection') or []:
                if english(label):
                    found.append('%s.%s value %r' % (model, name, label))
        label = self.env['ir.model'].with_context(lang='zh_CN')._get(model).name
        if english(label):
            found.append('%s model %r' % (model, label))
        return found

    def test_every_label_and_selection_value_the_roles_see_is_chinese(self):
        found = [term for model in self.models() for term in self.english_terms(model)]
        self.assertEqual(found, [], '\n'.join(found))

    def test_the_stock_models_on_the_list_exist(self):
        self.assertEqual([model for model in STOCK_MODELS if model not in self.env], [])

    def test_the_check_sees_english(self):
        self.assertTrue(english('Service Level'))
        self.assertTrue(english('Survey 创建'))
        self.assertFalse(english('API 令牌'))
        self.assertFalse(english('服务级别'))


    def test_stock_mistranslations_are_corrected(self):
        """Odoo's zh_CN calls a survey's title a form of address (称谓)."""
        Survey = self.env['survey.survey'].with_context(lang='zh_CN')
        self.assertEqual(Survey.fields_get(['title'])['title']['string'], '标题')
        arch = Survey.fields_view_get(view_type='search')['arch']
        self.assertNotIn('称谓', arch)
