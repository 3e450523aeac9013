# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.10: the writer's identity leaves the database only through Show
Identity, which logs who read it, when and for which letter."""
import threading

from odoo.exceptions import AccessError, UserError

from .common import IDENTITY, LetterCase

RAW = ['partner_id', 'writer_name', 'writer_phone', 'writer_id_number', 'writer_email',
       'writer_address']


class TestLetterConfidentiality(LetterCase):

    def setUp(self):
        super().setUp()
        self.office = self.env.ref('gov_interaction.user_office')
        self.staff = (self.clerk, self.supervisor, self.office, self.handler_edu, self.manager_edu,
                      self.handler_env, self.citizen)
        self.letter = self.accepted()
        self.Log = self.env['gov.letter.identity.access'].sudo()

    def logs(self):
        return self.Log.search_count([('letter_id', '=', self.letter.id)])

    def assert_no_identity(self, value):
        text = str(value)
        for item in IDENTITY + (self.citizen.name,):
            self.assertNotIn(item, text)

    def test_5_3_10_read_search_read_and_fields_get_refused_to_every_role(self):
        for user in self.staff:
            letters = self.Letter.sudo(user)
            self.assertFalse(set(RAW) & set(letters.fields_get()), user.login)
            for name in RAW:
                with self.assertRaises(AccessError, msg='%s read %s' % (user.login, name)):
                    letters.browse(self.letter.id).read([name])
                if user == self.handler_env:  # not even the letter
                    self.assertEqual(letters.search_read([('id', '=', self.letter.id)], [name]), [])
                    continue
                with self.assertRaises(AccessError, msg='%s search_read %s' % (user.login, name)):
                    letters.search_read([('id', '=', self.letter.id)], [name])
            # Everything the role may read holds no identity.
            if user not in (self.handler_env, self.citizen):
                data = letters.browse(self.letter.id).read()
                self.assert_no_identity(data)
        self.assertEqual(self.logs(), 0)
        # The administrator (system) still maintains the data: logged below
        # (TestLetterIdentitySideChannels).
        admin = self.env.ref('base.user_root')
        self.assertEqual(self.letter.sudo(admin).read(['writer_name'])[0]['writer_name'], IDENTITY[0])

    def test_5_3_10_export_refused_directly_and_through_relations(self):
        # As in a request: nothing cached, then the masked display (computed
        # as superuser) is exported before the raw field.
        self.Letter.invalidate_cache()
        for user in (self.clerk, self.supervisor, self.handler_edu, self.manager_edu):
            letter = self.Letter.sudo(user).browse(self.letter.id)
            for path in ('writer_name', 'writer_phone', 'partner_id/name', 'writer_email'):
                with self.assertRaises(AccessError, msg='%s exports %s' % (user.login, path)):
                    letter.export_data(['writer_display', path])
            self.assert_no_identity(letter.export_data(['number', 'title', 'writer_display']))
        # Through a model that points at the letter: the identity read log.
        self.letter.sudo(self.clerk).action_show_identity()
        log = self.Log.sudo(self.supervisor).search([('letter_id', '=', self.letter.id)])
        with self.assertRaises(AccessError):
            log.export_data(['letter_id/writer_display', 'letter_id/writer_phone'])
        with self.assertRaises(AccessError):
            self.Letter.sudo(self.clerk).browse(self.letter.id).export_data(
                ['duplicate_of_id/writer_phone', 'number'])

    def test_5_3_10_search_and_group_by_identity_refused(self):
        for user in (self.clerk, self.supervisor, self.handler_edu):
            letters = self.Letter.sudo(user)
            for domain in ([('writer_phone', '=', IDENTITY[1])], [('writer_name', 'ilike', 'Zhou')],
                           [('partner_id.name', 'ilike', self.citizen.name)]):
                with self.assertRaises(AccessError):
                    letters.search(domain)
                with self.assertRaises(AccessError):
                    letters.search_count(domain)
            with self.assertRaises(AccessError):
                letters.read_group([], ['number'], ['writer_phone'])
            with self.assertRaises(AccessError):
                letters.read_group([], ['writer_phone:count_distinct'], ['state'])
        with self.assertRaises(AccessError):
            self.Log.sudo(self.supervisor).search([('letter_id.writer_phone', '=', IDENTITY[1])])
        # Ordinary searches still work.
        self.assertIn(self.letter, self.Letter.sudo(self.clerk).search([('number', '=', self.letter.number)]))

    def test_5_3_10_mail_helpers_do_not_offer_the_writer(self):
        for user in (self.clerk, self.handler_edu):
            letter = self.Letter.sudo(user).browse(self.letter.id)
            self.assertEqual(letter.message_get_default_recipients()[letter.id]['partner_ids'], [])
            self.assertNotIn('login', letter.get_share_url())
            self.assertNotIn(self.citizen.partner_id, letter.message_partner_ids)

    def test_5_3_10_show_identity_is_the_logged_way_for_allowed_roles(self):
        allowed = (self.clerk, self.supervisor, self.office, self.handler_edu, self.manager_edu)
        for count, user in enumerate(allowed, 1):
            action = self.Letter.sudo(user).browse(self.letter.id).action_show_identity()
            wizard = self.env['gov.letter.identity.wizard'].sudo(user).browse(action['res_id'])
            self.assertEqual(wizard.writer_name, IDENTITY[0])
            self.assertEqual(wizard.writer_id_number, IDENTITY[3])
            self.assertEqual(self.logs(), count)
            log = self.Log.search([('letter_id', '=', self.letter.id)], limit=1)
            self.assertEqual(log.user_id, user)
        # Another user cannot read someone else's wizard.
        with self.assertRaises(AccessError):
            self.env['gov.letter.identity.wizard'].sudo(self.handler_edu).browse(
                action['res_id']).read(['writer_name'])
        # Another department, a citizen: no.
        with self.assertRaises(AccessError):
            self.Letter.sudo(self.handler_env).browse(self.letter.id).action_show_identity()
        with self.assertRaises((AccessError, UserError)):
            self.Letter.sudo(self.citizen).browse(self.letter.id).action_show_identity()
        # Reports: clerks and supervisors only, never the department.
        report = self.accepted(letter_type='report')
        for user in (self.handler_edu, self.manager_edu):
            with self.assertRaisesRegex(UserError, 'not allowed'):
                report.sudo(user).action_show_identity()
            self.assertEqual(report.sudo(user).writer_display, 'Anonymous')
        self.assertTrue(report.sudo(self.supervisor).action_show_identity())

    def test_5_3_1_clerk_issues_the_query_code_of_a_phoned_letter(self):
        letter = self.Letter.sudo(self.clerk).create({
            'title': 'Phoned in', 'content': 'A call about the bus timetable.',
            'category_id': self.category.id, 'channel': 'phone', 'entry_writer_name': 'Qin Fang'})
        action = letter.sudo(self.clerk).action_new_query_code()
        wizard = self.env[action['res_model']].sudo(self.clerk).browse(action['res_id'])
        self.assertEqual(wizard.number, letter.number)
        code = wizard.query_code
        self.assertEqual(len(code), 8)
        self.assertEqual(self.Letter._find_by_query(letter.number, code), letter)
        self.assertNotIn(code, ' '.join(letter.message_ids.mapped('body')))
        # A second code replaces the first, which stops working.
        second = self.env['gov.letter.query.code.wizard'].browse(
            letter.sudo(self.clerk).action_new_query_code()['res_id']).query_code
        self.assertFalse(self.Letter._find_by_query(letter.number, code))
        self.assertEqual(self.Letter._find_by_query(letter.number, second), letter)
        # Only clerks issue codes; nobody else reads the shown one.
        with self.assertRaises(AccessError):
            letter.sudo(self.supervisor).action_new_query_code()
        with self.assertRaises(AccessError):
            wizard.sudo(self.supervisor).read(['query_code'])

    def test_5_3_10_clerk_enters_a_letter_without_reading_the_identity_back(self):
        letter = self.Letter.sudo(self.clerk).create({
            'title': 'Phoned in', 'content': 'A call about the water bill.',
            'category_id': self.category.id, 'channel': 'phone',
            'entry_writer_name': 'Qin Fang', 'entry_writer_phone': '13500000024',
            'entry_writer_id_number': '230102198001010011'})
        self.assertEqual(letter.sudo().writer_name, 'Qin Fang')
        self.assertEqual(letter.sudo().writer_id_number, '230102198001010011')
        mine = letter.sudo(self.clerk)
        self.assertFalse(mine.entry_writer_name)
        self.assertIn('135****0024', mine.writer_display)
        self.assertNotIn('Qin Fang', mine.writer_display)
        # Correcting it later writes through; others cannot write it at all.
        mine.write({'entry_writer_phone': '13500000025'})
        self.assertEqual(letter.sudo().writer_phone, '13500000025')
        with self.assertRaises(AccessError):
            letter.sudo(self.supervisor).write({'entry_writer_phone': '1'})
        with self.assertRaises(AccessError):
            letter.sudo(self.clerk).write({'writer_phone': '1'})


class TestLetterIdentitySideChannels(LetterCase):
    """5.3.10: no way around the log: sorting and grouping by the identity,
    the links between letters of one writer, and the administrators'
    own reads."""

    def setUp(self):
        super().setUp()
        self.office = self.env.ref('gov_interaction.user_office')
        self.admin = self.env.ref('base.user_root')
        self.letter = self.accepted()
        self.again = self.accepted(title='Admission again', content='Which papers, please?')
        self.Log = self.env['gov.letter.identity.access'].sudo()

    def signed_in(self, user):
        """As odoo.service.model does for an RPC call of ``user``."""
        thread = threading.current_thread()
        previous = getattr(thread, 'uid', None)
        thread.uid = user.id
        self.addCleanup(setattr, thread, 'uid', previous)

    def test_5_3_10_sorting_by_identity_refused_to_every_role(self):
        for user in (self.clerk, self.supervisor, self.office, self.handler_edu, self.manager_edu):
            letters = self.Letter.sudo(user)
            for order in ('writer_phone desc', 'partner_id', 'writer_name, id',
                          'date_received desc, writer_id_number'):
                with self.assertRaises(AccessError, msg='%s ordered by %s' % (user.login, order)):
                    letters.search([], order=order)
            with self.assertRaises(AccessError, msg=user.login):
                letters.read_group([], ['state'], ['state'], orderby='writer_phone desc')
            with self.assertRaises(AccessError, msg=user.login):
                letters.read_group([], ['writer_email'], ['state'])
            # Ordinary sorting still works.
            self.assertTrue(letters.search([], order='deadline_reply, number desc', limit=1))

    def test_5_3_10_duplicate_links_only_for_who_may_read_them(self):
        self.assertIn(self.letter, self.again.duplicate_candidate_ids,
                      'the second letter of the writer is flagged')
        for user in (self.handler_edu, self.manager_edu):
            letters = self.Letter.sudo(user)
            for domain in ([('duplicate_candidate_ids', 'in', [self.letter.id])],
                           [('duplicate_candidate_ids', '!=', False)],
                           [('duplicate_candidate_ids.number', '=', self.letter.number)]):
                with self.assertRaises(AccessError, msg='%s searched %s' % (user.login, domain)):
                    letters.search(domain)
            with self.assertRaises(AccessError):
                letters.search([], order='duplicate_candidate_ids')
        # The clerk decides duplicates: the clerk may.
        found = self.Letter.sudo(self.clerk).search(
            [('duplicate_candidate_ids', 'in', [self.letter.id])])
        self.assertIn(self.again, found)

    def test_5_3_10_administrators_reads_exports_and_searches_are_logged(self):
        self.signed_in(self.admin)
        letters = self.Letter.sudo(self.admin)
        data = letters.browse(self.letter.id).read(['number', 'writer_phone'])
        self.assertEqual(data[0]['writer_phone'], IDENTITY[1])
        read = self.Log.search([('letter_id', '=', self.letter.id), ('operation', '=', 'read')])
        self.assertEqual(len(read), 1)
        self.assertEqual((read.user_id, read.field_names), (self.admin, 'writer_phone'))
        letters.browse([self.letter.id, self.again.id]).export_data(['number', 'writer_name'])
        self.assertEqual(self.Log.search_count([('operation', '=', 'export'),
                                                ('letter_id', 'in', [self.letter.id, self.again.id])]), 2)
        letters.search([('writer_phone', '=', IDENTITY[1])])
        letters.search([], order='writer_id_number')
        searches = self.Log.search([('operation', '=', 'search'), ('user_id', '=', self.admin.id)])
        self.assertEqual(sorted(searches.mapped('field_names')), ['writer_id_number', 'writer_phone'])
        self.assertFalse(searches.mapped('letter_id'))
        # What the admin reads without the identity leaves no line.
        before = self.Log.search_count([])
        letters.browse(self.letter.id).read(['number', 'title', 'state'])
        self.assertEqual(self.Log.search_count([]), before)

    def test_5_3_10_the_systems_own_reads_for_other_users_are_not_logged(self):
        # The masked display and the writer's mails read the identity as
        # the system on behalf of a handler: no line in the handler's name.
        self.signed_in(self.handler_edu)
        letter = self.Letter.sudo(self.handler_edu).browse(self.letter.id)
        self.assertTrue(letter.writer_display)
        self.assertFalse(self.Log.search([('letter_id', '=', self.letter.id)]))
