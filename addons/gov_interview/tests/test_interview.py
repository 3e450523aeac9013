# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Online interviews (clauses 4.3, 5.2.4-5.2.8).  Times are UTC as Odoo
stores them."""
import json
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase


def in_days(days, hours=0):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(days=days, hours=hours))


class TestInterview(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Interview = self.env['gov.interview']
        self.Question = self.env['gov.interview.question']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.handler_env = self.env.ref('gov_interaction.user_handler_env')
        self.supervisor = self.env.ref('gov_interaction.user_supervisor')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.citizen2 = self.env.ref('gov_interaction.user_citizen2')

    def new_interview(self, **values):
        vals = {
            'name': '学前教育普惠发展', 'department_id': self.edu.id, 'date_start': in_days(2),
            'video_url': 'https://media.example.gov.cn/live/edu.m3u8',
            'guest_ids': [(0, 0, {'name': '王建华', 'title': '省教育厅副厅长'})],
        }
        vals.update(values)
        return self.Interview.sudo(self.handler_edu).create(vals)

    def live_interview(self):
        interview = self.new_interview()
        interview.action_announce()
        interview.action_start()
        return interview

    def ask(self, interview, partner, content):
        vals, errors = self.Question._submission_values(interview, partner, content)
        self.assertFalse(errors)
        return self.Question.sudo().create(vals)

    def bus_messages(self, interview, host=False):
        channel = json.dumps(list(interview._bus_channel(host)), separators=(',', ':'))
        return [json.loads(m.message) for m in self.env['bus.bus'].sudo().search([('channel', '=', channel)])]

    # ------------------------------------------------------------------
    # 5.2.5 duration
    # ------------------------------------------------------------------

    def test_5_2_5_duration_over_90_minutes_refused(self):
        with self.assertRaisesRegex(ValidationError, 'at most 90 minutes'):
            self.new_interview(duration_planned=95, duration_reason='嘉宾较多')
        zh = self.Interview.sudo(self.handler_edu).with_context(lang='zh_CN')
        with self.assertRaises(ValidationError) as caught:
            zh.create({'name': 'x', 'department_id': self.edu.id, 'date_start': in_days(2),
                       'duration_planned': 120, 'duration_reason': 'x'})
        self.assertIn('90分钟', caught.exception.name)

    def test_5_2_5_over_60_minutes_needs_a_reason(self):
        with self.assertRaisesRegex(ValidationError, 'give the reason'):
            self.new_interview(duration_planned=75)
        interview = self.new_interview(duration_planned=75, duration_reason='两位嘉宾分别解读，需延长。')
        self.assertEqual(interview.duration_planned, 75)

    def test_5_2_5_actual_duration_recorded_from_live_to_ended(self):
        interview = self.live_interview()
        # Started 47 minutes ago: set by the server, as only action_start may.
        interview.sudo().date_live = fields.Datetime.to_string(
            datetime.utcnow() - timedelta(minutes=47))
        interview.action_end()
        self.assertEqual(interview.state, 'ended')
        self.assertIn(interview.duration_actual, (47, 48))

    # ------------------------------------------------------------------
    # 5.2.4 previews, 4.3 live room
    # ------------------------------------------------------------------

    def test_5_2_4_preview_is_published_in_advance_with_its_guests(self):
        past = self.new_interview(date_start=in_days(-1))
        with self.assertRaisesRegex(UserError, 'in advance'):
            past.action_announce()
        no_guest = self.new_interview(guest_ids=[])
        with self.assertRaisesRegex(UserError, 'guests'):
            no_guest.action_announce()
        interview = self.new_interview()
        interview.action_announce()
        self.assertEqual(interview.state, 'announced')
        self.assertTrue(interview.date_announced)
        column = self.env.ref('gov_interaction.column_interview')
        self.assertIn(interview.website_url, [item['url'] for item in column._latest_items(50)])

    def test_4_3_video_address_must_be_http_or_https(self):
        for url in ('javascript:alert(1)', 'ftp://example.com/a.mp4', 'media.example.gov.cn/a.mp4',
                    '//evil.example.com/a.mp4', '/\\evil.example.com/a.mp4'):
            with self.assertRaisesRegex(ValidationError, 'http'):
                self.new_interview(video_url=url)
        self.assertTrue(self.new_interview(video_url='https://media.example.gov.cn/a.mp4').video_is_file)
        self.assertFalse(self.new_interview(video_url='https://player.example.gov.cn/embed/9').video_is_file)
        # A recording served by this site (the demo's).
        self.assertTrue(self.new_interview(video_url='/gov_interview/static/demo/interview.mp4').video_is_file)

    def test_4_3_host_posts_are_pushed_on_a_non_string_bus_channel(self):
        interview = self.live_interview()
        post = self.env['gov.interview.post'].sudo(self.handler_edu).create({
            'interview_id': interview.id, 'speaker': '主持人', 'body': '欢迎各位网友 <b>收看</b>'})
        messages = [m for m in self.bus_messages(interview) if m['kind'] == 'post']
        self.assertEqual([m['id'] for m in messages], [post.id])
        self.assertIn('&lt;b&gt;', messages[0]['html'])  # escaped
        self.assertIsInstance(interview._bus_channel(), tuple)
        # Not while the interview is not live.
        interview.action_end()
        with self.assertRaises(UserError):
            self.env['gov.interview.post'].sudo(self.handler_edu).create({
                'interview_id': interview.id, 'body': '迟到的帖子'})

    def test_4_3_questions_are_moderated_before_they_show(self):
        interview = self.live_interview()
        question = self.ask(interview, self.citizen.partner_id, '寒假什么时候开始？')
        self.assertEqual(question.state, 'pending')
        self.assertEqual(question.author_display, 'Netizen %s**' % self.citizen.name[:1])
        self.assertEqual(question.with_context(lang='zh_CN').author_display,
                         '网友 %s**' % self.citizen.name[:1])
        self.assertFalse([m for m in self.bus_messages(interview) if m['kind'] == 'question'])
        self.assertEqual([m['id'] for m in self.bus_messages(interview, host=True)], [question.id])
        with self.assertRaises((UserError, AccessError)):
            question.sudo(self.handler_env).action_approve()  # another department
        question.sudo(self.handler_edu)._give_answer('1月中旬开始。')
        self.assertTrue(question.answered_live)
        shown = [m for m in self.bus_messages(interview) if m['kind'] == 'question']
        self.assertEqual(shown[-1]['id'], question.id)
        self.assertIn('1月中旬开始。', shown[-1]['html'])
        self.assertNotIn(self.citizen.name, shown[-1]['html'])
        rejected = self.ask(interview, self.citizen2.partner_id, '与主题无关的广告内容')
        rejected.sudo(self.handler_edu).action_reject()
        self.assertEqual(interview._public_detail()['questions'][0]['id'], question.id)
        self.assertEqual(len(interview._public_detail()['questions']), 1)

    def test_4_3_question_validation_and_rate_limit(self):
        interview = self.live_interview()
        partner = self.env['res.partner'].create({'name': '新网友'})
        _vals, errors = self.Question._submission_values(interview, partner, '  ')
        self.assertIn('content', errors)
        _vals, errors = self.Question._submission_values(interview, partner, '问' * 501)
        self.assertIn('at most 500', errors['content'])
        for number in range(5):
            self.ask(interview, partner, '第%s个问题：供暖什么时候开始？' % number)
        _vals, errors = self.Question._submission_values(interview, partner, '第六个问题：还能问吗？')
        self.assertIn('please wait', errors['content'])
        interview.action_end()
        _vals, errors = self.Question._submission_values(
            interview, self.citizen2.partner_id, '结束后还能提问吗？')
        self.assertIn('interview', errors)

    # ------------------------------------------------------------------
    # 5.2.6 answers within 7 working days
    # ------------------------------------------------------------------

    def test_5_2_6_unanswered_questions_get_a_7_working_day_deadline_and_an_activity(self):
        interview = self.live_interview()
        answered = self.ask(interview, self.citizen.partner_id, '校车冬季有什么要求？')
        answered.sudo(self.handler_edu)._give_answer('冬季校车须配备防滑链。')
        waiting = self.ask(interview, self.citizen2.partner_id, '冰雪运动场地能开放吗？')
        waiting.sudo(self.handler_edu).action_approve()
        pending = self.ask(interview, self.citizen2.partner_id, '还没审核的问题内容')
        interview.action_end()
        calendar = self.edu.calendar_id
        expected, _missing = calendar._deadline(fields.Datetime.from_string(interview.date_ended), 7)
        self.assertEqual(waiting.reply_deadline, fields.Datetime.to_string(expected))
        self.assertFalse(answered.reply_deadline)
        self.assertFalse(pending.reply_deadline)
        self.assertEqual(calendar.working_days_between(interview.date_ended, waiting.reply_deadline), 7)
        reply = self.env.ref('gov_interview.mail_activity_type_reply')
        activity = waiting.activity_ids.filtered(lambda a: a.activity_type_id == reply)
        self.assertEqual(activity.user_id, self.handler_edu)
        # Approved later, the question gets the same deadline.
        pending.sudo(self.handler_edu).action_approve()
        self.assertEqual(pending.reply_deadline, waiting.reply_deadline)

    def test_5_2_6_follow_up_reply_shows_on_the_interview_page_and_closes_the_activity(self):
        interview = self.live_interview()
        waiting = self.ask(interview, self.citizen2.partner_id, '冰雪运动场地能开放吗？')
        waiting.sudo(self.handler_edu).action_approve()
        interview.action_end()
        waiting.sudo(self.handler_edu)._give_answer('寒假期间各校冰场每周开放三次。')
        self.assertFalse(waiting.answered_live)
        self.assertFalse(waiting.activity_ids)
        data = interview._public_detail()['questions'][0]
        self.assertEqual(data['answer'], '寒假期间各校冰场每周开放三次。')
        self.assertFalse(data['answered_live'])
        html = [m for m in self.bus_messages(interview) if m['kind'] == 'question'][-1]['html']
        self.assertIn('会后答复', html)  # the site's language (zh_CN), whoever answered

    def past_deadline(self):
        """Two questions left for a public reply after the interview: one
        answered, one whose 7 working days have passed: (overdue, answered)."""
        interview = self.live_interview()
        overdue = self.ask(interview, self.citizen.partner_id, '村卫生室能纳入医保定点吗？')
        answered = self.ask(interview, self.citizen2.partner_id, '乡镇卫生院夜间有医生吗？')
        (overdue | answered).sudo(self.handler_edu).action_approve()
        interview.action_end()
        answered.sudo(self.handler_edu)._give_answer('乡镇卫生院实行24小时值班。')
        overdue.reply_deadline = in_days(-1)  # as time passing would
        return overdue, answered

    def test_5_2_6_overdue_questions_are_visible_to_supervisors(self):
        overdue, answered = self.past_deadline()
        found = self.Question.sudo(self.supervisor).search([('overdue', '=', True)])
        self.assertIn(overdue, found)
        self.assertNotIn(answered, found)
        self.assertTrue(overdue.overdue)
        self.assertNotIn(overdue, self.Question.search([('overdue', '=', False)]))

    # ------------------------------------------------------------------
    # 5.2.7 transcript
    # ------------------------------------------------------------------

    def test_5_2_7_transcript_built_from_posts_and_answers_then_published(self):
        interview = self.live_interview()
        self.env['gov.interview.post'].sudo(self.handler_edu).create({
            'interview_id': interview.id, 'speaker': '王建华', 'body': '寒假从1月中旬开始。'})
        question = self.ask(interview, self.citizen.partner_id, '寒假作业会减少吗？')
        question.sudo(self.handler_edu)._give_answer('严格控制书面作业总量。')
        with self.assertRaises(UserError):
            interview.action_build_transcript()  # still live
        interview.action_end()
        with self.assertRaisesRegex(UserError, 'transcript'):
            interview.action_publish()
        interview.action_build_transcript()
        transcript = interview.transcript
        self.assertIn('寒假从1月中旬开始。', transcript)
        self.assertIn('严格控制书面作业总量。', transcript)
        self.assertIn(interview.video_url, transcript)
        self.assertIn('王建华', transcript)
        self.assertNotIn(self.citizen.name, transcript)
        interview.transcript = transcript + '<p>（本期访谈文字实录经编辑整理）</p>'
        interview.action_publish()
        self.assertEqual(interview.state, 'published')
        self.assertTrue(interview.date_published)
        self.assertIn('经编辑整理', interview.transcript)

    # ------------------------------------------------------------------
    # Access and the column
    # ------------------------------------------------------------------

    def test_access_handlers_work_only_their_departments_interviews(self):
        interview = self.new_interview()
        with self.assertRaises(AccessError):
            interview.sudo(self.handler_env).read(['name'])
        self.assertTrue(interview.sudo(self.supervisor).read(['name']))
        self.assertFalse(interview._can_host(self.handler_env))
        self.assertTrue(interview._can_host(self.handler_edu))
        self.assertFalse(interview._can_host(self.citizen))
        self.assertTrue(interview._can_host(self.env.ref('gov_interaction.user_office')))

    def test_4_3_citizens_find_their_questions_in_my_interaction(self):
        interview = self.live_interview()
        self.ask(interview, self.citizen.partner_id, '校园冬季取暖达标吗？')
        column = self.env.ref('gov_interaction.column_interview')
        items = column._portal_items(self.citizen.partner_id)
        self.assertTrue(any('校园冬季取暖达标吗' in item['title'] for item in items))
        self.assertFalse(any('校园冬季取暖达标吗' in item['title']
                             for item in column._portal_items(self.citizen2.partner_id)))
        own = self.Question.sudo(self.citizen).search([])
        self.assertEqual(own, self.Question.search([('partner_id', '=', self.citizen.partner_id.id)]))
