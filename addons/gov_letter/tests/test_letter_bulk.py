# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Decisions on many letters at once (5.3.1, 5.3.2): queued as a background
job (gov.export.job of kind 'action'), each letter through its own button's
method; a letter that fails its check is reported in the clerk's language
and left as it was, the others are decided."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.gov_interaction.tests.export_job import run_background_action

from .common import LetterCase


class TestLetterBulk(LetterCase):

    def start(self, letters, method):
        action = getattr(letters.sudo(self.clerk), method)()
        export = self.env['gov.export.job'].browse(action['res_id'])
        self.assertEqual((export.kind, export.state, export.user_id), ('action', 'queued', self.clerk))
        return action

    def test_5_3_1_bulk_accept_with_suggested_departments_reports_failures(self):
        self.env['gov.letter.routing.rule'].create({
            'sequence': 1, 'category_id': self.category.id, 'department_id': self.edu.id})
        school = self.new_letter()
        unroutable = self.new_letter(category_id=self.env.ref('gov_letter.category_f').id)
        decided = self.accepted()
        action = self.start(school | unroutable | decided, 'action_bulk_accept')
        # Nothing is decided before the job runs.
        self.assertEqual(school.state, 'new')
        summary = run_background_action(self.env, action)
        self.assertEqual((school.state, school.department_id), ('accepted', self.edu))
        # The writer is told, as by the button; not the writer of a letter left new.
        self.assertEqual(len(self.writer_mails(school)), len(self.writer_mails(unroutable)) + 1)
        self.assertEqual((unroutable.state, unroutable.department_id.id), ('new', False))
        self.assertEqual(decided.state, 'accepted')
        # In the clerk's language (zh_CN): which letter, and why.
        self.assertIn('已受理来信 1 件。', summary)
        self.assertIn('2 件来信未处理', summary)
        number = unroutable.number
        self.assertIn('%s：受理来信 %s 前请先确定承办部门。' % (number, number), summary)
        self.assertIn('%s：来信 %s 当前状态' % (decided.number, decided.number), summary)

    def test_5_3_2_bulk_close_as_duplicates_with_reason_c(self):
        original = self.accepted()
        copy = self.new_letter()
        copy.sudo(self.clerk).write({'duplicate_of_id': original.id})
        unmatched = self.new_letter()
        summary = run_background_action(self.env, self.start(copy | unmatched, 'action_bulk_duplicate'))
        self.assertEqual((copy.state, copy.reject_reason), ('rejected', 'c'))
        self.assertIn(original.number, copy.reject_note)
        self.assertEqual(unmatched.state, 'new')
        self.assertIn('已按重复来信不予受理 1 件', summary)
        self.assertIn('%s：请选择来信 %s 所重复的原信件。' % (unmatched.number, unmatched.number), summary)

    def test_5_3_1_only_clerks_decide_in_bulk(self):
        letter = self.new_letter()
        Export = self.env['gov.export.job']
        before = Export.search_count([])
        with self.assertRaises(UserError):
            letter.sudo(self.handler_edu).action_bulk_accept()
        with self.assertRaises(UserError):
            self.Letter.sudo(self.clerk).browse().action_bulk_accept()
        self.assertEqual(Export.search_count([]), before)
        # The list's Action menu offers the bulk decisions to clerks only,
        # and running one is refused to the others.
        Actions = self.env['ir.actions.actions']
        bulk = self.env.ref('gov_letter.action_gov_letter_bulk_accept')
        clerk_actions = Actions.sudo(self.clerk).get_bindings('gov.letter')['action']
        handler_actions = Actions.sudo(self.handler_edu).get_bindings('gov.letter')['action']
        self.assertIn(bulk.id, [action['id'] for action in clerk_actions])
        self.assertNotIn(bulk.id, [action['id'] for action in handler_actions])
        with self.assertRaises(AccessError):
            bulk.sudo(self.handler_edu).with_context(
                active_model='gov.letter', active_ids=letter.ids).run()
        self.assertEqual(letter.state, 'new')
        # The clerk's run of it answers with the job's progress form.
        action = bulk.sudo(self.clerk).with_context(active_model='gov.letter', active_ids=letter.ids).run()
        self.assertEqual(action['res_model'], 'gov.export.job')
