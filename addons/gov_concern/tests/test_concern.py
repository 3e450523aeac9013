# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Responses to public concerns (clause 5.4): statements, timelines, the
department's authoritative response, and who may see and do what."""
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase


def ago(**delta):
    return fields.Datetime.to_string(datetime.datetime.utcnow() - datetime.timedelta(**delta))


class ConcernCase(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Concern = self.env['gov.concern']
        ref = self.env.ref
        self.edu = ref('gov_interaction.dept_edu')
        self.env_dept = ref('gov_interaction.dept_env')
        self.clerk = ref('gov_interaction.user_clerk')
        self.supervisor = ref('gov_interaction.user_supervisor')
        self.office = ref('gov_interaction.user_office')
        self.handler_edu = ref('gov_interaction.user_handler_edu')
        self.manager_edu = ref('gov_interaction.user_manager_edu')
        self.handler_env = ref('gov_interaction.user_handler_env')
        self.manager_env = ref('gov_interaction.user_manager_env')
        self.citizen = ref('gov_interaction.user_citizen')
        self.public = ref('base.public_user')

    def new_concern(self, user=None, **values):
        vals = {
            'title': 'Water supply cut in Daoli district',
            'kind': 'hot_topic',
            'region': 'Harbin',
            'department_id': self.env_dept.id,
            'statement': '<p>The water supply is restored by 18:00.</p>',
        }
        vals.update(values)
        return self.Concern.sudo(user or self.clerk).create(vals)

    def new_update(self, concern, user=None, **values):
        vals = {'concern_id': concern.id, 'title': 'Progress', 'body': '<p>Pipes repaired.</p>'}
        vals.update(values)
        return self.env['gov.concern.update'].sudo(user or self.clerk).create(vals)

    def activities(self, concern, xmlid):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'gov.concern'), ('res_id', '=', concern.id),
            ('activity_type_id', '=', self.env.ref(xmlid).id)])


