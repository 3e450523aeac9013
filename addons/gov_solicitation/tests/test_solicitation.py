# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Opinion solicitations (clauses 4.2 a–c, 5.1.1–5.1.5).  Times are UTC as
Odoo stores them; the public pages show Asia/Shanghai (UTC+8)."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tools import chart_rows, local_time, redact


def _ago(**kwargs):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(fields.Datetime.now()) - timedelta(**kwargs))


def _ahead(**kwargs):
    return fields.Datetime.to_string(
        fields.Datetime.from_string(fields.Datetime.now()) + timedelta(**kwargs))


class TestSolicitation(TransactionCase):

    def setUp(self):
        super().setUp()
        self.env = self.env(context=dict(self.env.context, lang='en_US'))
        self.Solicitation = self.env['gov.solicitation']
        self.edu = self.env.ref('gov_interaction.dept_edu')
        self.handler_edu = self.env.ref('gov_interaction.user_handler_edu')
        self.manager_edu = self.env.ref('gov_interaction.user_manager_edu')
        self.handler_env = self.env.ref('gov_interaction.user_handler_env')
        self.citizen = self.env.ref('gov_interaction.user_citizen')
        self.citizen2 = self.env.ref('gov_interaction.user_citizen2')

    def new_solicitation(self, **values):
        vals = {
            'name': '关于学前教育条例草案征求意见',
            'department_id': self.edu.id,
            'mode': 'topic',
            'content_kind': 'opinions',
            'date_start': _ago(days=1),
            'date_end': _ahead(days=10),
            'body': '<p>第一条 为了发展学前教育……</p>',
            'explanation': '<p>起草说明</p>',
            'sample': '<p>建议第一条增加……</p>',
        }
        vals.update(values)
        return self.Solicitation.sudo(self.handler_edu).create(vals)

    def opened(self, **values):
        solicitation = self.new_solicitation(**values)
        solicitation.action_open()
        return solicitation

    def opinion(self, solicitation, partner=None, content='建议增加公办园学位。'):
        opinion, errors = solicitation._submit_opinion(partner or self.citizen.partner_id, content)
        self.assertFalse(errors)
        return opinion

    def decide(self, opinions, **values):
        """The handler's Classify and Decide wizard on ``opinions``."""
        self.env['gov.solicitation.decide.wizard'].sudo(self.handler_edu).with_context(
            active_model='gov.solicitation.opinion', active_ids=opinions.ids).create(
            values).action_apply()

    def published(self, mode='topic', count=3):
        solicitation = self.opened(mode=mode)
        category = self.env['gov.solicitation.category'].create(
            {'name': '学位供给', 'solicitation_id': solicitation.id})
        partners = [self.citizen.partner_id, self.citizen2.partner_id]
        opinions = self.env['gov.solicitation.opinion']
        for index in range(count):
            opinions |= self.opinion(solicitation, partners[index % 2],
                                     '建议%s：我叫周晓梅，电话13812345678，多建公办园。' % index)
        solicitation.action_close()
        wizard = self.env['gov.solicitation.decide.wizard'].sudo(self.handler_edu).with_context(
            active_model='gov.solicitation.opinion', active_ids=opinions.ids).create({
                'category_id': category.id, 'decision': 'adopted', 'reply': '已采纳，谢谢。'})
        wizard.action_apply()
        solicitation.result = '<p>共收到意见%s条，全部采纳。</p>' % count
        solicitation.sudo(self.handler_edu).action_publish()
        return solicitation

    # ------------------------------------------------------------------
    # 4.2 a: full text, explanation, sample; result after the end
    # ------------------------------------------------------------------

    def test_4_2_a_detail_has_full_text_explanation_sample_and_documents(self):
        solicitation = self.opened()
        attachment = self.env['ir.attachment'].create({
            'name': '草案.pdf', 'datas_fname': '草案.pdf', 'datas': 'JVBERi0='})
        solicitation.attachment_ids = [(4, attachment.id)]
        data = solicitation._public_detail()
        self.assertIn('第一条', data['body'])
        self.assertIn('起草说明', data['explanation'])
        self.assertIn('建议第一条', data['sample'])
        self.assertEqual([a['name'] for a in data['attachments']], ['草案.pdf'])
        self.assertNotIn('result', data)

    def test_4_2_a_cannot_open_without_the_full_text(self):
        solicitation = self.new_solicitation(body=False)
        with self.assertRaisesRegex(UserError, 'full text'):
            solicitation.action_open()

    def test_4_2_a_result_published_after_the_end_only(self):
        solicitation = self.opened()
        self.opinion(solicitation)
        with self.assertRaises(UserError):
            solicitation.action_publish()  # still open
        solicitation.action_close()
        with self.assertRaisesRegex(UserError, 'result'):
            solicitation.action_publish()  # no result written
        solicitation.result = '<p>收到意见1条。</p>'
        solicitation.action_publish()
        self.assertEqual(solicitation.state, 'published')
        self.assertIn('收到意见1条', solicitation._public_detail()['result']['result'])

    # ------------------------------------------------------------------
    # 4.2 b: acceptance and feedback, without personal data
    # ------------------------------------------------------------------

    def test_4_2_b_each_opinion_published_with_dates_department_and_reply(self):
        solicitation = self.published()
        rows = solicitation._public_opinions()
        self.assertEqual(len(rows), 3)
        for row in rows:
            self.assertTrue(row['date_accepted'] and row['date_replied'])
            self.assertEqual(row['reply_department'], '省教育厅')
            self.assertEqual(row['reply'], '已采纳，谢谢。')
            self.assertEqual(row['decision'], 'adopted')
            # No name, no phone: neither the account's nor the one typed in.
            self.assertNotIn('13812345678', row['content'])
            self.assertNotIn('周晓梅', row['content'])
            self.assertNotIn('partner', row)

    def test_4_2_b_nothing_published_before_the_result(self):
        solicitation = self.opened()
        self.opinion(solicitation)
        self.assertEqual(solicitation._public_opinions(), [])

    def test_4_2_b_redaction_of_personal_data(self):
        text = ('我叫李建国，身份证230102199001011234，手机138 1234 5678，座机0451-86201234，'
                '邮箱li.jg@example.com。')
        redacted = redact(text, ['张伟'])
        for secret in ('李建国', '230102199001011234', '138 1234 5678', '0451-86201234',
                       'li.jg@example.com'):
            self.assertNotIn(secret, redacted)
        self.assertEqual(redact('张伟建议增加公交线路', ['张伟']), '***建议增加公交线路')

    # ------------------------------------------------------------------
    # 4.2 c: special solicitations publish their adoption status
    # ------------------------------------------------------------------

    def test_4_2_c_special_solicitation_needs_every_decision_published(self):
        solicitation = self.opened(mode='special')
        self.opinion(solicitation)
        solicitation.action_close()
        solicitation.result = '<p>结果</p>'
        with self.assertRaisesRegex(ValidationError, '4.2 c'):
            solicitation.action_publish()  # an opinion without a decision
        solicitation.opinion_ids.write({'decision': 'partial', 'reply': '部分采纳'})
        solicitation.publish_adoption = False
        with self.assertRaisesRegex(ValidationError, '4.2 c'):
            solicitation.action_publish()  # adoption status hidden
        solicitation.publish_adoption = True
        solicitation.action_publish()
        self.assertEqual(solicitation._public_opinions()[0]['decision'], 'partial')
        with self.assertRaisesRegex(ValidationError, '4.2 c'):
            solicitation.publish_adoption = False

    def test_demo_special_solicitation_is_published_with_adoption(self):
        """The demo database (make run), not a clause: 4.2 c itself is
        proven on this test's own solicitation above."""
        demo = self.env.ref('gov_solicitation.demo_solicitation_admission')
        self.assertEqual((demo.mode, demo.state), ('special', 'published'))
        self.assertGreaterEqual(demo.opinion_count, 300)
        self.assertEqual(demo.undecided_count, 0)
        self.assertTrue(demo.publish_adoption)

    # ------------------------------------------------------------------
    # 5.1.1: published in the 意见征集 column
    # ------------------------------------------------------------------

    def test_5_1_1_column_lists_open_solicitations_first_then_past(self):
        column = self.env.ref('gov_interaction.column_solicitation')
        draft = self.new_solicitation(name='草稿不公开')
        running = self.opened(name='正在征集：社区食堂')
        closed = self.opened(name='已截止：校车线路')
        closed.action_close()
        published = self.published()
        sections = column._solicitation_sections()  # after every solicitation above exists
        self.assertIn(running, sections['open'])
        self.assertIn(closed, sections['past'])
        self.assertIn(published, sections['past'])
        self.assertNotIn(draft, sections['open'] | sections['past'])
        self.assertTrue(all(s.state == 'open' for s in sections['open']))
        self.assertTrue(all(s.state in ('closed', 'published') for s in sections['past']))
        titles = [item['title'] for item in column._latest_items(1000)]
        self.assertNotIn(draft.name, titles)
        for listed in (running, closed, published):
            self.assertIn(listed.name, titles)

    def test_5_1_1_citizen_sees_own_opinions_in_the_account(self):
        solicitation = self.opened()
        self.opinion(solicitation, content='我的意见')
        column = self.env.ref('gov_interaction.column_solicitation')
        items = column._portal_items(self.citizen.partner_id)
        self.assertTrue(any(solicitation.name in item['title'] for item in items))
        self.assertFalse(any(solicitation.name in item['title']
                             for item in column._portal_items(self.citizen2.partner_id)))

    def test_5_1_1_closed_solicitation_refuses_opinions(self):
        solicitation = self.opened()
        solicitation.action_close()
        opinion, errors = solicitation._submit_opinion(self.citizen.partner_id, '迟到的意见')
        self.assertFalse(opinion)
        self.assertIn('closed', errors['solicitation'])
        with self.assertRaises(ValidationError):
            self.env['gov.solicitation.opinion'].create({
                'solicitation_id': solicitation.id, 'partner_id': self.citizen.partner_id.id,
                'content': 'x'})
        # Open but past its end date: refused too (before the hourly job closes it).
        late = self.opened(date_start=_ago(days=5), date_end=_ago(hours=1))
        self.assertIn('solicitation', late._submit_opinion(self.citizen.partner_id, 'x')[1])

    def test_5_1_1_opinion_limits_length_attachment_and_rate(self):
        solicitation = self.opened()
        partner = self.citizen.partner_id
        self.assertIn('content', solicitation._submit_opinion(partner, '   ')[1])
        self.assertIn('content', solicitation._submit_opinion(partner, '长' * 2001)[1])
        self.assertIn('attachment', solicitation._submit_opinion(
            partner, '意见', ('virus.exe', b'MZ'))[1])
        self.env['ir.config_parameter'].set_param('gov_solicitation.attachment_max_mb', '0.001')
        self.assertIn('attachment', solicitation._submit_opinion(
            partner, '意见', ('big.pdf', b'%PDF' + b'0' * 2000))[1])
        opinion, errors = solicitation._submit_opinion(partner, '附件意见', ('意见.txt', b'hello'))
        self.assertFalse(errors)
        self.assertEqual(opinion.attachment_id.datas_fname, '意见.txt')
        for _index in range(4):
            self.opinion(solicitation, partner)
        opinion, errors = solicitation._submit_opinion(partner, '第六条意见')
        self.assertFalse(opinion)
        self.assertIn('minutes', errors['content'])
        # Another account is not limited by this one.
        self.opinion(solicitation, self.citizen2.partner_id)

    # ------------------------------------------------------------------
    # 5.1.2, 5.1.3: modes and content
    # ------------------------------------------------------------------

    def test_5_1_2_routine_topic_and_special_modes(self):
        modes = [key for key, _label in self.Solicitation._fields['mode'].selection]
        self.assertEqual(modes, ['routine', 'topic', 'special'])
        labels = dict(self.Solicitation.with_context(lang='zh_CN')._fields['mode']
                      ._description_selection(self.env(context={'lang': 'zh_CN'})))
        self.assertEqual(labels, {'routine': '日常征集', 'topic': '议题征集', 'special': '专项征集'})
        # Each mode is solicited and listed as such in the column.
        for mode in modes:
            summary = self.opened(mode=mode, name='征集方式 %s' % mode)._public_summary()
            self.assertEqual(summary['mode'], mode)
            self.assertEqual(summary['mode_name'], dict(
                self.Solicitation._fields['mode']._description_selection(self.env))[mode])
        column = self.env.ref('gov_interaction.column_solicitation')
        listed = column._solicitation_sections()['open'].filtered(
            lambda s: s.name.startswith('征集方式 '))
        self.assertEqual(set(listed.mapped('mode')), {'routine', 'topic', 'special'})

    def test_5_1_3_demands_satisfaction_and_opinions(self):
        kinds = [key for key, _label in self.Solicitation._fields['content_kind'].selection]
        self.assertEqual(kinds, ['demands', 'satisfaction', 'opinions'])
        for kind in kinds:
            solicitation = self.opened(content_kind=kind)
            self.assertEqual(solicitation._public_summary()['content_kind'], kind)

    def test_5_1_3_each_content_is_solicited_answered_and_published(self):
        """Demands (a), satisfaction with government work (b), opinions and
        suggestions (c): each solicited, answered by citizens and published
        with its content named, end to end."""
        labels = dict(self.Solicitation._fields['content_kind']._description_selection(self.env))
        column = self.env.ref('gov_interaction.column_solicitation')
        texts = {'demands': '希望社区增设托育点。', 'satisfaction': '对政务大厅办事效率比较满意。',
                 'opinions': '建议延长图书馆开放时间。'}
        for kind, text in sorted(texts.items()):
            solicitation = self.opened(content_kind=kind, name='内容 %s' % kind)
            self.assertIn(solicitation, column._solicitation_sections()['open'])
            opinion = self.opinion(solicitation, content=text)
            solicitation.action_close()
            self.decide(opinion, decision='adopted', reply='已收悉并采纳。')
            solicitation.result = '<p>收到1条，采纳1条。</p>'
            solicitation.sudo(self.handler_edu).action_publish()
            detail = solicitation._public_detail()
            self.assertEqual((detail['content_kind'], detail['content_kind_name']), (kind, labels[kind]))
            self.assertEqual((detail['result']['opinion_count'], detail['result']['adopted_count']), (1, 1))
            self.assertEqual([row['content'] for row in solicitation._public_opinions()], [text])

    # ------------------------------------------------------------------
    # 5.1.4: sort, classify, propose, publish a–f
    # ------------------------------------------------------------------

    def test_5_1_4_closing_asks_the_department_to_summarise_within_working_days(self):
        self.env['ir.config_parameter'].set_param('gov_solicitation.summary_days', '3')
        solicitation = self.opened()
        solicitation.action_close()
        activity = solicitation.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager_edu)
        self.assertEqual(activity.activity_type_id,
                         self.env.ref('gov_solicitation.mail_activity_type_summarise'))
        calendar = self.edu.calendar_id
        expected, _missing = calendar._deadline(
            fields.Datetime.from_string(solicitation.date_closed), 3)
        self.assertEqual(solicitation.summary_deadline, fields.Datetime.to_string(expected))
        self.assertEqual(activity.date_deadline, local_time(self.env, expected, '%Y-%m-%d'))
        solicitation.result = '<p>结果</p>'
        solicitation.action_publish()
        self.assertFalse(solicitation.activity_ids)

    def test_5_1_4_hourly_job_closes_ended_solicitations(self):
        ended = self.opened(date_start=_ago(days=5), date_end=_ago(minutes=1))
        running = self.opened()
        self.Solicitation._cron_close_ended()
        self.assertEqual((ended.state, running.state), ('closed', 'open'))

    def test_5_1_4_bulk_classification_and_adoption(self):
        solicitation = self.opened()
        opinions = self.opinion(solicitation) | self.opinion(solicitation, self.citizen2.partner_id)
        category = self.env['gov.solicitation.category'].create(
            {'name': '收费', 'solicitation_id': solicitation.id})
        Wizard = self.env['gov.solicitation.decide.wizard'].sudo(self.handler_edu).with_context(
            active_model='gov.solicitation.opinion', active_ids=opinions.ids)
        with self.assertRaisesRegex(ValidationError, 'reason'):
            Wizard.create({'decision': 'rejected'}).action_apply()
        Wizard.create({'category_id': category.id, 'decision': 'rejected',
                       'decision_reason': '与上位法不一致', 'reply': '暂不采纳'}).action_apply()
        self.assertEqual(set(opinions.mapped('decision')), {'rejected'})
        self.assertEqual(opinions.mapped('category_id'), category)
        self.assertTrue(all(opinions.mapped('date_accepted')))
        self.assertTrue(all(opinions.mapped('date_replied')))
        self.assertEqual(opinions.mapped('reply_department_id'), self.edu)
        self.assertEqual(category.opinion_count, 2)

    def test_5_1_4_published_result_has_topic_period_form_department_result_counts(self):
        solicitation = self.published(count=4)
        data = solicitation._public_detail()
        self.assertEqual(data['title'], solicitation.name)  # a
        self.assertTrue(data['date_start'] and data['date_end'])  # b
        self.assertEqual(data['form'], 'online')  # c
        self.assertEqual(data['department'], '省教育厅')  # d
        self.assertIn('全部采纳', data['result']['result'])  # e
        self.assertEqual((data['result']['opinion_count'], data['result']['adopted_count']), (4, 4))  # f
        self.assertEqual(data['result']['participant_count'], 2)

    def test_5_1_4_other_departments_do_not_see_the_opinions(self):
        solicitation = self.opened()
        self.opinion(solicitation)
        Opinion = self.env['gov.solicitation.opinion']
        self.assertTrue(Opinion.sudo(self.handler_edu).search([('solicitation_id', '=', solicitation.id)]))
        self.assertFalse(Opinion.sudo(self.handler_env).search([('solicitation_id', '=', solicitation.id)]))
        self.assertFalse(self.Solicitation.sudo(self.handler_env).search([('id', '=', solicitation.id)]))

    # ------------------------------------------------------------------
    # 5.1.5: statistics as charts and tables
    # ------------------------------------------------------------------

    def test_5_1_5_statistics_by_decision_and_category(self):
        solicitation = self.opened()
        partners = [self.citizen.partner_id, self.citizen2.partner_id]
        opinions = [self.opinion(solicitation, partners[index % 2], '意见%s' % index)
                    for index in range(5)]
        Category = self.env['gov.solicitation.category']
        supply = Category.create({'name': '学位供给', 'solicitation_id': solicitation.id})
        fees = Category.create({'name': '收费', 'solicitation_id': solicitation.id})
        solicitation.action_close()
        self.decide(opinions[0] | opinions[1], category_id=supply.id, decision='adopted', reply='采纳')
        self.decide(opinions[2], category_id=fees.id, decision='rejected', decision_reason='与上位法不一致')
        self.decide(opinions[3], decision='partial', reply='部分采纳')
        self.decide(opinions[4], decision='duplicate', reply='同意见3')
        stats = solicitation._public_statistics()
        self.assertEqual(sum(row['count'] for row in stats['by_decision']), stats['opinion_count'])
        self.assertAlmostEqual(sum(row['percent'] for row in stats['by_decision']), 100, delta=0.5)
        # Counted by hand from the five opinions above (adopted: fully or partly).
        self.assertEqual((stats['opinion_count'], stats['adopted_count'], stats['participant_count']),
                         (5, 3, 2))
        labels = dict(self.env['gov.solicitation.opinion']._fields['decision']
                      ._description_selection(self.env))
        self.assertEqual([(row['label'], row['count']) for row in stats['by_decision']],
                         [(labels['adopted'], 2), (labels['partial'], 1), (labels['rejected'], 1),
                          (labels['duplicate'], 1)])
        self.assertEqual([(row['label'], row['count']) for row in stats['by_category']],
                         [('学位供给', 2), ('收费', 1), ('Unclassified', 2)])
        self.assertEqual(stats['by_category'][0]['percent_text'], '40.0%')
        self.assertEqual(chart_rows([('甲', 1), ('乙', 3)], 4)[1]['percent_text'], '75.0%')
        self.assertEqual(chart_rows([('甲', 0)], 0)[0]['percent'], 0.0)

    def test_5_1_5_back_office_graph_and_pivot_views(self):
        for model in ('gov.solicitation', 'gov.solicitation.opinion'):
            views = self.env['ir.ui.view'].search([('model', '=', model)]).mapped('type')
            self.assertIn('graph', views)
            self.assertIn('pivot', views)

    def test_public_times_are_beijing_time(self):
        self.assertEqual(local_time(self.env, '2026-03-01 16:30:00'), '2026-03-02 00:30')
