# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Mail templates compiled once per source: a rendering gives what it gave
before, an edited template renders its new text, and the sandbox still
refuses what it refused."""
from odoo.tests.common import TransactionCase

from odoo.addons.mail.models import mail_template


class TestMailTemplateCache(TransactionCase):

    def setUp(self):
        super().setUp()
        self.template = self.env['mail.template'].create({
            'name': '受理回执', 'model_id': self.env.ref('base.model_res_partner').id,
            'subject': '${object.name}，您好', 'body_html': '<p>${object.name}</p>'})
        self.partner = self.env['res.partner'].create({'name': '王建国'})

    def _subject(self):
        return self.template.render_template(
            self.template.subject, 'res.partner', [self.partner.id])[self.partner.id]

    def test_a_source_is_compiled_once_and_renders_each_record(self):
        env = mail_template.mako_safe_template_env
        self.assertIs(env.from_string('${object.name}'), env.from_string('${object.name}'))
        self.assertEqual(self._subject(), '王建国，您好')
        self.partner.name = '李秀英'
        self.assertEqual(self._subject(), '李秀英，您好')

    def test_an_edited_template_renders_its_new_text(self):
        self._subject()
        self.template.subject = '${object.name}：来信已收到'
        self.assertEqual(self._subject(), '王建国：来信已收到')

    def test_the_sandbox_still_refuses_private_attributes(self):
        rendered = self.template.render_template(
            '${object.__class__}', 'res.partner', [self.partner.id])[self.partner.id]
        self.assertNotIn('class', rendered)
