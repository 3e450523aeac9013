# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo letters dated relative to today: every service level, supervisions
in every state, replies on time and late, ratings and a reopened letter."""
import datetime

from odoo import fields

from odoo.addons.gov_interaction.tools import local_today, utc_of_local

# (key, department, category, type, title, content, writer, phone, working days since assignment)
OPEN_LETTERS = [
    ('normal_1', 'dept_edu', 'category_b', 'consultation', '高中学业水平考试报名时间咨询',
     '孩子今年高二，请问学业水平考试什么时候报名，在哪里报名？', '孙丽', '13845010001', 0),
    ('normal_2', 'dept_env', 'category_d', 'complaint', '小区附近餐馆油烟扰民',
     '道外区某小区楼下餐馆油烟直排，居民家中窗户无法打开，请环保部门处理。', '钱伟', '13845010002', 1),
    ('warning_1', 'dept_edu', 'category_b', 'consultation', '随迁子女入学需要哪些证明',
     '我们是外地来哈务工人员，孩子明年上小学，需要准备哪些居住和务工证明？', '郑红', '13845010003', 3),
    ('warning_2', 'dept_transport', 'category_c', 'suggestion', '建议优化学府路公交站台位置',
     '学府路某公交站台距离路口太近，高峰期车辆排队影响通行，建议后移五十米。', '冯强', '13845010004', 4),
    ('due_1', 'dept_env', 'category_d', 'complaint', '工地夜间施工噪音扰民',
     '南岗区某工地连续一周夜间十一点后仍在施工，噪音严重影响休息。联系电话0451-86661234。',
     '陈晨', '13845010005', 5),
    ('overdue_1', 'dept_edu', 'category_d', 'complaint', '校外培训机构退费难',
     '孩子报名的校外培训机构停业，已交的一万二千元学费至今未退，请教育部门督促处理。',
     '褚明', '13845010006', 7),
    ('overdue_2', 'dept_env', 'category_d', 'complaint', '垃圾中转站臭味严重',
     '香坊区某垃圾中转站夏季臭味严重，渗滤液流到路面，请尽快整改。', '卫东', '13845010007', 9),
    ('overdue_3', 'dept_transport', 'category_c', 'suggestion', '农村客运班次减少出行不便',
     '我村到县城的客运班车由每天六班减为两班，老人看病出行很不方便，希望恢复班次。',
     '蒋芳', '13845010008', 12),
]

# (key, department, category, type, title, content, reply, writer, phone, email, address,
#  days since receipt, working days to reply, rating)
REPLIED_LETTERS = [
    ('replied_1', 'dept_edu', 'category_b', 'consultation', '小学入学网上报名流程咨询',
     '我是周晓梅，手机13800000001，住在哈尔滨市道里区安静街8号。请问小学入学网上报名具体流程是什么？',
     '您好！小学入学网上报名请登录市教育局招生平台，填写学生及监护人信息，上传户口簿和房产证明，'
     '审核结果将在五个工作日内通过短信告知。', '周晓梅', '13800000001', 'zhouxm@example.com',
     '哈尔滨市道里区安静街8号', 20, 3, 'satisfied'),
    ('replied_2', 'dept_env', 'category_d', 'complaint', '河道垃圾长期无人清理',
     '阿城区某河段两岸垃圾堆积，夏季蚊蝇很多，请相关部门清理。我的身份证号230102198001011234。',
     '您好！经现场核查，该河段已于本周完成清理，并纳入河长制日常巡查范围，感谢您的监督。',
     '杨光', '13845020002', '', '哈尔滨市阿城区金都街3号', 35, 4, 'basic'),
    ('replied_3', 'dept_transport', 'category_c', 'suggestion', '建议延长地铁末班车时间',
     '周末晚上地铁末班车太早，建议周五周六延长至二十三点。', '您好！您的建议已转运营公司研究，'
     '将结合客流情况在节假日试行延长运营。', '朱丽', '13845020003', 'zhuli@example.com', '', 50, 7,
     'unsatisfied'),
    ('replied_4', 'dept_edu', 'category_b', 'consultation', '教师资格证认定时间咨询',
     '请问今年春季教师资格认定什么时候开始？', '您好！春季教师资格认定预计四月开始，'
     '具体时间以省教育厅官网公告为准。', '秦岚', '13845020004', '', '', 65, 2, 'satisfied'),
    ('replied_5', 'dept_env', 'category_d', 'complaint', '企业夜间偷排废气',
     '松北区某企业夜间偷排废气，气味刺鼻，请执法检查。', '您好！执法人员已对该企业开展夜间突击检查，'
     '发现问题已责令整改并立案处罚。', '许诺', '13845020005', '', '', 40, 8, 'unsatisfied'),
    ('replied_6', 'dept_transport', 'category_c', 'consultation', '网约车驾驶员证办理条件',
     '请问办理网约车驾驶员证需要什么条件？', '您好！需取得相应准驾车型驾驶证并具有三年以上驾驶经历，'
     '无交通肇事犯罪等记录，可在市交通运输局窗口申请。', '何平', '13845020006', '', '', 25, 4,
     None),
]


def _working_days_ago(calendar, days, today=None):
    """A naive UTC datetime at 09:00 local time (the calendar's) on the day
    ``days`` working days before today."""
    day = today or local_today(calendar.env, calendar)
    count = 0
    while count < days:
        day -= datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            count += 1
    return utc_of_local(calendar.env, datetime.datetime.combine(day, datetime.time(9)), calendar)


def _after_working_days(calendar, start, days):
    deadline = calendar.add_working_days(start, days)['deadline']
    # the same day's office hours rather than 23:59
    return fields.Datetime.from_string(deadline) - datetime.timedelta(hours=8)


def _letter(env, department, category, letter_type, title, content, writer, phone,
            email='', address='', publish_wish=False):
    Letter = env['gov.letter'].sudo()
    letter, _code = Letter._intake({
        'title': title, 'content': content,
        'category_id': env.ref('gov_letter.' + category).id, 'letter_type': letter_type,
        'department_id': env.ref('gov_interaction.' + department).id,
        'writer_name': writer, 'writer_phone': phone, 'writer_email': email or False,
        'writer_address': address or False, 'publish_wish': publish_wish,
    })
    return letter


def build_demo(env):
    calendar = env['gov.calendar']._get_national()
    Data = env['ir.model.data'].sudo()

    def name(record, key):
        Data.create({'module': 'gov_letter_supervision', 'name': 'letter_sv_%s' % key,
                     'model': record._name, 'res_id': record.id, 'noupdate': True})

    for key, dept, category, letter_type, title, content, writer, phone, days in OPEN_LETTERS:
        letter = _letter(env, dept, category, letter_type, title, content, writer, phone)
        assigned = _working_days_ago(calendar, days)
        letter.write({'date_received': assigned - datetime.timedelta(hours=2)})
        letter.action_accept()
        letter.write({'date_assigned': assigned, 'date_accepted': assigned})
        name(letter, key)

    # Supervisions of the overdue letters in every state.
    Supervision = env['gov.supervision'].sudo()
    by_key = {key: env.ref('gov_letter_supervision.letter_sv_%s' % key) for key in
              ('overdue_1', 'overdue_2', 'overdue_3')}
    supervisions = {key: Supervision.search([('res_model', '=', 'gov.letter'),
                                             ('res_id', '=', letter.id)], limit=1)
                    for key, letter in by_key.items()}
    for key in ('overdue_2', 'overdue_3'):
        supervision = supervisions[key] or by_key[key]._sla_supervise()
        supervision.write({'response': '已责成承办处室加快办理，将于两个工作日内答复来信人。'})
        supervision.action_respond()
        if key == 'overdue_3':
            supervision.action_close()

    for (key, dept, category, letter_type, title, content, reply, writer, phone, email, address,
         days_ago, reply_days, rating) in REPLIED_LETTERS:
        # Replied before today: no reminders or supervisions on the way.
        letter = _letter(env(context=dict(env.context, gov_sla_no_follow_up=True)), dept, category,
                         letter_type, title, content, writer, phone, email, address,
                         publish_wish=True)
        received = fields.Datetime.from_string(fields.Datetime.now()) - datetime.timedelta(
            days=days_ago)
        letter.write({'date_received': received})
        letter.action_accept()
        letter.write({'date_assigned': received, 'date_accepted': received,
                      'reply': '<p>%s</p>' % reply})
        letter.action_submit_reply()
        letter.action_approve_reply()
        letter.write({'date_replied': _after_working_days(calendar, received, reply_days)})
        name(letter, key)
        if rating:
            letter._rate(rating, {'satisfied': '答复及时，问题已解决。',
                                  'basic': '基本解决，希望后续加强巡查。',
                                  'unsatisfied': '答复没有解决实际问题。'}[rating])
    # A writer unsatisfied with a recent reply asked to handle it again.
    recent = env.ref('gov_letter_supervision.letter_sv_replied_6')
    recent.write({'date_replied': fields.Datetime.now()})
    recent._rate('unsatisfied', '只说明了条件，没有说明办理材料。', reopen=True)

    env['gov.sla.mixin']._cron_sla_update()
    notice = env['gov.supervision.notice'].sudo()._cron_generate_monthly()
    if notice:
        notice.action_publish()