class TestConcern(ConcernCase):

    # ------------------------------------------------------------------
    # 5.4.1 major emergencies: the statement promptly, then updates
    # ------------------------------------------------------------------

    def test_5_4_1_emergency_statement_is_due_within_the_time_limit(self):
        concern = self.new_concern(kind='emergency', date_event=ago(hours=2))
        event = fields.Datetime.from_string(concern.date_event)
        self.assertEqual(fields.Datetime.from_string(concern.publish_due),
                         event + datetime.timedelta(hours=5))
        # The responding body's manager is asked to publish at once.
        activity = self.activities(concern, 'gov_concern.mail_activity_type_publish')
        self.assertEqual(activity.user_id, self.manager_env)
        # The manager of the responding body speaks for it.
        concern.sudo(self.manager_env).action_publish()
        self.assertEqual(concern.state, 'published')
        self.assertAlmostEqual(concern.publish_minutes, 120, delta=2)
        self.assertFalse(concern.published_late)
        self.assertFalse(self.activities(concern, 'gov_concern.mail_activity_type_publish'))

    def test_5_4_1_late_statement_is_flagged(self):
        self.env['ir.config_parameter'].set_param('gov_concern.emergency_publish_hours', '3')
        concern = self.new_concern(kind='emergency', date_event=ago(hours=4))
        concern.sudo(self.clerk).action_publish()
        self.assertTrue(concern.published_late)
        late = self.Concern.search([('published_late', '=', True), ('id', '=', concern.id)])
        self.assertEqual(late, concern)

    def test_5_4_1_publication_needs_body_statement_and_time_of_event(self):
        concern = self.new_concern(kind='emergency', department_id=False, statement='<p><br></p>')
        with self.assertRaises(UserError) as caught:
            concern.sudo(self.clerk).action_publish()
        for missing in ('the responding body', 'the statement', 'when the emergency occurred'):
            self.assertIn(missing, caught.exception.name)
        self.assertEqual(concern.state, 'draft')
        with self.assertRaises(ValidationError):
            self.new_concern(kind='emergency', date_event=fields.Datetime.to_string(
                datetime.datetime.utcnow() + datetime.timedelta(days=1)))

    def test_5_4_1_updates_form_a_timeline_newest_first(self):
        concern = self.new_concern(kind='emergency', date_event=ago(days=1))
        concern.sudo(self.clerk).action_publish()
        first = self.new_update(concern, title='Rescue teams on site', date=ago(hours=20))
        latest = self.new_update(concern, title='Roads reopened', date=ago(hours=1))
        middle = self.new_update(concern, title='Shelters opened', date=ago(hours=10))
        draft = self.new_update(concern, title='Not yet checked', date=ago(minutes=5))
        (first | latest | middle).sudo(self.clerk).action_publish()
        self.assertEqual(concern._public_updates(), latest | middle | first)
        self.assertEqual(list(concern._public_updates()), [latest, middle, first])
        data = concern._public_data(timeline=True)
        self.assertEqual([u['title'] for u in data['timeline']],
                         ['Roads reopened', 'Shelters opened', 'Rescue teams on site'])
        self.assertEqual(data['update_count'], 3)
        self.assertEqual(concern.date_last_update, latest.date)
        self.assertNotIn(draft.title, str(data))
        self.assertIn('restored by 18:00', data['statement']['text'])

    def test_5_4_1_published_statement_and_updates_are_kept_as_published(self):
        concern = self.new_concern()
        concern.sudo(self.clerk).action_publish()
        for values in ({'statement': '<p>Rewritten history</p>'}, {'kind': 'emergency'},
                       {'date_event': ago(days=2)}):
            with self.assertRaises(UserError):
                concern.sudo(self.clerk).write(values)
        update = self.new_update(concern)
        update.sudo(self.clerk).action_publish()
        with self.assertRaises(UserError):
            update.sudo(self.clerk).write({'body': '<p>Changed</p>'})
        with self.assertRaises(UserError):
            update.sudo(self.clerk).unlink()
        with self.assertRaises(UserError):
            concern.sudo(self.clerk).unlink()
        with self.assertRaises(UserError):
            update.sudo(self.clerk).action_publish()  # only once

    def test_5_4_1_updates_only_while_published(self):
        concern = self.new_concern()
        update = self.new_update(concern)
        with self.assertRaises(UserError):
            update.sudo(self.clerk).action_publish()  # the statement comes first
        concern.sudo(self.clerk).action_publish()
        future = self.new_update(concern, date=fields.Datetime.to_string(
            datetime.datetime.utcnow() + datetime.timedelta(hours=3)))
        with self.assertRaises(UserError):
            future.sudo(self.clerk).action_publish()
        concern.sudo(self.clerk).action_close()
        self.assertEqual(concern.state, 'closed')
        with self.assertRaises(UserError):
            self.new_update(concern)
        concern.sudo(self.supervisor).action_reopen()
        self.new_update(concern).sudo(self.clerk).action_publish()
        self.assertEqual(concern.update_count, 1)

    def test_5_4_1_emergency_without_recent_updates_gets_a_reminder(self):
        self.env['ir.config_parameter'].set_param('gov_concern.emergency_update_hours', '6')
        concern = self.new_concern(kind='emergency', date_event=ago(hours=9))
        concern.sudo(self.clerk).action_publish()
        quiet_hot_topic = self.new_concern()
        quiet_hot_topic.sudo(self.clerk).action_publish()
        self.assertFalse(self.Concern._cron_remind_updates() & concern)  # just published
        concern.sudo().write({'date_published': ago(hours=8)})
        update = self.new_update(concern, date=ago(hours=7))
        update.sudo(self.clerk).action_publish()
        update.sudo().write({'date_published': ago(hours=7)})
        reminded = self.Concern._cron_remind_updates()
        self.assertIn(concern, reminded)
        self.assertNotIn(quiet_hot_topic, reminded)
        activity = self.activities(concern, 'gov_concern.mail_activity_type_update')
        self.assertEqual(activity.user_id, self.manager_env)
        self.assertIn('6 hours', activity.summary)
        self.assertFalse(self.Concern._cron_remind_updates() & concern, 'reminded once')
        self.new_update(concern).sudo(self.manager_env).action_publish()
        self.assertFalse(self.activities(concern, 'gov_concern.mail_activity_type_update'))

    def test_5_4_1_only_clerks_supervisors_and_the_responding_manager_publish(self):
        concern = self.new_concern()
        for user in (self.handler_env, self.manager_edu):
            with self.assertRaises((UserError, AccessError), msg=user.login):
                concern.sudo(user).action_publish()
        concern.sudo(self.supervisor).action_publish()
        self.assertEqual(concern.state, 'published')
        with self.assertRaises(UserError):
            concern.sudo(self.handler_env).action_close()

    def test_5_4_1_column_lists_published_concerns(self):
        draft = self.new_concern(title='A draft nobody sees')
        published = self.new_concern(title='Published statement')
        published.sudo(self.clerk).action_publish()
        column = self.env.ref('gov_interaction.column_concern')
        items = column._latest_items(50)
        titles = [item['title'] for item in items]
        self.assertEqual(titles[0], 'Published statement')
        self.assertNotIn(draft.title, titles)
        self.assertEqual(items[0]['url'], '/interaction/concerns/%s' % published.id)

    # ------------------------------------------------------------------
    # 5.4.2 hot topics: the competent department gives the response
    # ------------------------------------------------------------------

    def test_5_4_2_request_asks_the_department_with_a_working_day_deadline(self):
        self.env['ir.config_parameter'].set_param('gov_concern.response_days', '3')
        concern = self.new_concern(department_id=self.edu.id, statement=False)
        before = datetime.datetime.utcnow().replace(microsecond=0)
        concern.sudo(self.clerk).action_request_response()
        self.assertEqual(concern.response_state, 'requested')
        self.assertEqual(concern.response_requested_by, self.clerk)
        requested = fields.Datetime.from_string(concern.date_response_requested)
        self.assertGreaterEqual(requested, before)
        expected, _missing = self.edu.calendar_id._deadline(requested, 3)
        self.assertEqual(fields.Datetime.from_string(concern.response_deadline), expected)
        # Three working days on China's schedule (with 调休), ending 23:59:59 Beijing time.
        local = concern._local_moment(concern.response_deadline)
        self.assertEqual((local.hour, local.minute), (23, 59))
        self.assertEqual(self.edu.calendar_id.working_days_between(
            requested, fields.Datetime.from_string(concern.response_deadline)), 3)
        activity = self.activities(concern, 'gov_concern.mail_activity_type_response')
        self.assertEqual(activity.user_id, self.manager_edu)
        self.assertEqual(activity.date_deadline, fields.Date.to_string(local.date()))
        self.assertIn(self.handler_edu.partner_id, concern.message_partner_ids)
        with self.assertRaises(UserError):
            concern.sudo(self.clerk).action_request_response()  # already requested

    def test_5_4_2_department_responds_and_the_clerk_publishes(self):
        concern = self.new_concern(department_id=self.edu.id, statement=False)
        concern.sudo(self.clerk).action_request_response()
        as_handler = concern.sudo(self.handler_edu)
        with self.assertRaises(UserError):
            as_handler.action_submit_response()  # nothing written yet
        as_handler.write({'statement': '<p>Fees follow the provincial standard.</p>'})
        with self.assertRaises(AccessError):
            as_handler.write({'title': 'Another title'})
        as_handler.action_submit_response()
        self.assertEqual(concern.response_state, 'responded')
        self.assertTrue(concern.date_responded)
        self.assertFalse(self.activities(concern, 'gov_concern.mail_activity_type_response'))
        publish = self.activities(concern, 'gov_concern.mail_activity_type_publish')
        self.assertEqual(publish.user_id, self.clerk)
        with self.assertRaises(UserError):
            as_handler.action_publish()
        concern.sudo(self.clerk).action_publish()
        self.assertEqual(concern.state, 'published')
        self.assertFalse(self.activities(concern, 'gov_concern.mail_activity_type_publish'))

    def test_5_4_2_other_departments_cannot_respond(self):
        concern = self.new_concern(department_id=self.edu.id, statement=False)
        concern.sudo(self.clerk).action_request_response()
        with self.assertRaises(AccessError):
            concern.sudo(self.handler_env).read(['title'])
        self.assertFalse(self.Concern.sudo(self.handler_env).search([('id', '=', concern.id)]))
        with self.assertRaises((UserError, AccessError)):
            concern.sudo(self.handler_env).action_submit_response()

    def test_5_4_2_another_responding_body_is_asked_afresh(self):
        concern = self.new_concern(department_id=self.edu.id, statement=False)
        concern.sudo(self.clerk).action_request_response()
        concern.sudo(self.clerk).write({'department_id': self.env_dept.id})
        self.assertEqual(concern.response_state, 'requested')
        activity = self.activities(concern, 'gov_concern.mail_activity_type_response')
        self.assertEqual(activity.user_id, self.manager_env)
        self.assertNotIn(self.handler_edu.partner_id, concern.message_partner_ids)
        self.assertIn(self.handler_env.partner_id, concern.message_partner_ids)
        with self.assertRaises(AccessError):
            concern.sudo(self.handler_edu).read(['title'])
        concern.sudo(self.handler_env).write({'statement': '<p>Answered by the right body.</p>'})
        concern.sudo(self.handler_env).action_submit_response()
        self.assertEqual(concern.response_state, 'responded')

    def test_5_4_2_overdue_responses_are_found(self):
        concern = self.new_concern(department_id=self.edu.id)
        concern.sudo(self.clerk).action_request_response()
        self.assertFalse(concern.response_overdue)
        concern.sudo().write({'response_deadline': ago(hours=1)})
        concern.invalidate_cache()
        self.assertTrue(concern.response_overdue)
        self.assertIn(concern, self.Concern.search([('response_overdue', '=', True)]))
        self.assertNotIn(concern, self.Concern.search([('response_overdue', '=', False)]))
        concern.sudo(self.handler_edu).action_submit_response()
        self.assertFalse(concern.response_overdue)

    def test_5_4_2_request_needs_a_responding_body(self):
        concern = self.new_concern(department_id=False)
        with self.assertRaises(UserError):
            concern.sudo(self.clerk).action_request_response()
        with self.assertRaises(UserError):
            concern.sudo(self.handler_edu).action_request_response()

    def test_5_4_2_the_departments_response_is_published_as_the_authoritative_statement(self):
        concern = self.new_concern(title='Kindergarten fees from September', kind='hot_topic',
                                   department_id=self.edu.id, statement=False)
        concern.sudo(self.clerk).action_request_response()
        public = self.Concern.search(self.Concern._public_domain('hot_topic'))
        self.assertNotIn(concern, public)  # nothing is public while the department is asked
        handler = concern.sudo(self.handler_edu)
        handler.write({'statement': '<p>Fees follow the provincial standard of 2024: '
                                    'no kindergarten may charge more than 800 yuan a month.</p>'})
        handler.action_submit_response()
        self.assertNotIn(concern, self.Concern.search(self.Concern._public_domain('hot_topic')))
        concern.sudo(self.clerk).action_publish()
        self.assertIn(concern, self.Concern.search(self.Concern._public_domain('hot_topic')))
        data = concern._public_data(timeline=True)
        # The competent department speaks, in its own words, explaining the policy.
        self.assertEqual((data['kind'], data['responding_body']), ('hot_topic', self.edu.name))
        self.assertIn('no kindergarten may charge more than 800 yuan', data['statement']['text'])
        self.assertTrue(data['date_published'])
        for internal in ('response_state', 'response_deadline', 'response_requested_by',
                         'date_response_requested'):
            self.assertNotIn(internal, data)
        titles = [item['title'] for item in
                  self.env.ref('gov_interaction.column_concern')._latest_items(1000)]
        self.assertIn('Kindergarten fees from September', titles)
        # Published: the statement stands as the department gave it.
        with self.assertRaises(UserError):
            concern.sudo(self.clerk).write({'statement': '<p>Another text</p>'})

    def requested(self, response_days):
        """A concern whose response is requested under the setting
        ``response_days``: (its request time, its deadline) as datetimes."""
        self.env['res.config.settings'].create({'concern_response_days': response_days}).execute()
        concern = self.new_concern(department_id=self.edu.id, statement=False)
        concern.sudo(self.clerk).action_request_response()
        return (fields.Datetime.from_string(concern.date_response_requested),
                fields.Datetime.from_string(concern.response_deadline))

    def test_5_4_2_settings_change_the_time_limits(self):
        calendar = self.edu.calendar_id
        before_requested, before = self.requested(2)
        self.assertEqual(calendar.working_days_between(before_requested, before), 2)
        settings = self.env['res.config.settings'].create({
            'concern_response_days': 4, 'concern_emergency_publish_hours': 2,
            'concern_webhook_timeout': 3, 'concern_webhook_retry_seconds': 60,
            'concern_webhook_max_attempts': 5})
        settings.execute()
        get = self.env['ir.config_parameter'].get_param
        self.assertEqual(get('gov_concern.response_days'), '4')
        self.assertEqual(get('gov_concern.emergency_publish_hours'), '2')
        self.assertEqual(self.env['res.config.settings'].create({}).concern_webhook_max_attempts, 5)
        # The deadlines move: a response requested now is due in 4 working
        # days, two working days after one requested under the old setting.
        requested, deadline = self.requested(4)
        self.assertEqual(deadline, calendar._deadline(requested, 4)[0])
        self.assertEqual(calendar.working_days_between(requested, deadline), 4)
        self.assertGreater(deadline, before)
        self.assertEqual(calendar.working_days_between(before, deadline), 2)
        # An emergency's statement is due 2 hours after the event, not 5.
        event = ago(minutes=30)
        emergency = self.new_concern(kind='emergency', date_event=event)
        self.assertEqual(fields.Datetime.from_string(emergency.publish_due),
                         fields.Datetime.from_string(event) + datetime.timedelta(hours=2))
        # Failed pushes are retried after 60 seconds, then 120.
        Delivery = self.env['gov.concern.delivery']
        self.assertEqual((Delivery._backoff(1), Delivery._backoff(2)), (60, 120))

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------

    def test_access_public_and_citizens_read_published_concerns_only(self):
        draft = self.new_concern(title='Draft')
        published = self.new_concern(title='Published')
        published.sudo(self.clerk).action_publish()
        hidden_update = self.new_update(published, title='Draft update')
        shown_update = self.new_update(published, title='Shown update')
        shown_update.sudo(self.clerk).action_publish()
        for user in (self.public, self.citizen):
            visible = self.Concern.sudo(user).search([('id', 'in', (draft | published).ids)])
            self.assertEqual(visible, published, user.login)
            with self.assertRaises(AccessError):
                draft.sudo(user).read(['title'])
            with self.assertRaises(AccessError):
                published.sudo(user).write({'region': 'x'})
            updates = self.env['gov.concern.update'].sudo(user).search([('concern_id', '=', published.id)])
            self.assertEqual(updates, shown_update, user.login)
            with self.assertRaises(AccessError):
                hidden_update.sudo(user).read(['title'])
            with self.assertRaises(AccessError):
                self.env['gov.concern.channel'].sudo(user).search([])

    def test_access_only_managers_create_and_department_users_see_their_own(self):
        with self.assertRaises(AccessError):
            self.new_concern(user=self.handler_env)
        edu_concern = self.new_concern(user=self.office, department_id=self.edu.id)
        env_concern = self.new_concern(user=self.supervisor)
        mine = self.Concern.sudo(self.manager_edu).search([('id', 'in', (edu_concern | env_concern).ids)])
        self.assertEqual(mine, edu_concern)
        # Department users write updates for their concerns, not for others',
        # also through the timeline of the form.
        self.new_update(edu_concern, user=self.handler_edu)
        edu_concern.sudo(self.handler_edu).write({'update_ids': [(0, 0, {
            'title': 'Second', 'body': '<p>More</p>'})]})
        self.assertEqual(len(edu_concern.update_ids), 2)
        with self.assertRaises(AccessError):
            edu_concern.sudo(self.handler_edu).write({'department_id': self.env_dept.id})
        with self.assertRaises((UserError, AccessError)):
            self.new_update(env_concern, user=self.handler_edu)

    def test_access_channel_secrets_and_deliveries(self):
        channel = self.env['gov.concern.channel'].create({'name': 'Paper', 'url': 'https://paper.example.invalid/hook'})
        self.assertEqual(len(channel.secret), 64)
        as_clerk = channel.sudo(self.clerk)
        self.assertEqual(as_clerk.name, 'Paper')
        with self.assertRaises(AccessError):
            as_clerk.read(['secret'])
        with self.assertRaises(AccessError):
            as_clerk.write({'url': 'https://elsewhere.example.invalid/'})
        with self.assertRaises(AccessError):
            self.env['gov.concern.delivery'].sudo(self.handler_env).search([])
        with self.assertRaises(ValidationError):
            channel.write({'url': 'ftp://paper.example.invalid/hook'})
        with self.assertRaises(ValidationError):
            channel.write({'url': 'not an address'})
