# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

DEMO_LETTERS = [
    ('道里区安静街路灯损坏多日无人维修',
     '我是刘建华，家住哈尔滨市道里区安静街15号，电话13912345678。安静街路灯已经坏了两周，'
     '晚上出行很不安全，请尽快维修。', '您好！经核实，安静街路灯因线路老化损坏，'
     '市政部门已于本周完成维修并恢复照明。感谢您的反映。', '刘建华', '13912345678',
     '哈尔滨市道里区安静街15号', 'dept_housing', 'category_e'),
    ('咨询城乡居民养老保险缴费档次',
     '本人王秀英，身份证号230103196505051229，想咨询城乡居民养老保险可以选择哪些缴费档次，'
     '联系电话0451-82345678，邮箱wangxy@example.com。', '您好！城乡居民养老保险缴费档次分为每年'
     '300元至6000元多个档次，可在户籍所在地社保经办机构或线上平台选择。', '王秀英',
     '0451-82345678', '哈尔滨市南岗区学府路100号', 'dept_hrss', 'category_b'),
]


class GovLetter(models.Model):
    """Publication of a letter needs the writer's wish (``publish_wish``)
    and the government's decision (``publish_reply``); what shows is the
    checked public copy (5.3.8), never the original."""

    _inherit = 'gov.letter'

    publication_ids = fields.One2many('gov.letter.publication', 'letter_id', 'Public Copy')
    publication_state = fields.Selection([
        ('none', 'Not Published'),
        ('draft', 'Public Copy to Check'),
        ('checked', 'Public Copy Checked'),
    ], 'Publication', compute='_compute_publication_state')

    @api.depends('publication_ids.state')
    def _compute_publication_state(self):
        for letter in self:
            copy = letter.publication_ids[:1]
            letter.publication_state = copy.state if copy else 'none'

    @api.model
    def _column_latest_items(self, column, limit=5):
        """The 咨询投诉 column lists checked public copies only (5.3.8):
        the original titles never show."""
        items = super(GovLetter, self)._column_latest_items(column, limit)
        copies = self.env['gov.letter.publication'].sudo().search(
            [('website_published', '=', True)], order='date_replied desc', limit=limit)
        return items + [{
            'title': copy.title,
            'url': '/interaction/letters/%s' % copy.number,
            'date': fields.Datetime.from_string(copy.date_replied).date().isoformat(),
        } for copy in copies]

    @api.multi
    def _prepare_publication(self):
        """Create (or refresh) the redacted public copy of the letters that
        may be published, and ask a clerk to check it."""
        Publication = self.env['gov.letter.publication'].sudo()
        activity_type = self.env.ref('gov_letter_publication.mail_activity_type_check')
        for letter in self.sudo():
            if not (letter.state == 'replied' and letter.publish_wish and letter.publish_reply):
                continue
            copy = letter.publication_ids[:1]
            if copy:
                if copy.state == 'checked':
                    continue
                copy.action_redact_again()
            else:
                copy = Publication._transition().create(dict(Publication._redacted_values(letter),
                                                             letter_id=letter.id))
            clerk = self.env.ref('gov_interaction.group_gov_clerk').sudo().users[:1]
            if clerk and not letter.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type):
                letter._schedule_activity('gov_letter_publication.mail_activity_type_check',
                                          _('Check the public copy'), clerk)
        return True

    @api.multi
    def write(self, vals):
        replied_again = self.filtered(lambda letter: letter.state != 'replied') \
            if vals.get('state') == 'replied' else self.browse()
        result = super(GovLetter, self).write(vals)
        if replied_again:
            # A new reply (after reopening) needs a new check.
            replied_again.mapped('publication_ids').sudo().action_redact_again()
        if {'state', 'publish_reply', 'publish_wish'} & set(vals):
            self._prepare_publication()
        return result

    @api.multi
    def action_prepare_publication(self):
        self.ensure_one()
        if not (self.state == 'replied' and self.publish_wish and self.publish_reply):
            raise UserError(_("A letter is published once replied, if the writer agrees and "
                              "the government decides to publish it."))
        self._prepare_publication()
        return self.action_open_publication()

    @api.multi
    def action_open_publication(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Public Copy'),
            'res_model': 'gov.letter.publication',
            'res_id': self.publication_ids[:1].id,
            'view_mode': 'form',
            'target': 'current',
        }

    @api.multi
    def _demo_backdate(self, weeks):
        """Demo: this letter written ``weeks`` ago, accepted the next working
        day and answered three working days later, in office hours."""
        calendar = self.env['gov.calendar']._get_national()
        received = datetime.datetime.utcnow().replace(minute=17, second=0, microsecond=0) - \
            datetime.timedelta(weeks=weeks)
        accepted = calendar._deadline(received, 1)[0] - datetime.timedelta(hours=14)
        replied = calendar._deadline(accepted, 3)[0] - datetime.timedelta(hours=9)
        self._transition().write({'date_received': fields.Datetime.to_string(received),
                                  'date_accepted': fields.Datetime.to_string(accepted),
                                  'date_assigned': fields.Datetime.to_string(accepted),
                                  'date_replied': fields.Datetime.to_string(replied)})

    @api.model
    def _demo_publication(self):
        """Demo: letters whose writers gave personal data in the text, and
        the public copies of every letter published so far, checked by the
        clerk except the latest one (left to check)."""
        for title, content, reply, writer, phone, address, department, category in DEMO_LETTERS:
            letter, _code = self.sudo()._intake({
                'title': title, 'content': content, 'writer_name': writer, 'writer_phone': phone,
                'writer_address': address, 'publish_wish': True,
                'category_id': self.env.ref('gov_letter.' + category).id,
                'department_id': self.env.ref('gov_interaction.' + department).id})
            letter.action_accept()
            letter.write({'reply': '<p>%s</p>' % reply})
            letter.action_submit_reply()
            letter.action_approve_reply()
            letter.write({'publish_reply': True})
        # Letters published before this addon: their public copies now.
        letters = self.sudo().search([('state', '=', 'replied'), ('publish_wish', '=', True),
                                      ('publish_reply', '=', True)], order='date_replied, id')
        # Those written and answered during the install: weeks ago instead.
        since = fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(hours=2))
        for index, letter in enumerate(letters.filtered(lambda letter: letter.date_received >= since)):
            letter._demo_backdate(weeks=3 * index + 1)
        letters = letters.sorted(lambda letter: (letter.date_replied, letter.id))
        letters._prepare_publication()
        copies = letters.mapped('publication_ids')
        clerk = self.env.ref('gov_interaction.user_clerk')
        for copy in copies[:-1]:
            copy.sudo(clerk).action_check()
        return True
