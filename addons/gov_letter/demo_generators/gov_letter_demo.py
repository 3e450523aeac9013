# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A few hundred demo letters (clauses 4.4 and 5.3 in volume), the same on
every install (seeded), spread over the last months in every state, so that
the boards look like a working office.  Called from demo/gov_letter_demo.xml
(gov.letter._demo_generate); one create per letter with its final state and
dates, without mails or tracking, to stay fast."""
import datetime
import random

from odoo import api, fields, models

from ..models.gov_letter import OPEN_STATES
from .gov_letter_duplicate_pairs import PAIRS

# department xmlid -> [(category code, type, title, content, reply)]; {place}
# is a city or district, {detail} one of DETAILS.
TOPICS = {
    'dept_edu': [
        ('b', 'consultation', '{place}适龄儿童小学入学报名材料咨询',
         '孩子今年九月满六周岁，户口在{place}，父母在外地务工，孩子由老人照看。请问入学报名需要准备哪些材料，随迁子女有没有特殊要求？',
         '您好！适龄儿童入学需提供户口簿、居住证明及预防接种证明，随迁子女另需父母一方的居住证。具体报名时间以所在区教育局公告为准。'),
        ('d', 'complaint', '{place}某民办幼儿园擅自上调保育费',
         '{place}一所民办幼儿园本学期保育费上涨近三成，事先没有公示，也没有征求家长意见。{detail}',
         '您好！经核查，该园未按规定履行收费公示程序，区教育局已责令其暂停执行新标准并完成备案公示，多收费用将予退还。'),
        ('a', 'consultation', '中小学教师职称评审条件咨询',
         '我是{place}一所乡镇中学的教师，想了解今年中小学教师职称评审的申报条件，乡村教师是否有倾斜政策？',
         '您好！今年评审对在乡村学校连续任教满一定年限的教师实行单独分组、单独评审，申报条件详见省教育厅官网发布的通知。'),
        ('d', 'suggestion', '建议{place}学校周边增设交通安全设施',
         '{place}某小学门口道路车流量大，没有人行横道和减速带，放学时段学生过马路很危险。{detail}',
         '感谢您的建议！已会同交警部门在学校门口施划人行横道、设置减速带，并在上下学时段安排护学岗。'),
        ('e', 'complaint', '反映校外培训机构退费难',
         '孩子在{place}一家培训机构报了全年课程，机构突然停课，工作人员推诿退费。{detail}',
         '您好！区教育局已约谈该机构负责人，责成其按预收费监管规定办理退费，并将其列入重点监管名单。'),
    ],
    'dept_env': [
        ('d', 'complaint', '{place}某企业夜间排放刺鼻气体',
         '我住在{place}，附近一家企业经常在夜间排放刺鼻气体，居民无法开窗。{detail}',
         '您好！执法人员已夜间突击检查，该企业废气处理设施未正常运行，已立案处罚并责令整改，后续将加密监测。'),
        ('d', 'complaint', '{place}河段水体发黑发臭',
         '{place}附近河段近期水质发黑、有明显异味，怀疑有企业偷排污水。{detail}',
         '您好！经现场采样检测，该河段化学需氧量超标，已查明排污口并责令停止排放，相关企业已被立案查处。'),
        ('c', 'suggestion', '建议推广秸秆综合利用减少焚烧',
         '每年秋收后{place}周边仍有焚烧秸秆现象，空气质量明显下降。建议加大秸秆还田和收储补贴力度。',
         '感谢您的建议！今年全省继续实施秸秆还田、离田利用补贴，并增设收储站点，同时加强卫星遥感监测。'),
        ('d', 'complaint', '{place}建筑工地夜间施工噪音扰民',
         '{place}某工地连续多日夜间施工到凌晨，噪音很大，严重影响休息。{detail}',
         '您好！经核查，该工地未办理夜间施工许可，已责令停止夜间作业并依法处罚。'),
    ],
    'dept_housing': [
        ('d', 'complaint', '{place}老旧小区供暖温度不达标',
         '入冬以来{place}我家室温一直在十五度左右，多次找供热公司都说正常。{detail}',
         '您好！供热监管部门已入户测温，确认温度不达标，已督促供热企业排查管网并调整运行参数，目前室温已达标。'),
        ('b', 'consultation', '住房公积金异地购房提取咨询',
         '我在{place}缴存住房公积金，准备在老家购买首套住房，请问能否提取公积金，需要哪些材料？',
         '您好！异地购买首套自住住房可申请提取，需提供购房合同、付款凭证和身份证明，可通过公积金网上服务大厅办理。'),
        ('d', 'complaint', '{place}物业公司服务差收费高',
         '{place}某小区物业公司长期不清运垃圾、电梯经常故障，却上调物业费。{detail}',
         '您好！住建部门已约谈物业公司，责令其限期整改服务问题；物业费调整须经业主大会同意，未经程序不得执行。'),
        ('c', 'suggestion', '建议加快老旧小区加装电梯',
         '{place}很多老旧小区住着行动不便的老人，上下楼困难。建议简化加装电梯审批，提高补贴标准。',
         '感谢您的建议！全省已出台老旧小区加装电梯指导意见，实行联合审批，并对符合条件的项目给予补贴。'),
    ],
    'dept_hrss': [
        ('b', 'consultation', '失业保险金申领条件咨询',
         '我在{place}的单位因经营困难解除了劳动合同，请问失业保险金怎么申领，需要什么条件？',
         '您好！非因本人意愿中断就业、已办理失业登记并有求职要求、缴纳失业保险满一年的，可申领失业保险金，可在线办理。'),
        ('d', 'complaint', '{place}某工程项目拖欠农民工工资',
         '我们在{place}一个工程项目干了半年，包工头至今拖欠工资。{detail}',
         '您好！劳动保障监察机构已立案调查，责令施工总承包单位先行垫付，目前工资已足额发放。'),
        ('a', 'consultation', '灵活就业人员养老保险缴费咨询',
         '我在{place}从事个体经营，想以灵活就业人员身份缴纳养老保险，请问缴费基数和办理渠道是什么？',
         '您好！灵活就业人员可在本省上年度社会平均工资60%至300%之间自主选择缴费基数，可通过社保网上服务厅办理。'),
    ],
    'dept_market': [
        ('d', 'complaint', '{place}超市销售过期食品',
         '在{place}一家超市购买的牛奶已经过期，找商家协商只同意退货不愿赔偿。{detail}',
         '您好！市场监管部门已现场检查并下架过期食品，对该超市立案调查，并督促其依法履行赔偿义务。'),
        ('c', 'suggestion', '建议进一步压缩企业开办时间',
         '我在{place}准备开办一家小微企业，希望开办手续能够全程网上办理，减少跑腿。',
         '感谢您的建议！全省已推行企业开办“一网通办”，开办时间压缩至1个工作日以内。'),
        ('d', 'complaint', '{place}商家预付卡跑路',
         '{place}一家健身房突然关门，会员预付卡余额无法退还，涉及几百名会员。{detail}',
         '您好！市场监管部门已会同公安、商务部门成立工作组，登记会员损失并依法追究经营者责任。'),
    ],
    'dept_health': [
        ('b', 'consultation', '异地就医备案办理咨询',
         '老人长期在{place}随子女居住，请问异地就医备案怎么办理，住院费用如何报销？',
         '您好！可通过国家医保服务平台或省医保公共服务平台办理异地长期居住备案，备案后住院费用可直接结算。'),
        ('d', 'complaint', '{place}医院挂号难排队时间长',
         '在{place}一家医院看专家门诊，线上号源很快约满，现场排队要三个多小时。{detail}',
         '您好！卫生健康部门已督促该院增加专家号源、推行分时段预约，并增设自助服务设备。'),
    ],
    'dept_transport': [
        ('c', 'suggestion', '建议{place}增加夜班公交线路',
         '很多上夜班的市民晚上十点以后回家困难，建议{place}在主要干道增加夜班公交线路。',
         '感谢您的建议！交通运输部门已完成客流调查，计划在主要干道开通夜班线路，具体方案将向社会公布。'),
        ('d', 'complaint', '{place}乡村客运班车停运',
         '{place}通往几个村的客运班车近期停运，村民进城看病、上学非常不便。{detail}',
         '您好！已督促客运企业恢复班次，并将该线路纳入城乡公交一体化改造计划。'),
        ('d', 'complaint', '{place}道路坑洼多年未修',
         '{place}一段主干道路面坑洼严重，雨天积水，已经发生多起事故。{detail}',
         '您好！该路段已列入今年养护计划，近期将先行修补坑槽，并于年内完成路面改造。'),
    ],
    'dept_police': [
        ('b', 'consultation', '身份证异地换领咨询',
         '我户籍不在{place}，身份证快到期了，请问能否在现居住地换领，需要多长时间？',
         '您好！居民身份证可在全国范围内异地申领换领，携带原证到居住地任一户政窗口办理，一般20个工作日内可领取。'),
        ('e', 'complaint', '反映{place}某派出所办事效率低',
         '去{place}派出所办理户口迁移，来回跑了三趟，每次都说材料不全，没有一次性告知。{detail}',
         '您好！公安机关已核实情况，对相关窗口人员进行了批评教育，并推行一次性告知和容缺受理。'),
    ],
}
PLACES = ['哈尔滨市南岗区', '哈尔滨市道里区', '哈尔滨市香坊区', '哈尔滨市松北区', '哈尔滨市平房区',
          '齐齐哈尔市龙沙区', '牡丹江市东安区', '佳木斯市前进区', '大庆市萨尔图区', '鸡西市鸡冠区',
          '绥化市北林区', '宾县宾州镇', '五常市', '尚志市', '北安市', '黑河市爱辉区']
DETAILS = ['多次向有关单位反映，至今没有得到解决。', '周边居民意见很大，希望尽快处理。',
           '已经持续两个多月了，希望政府部门过问。', '家里有老人和孩子，影响很大。',
           '希望有关部门调查核实并给予答复。', '打过热线电话，说会转办，但一直没有结果。']
SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'
GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟',
         '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '国强', '海燕', '晓东']
# Who writes and how they end: the same matter in different words.
OPENINGS = ['', '您好！', '尊敬的领导：', '我是一名退休职工。', '我是外来务工人员，', '我是本地居民，',
            '我是一名个体经营者。', '您好，我想反映一个问题。']
CLOSINGS = ['', '谢谢！', '盼复。', '望尽快答复。', '希望得到重视。', '麻烦相关部门给个说法。']
REJECTIONS = [
    ('a', '该劳动争议已进入仲裁程序，请依法通过仲裁或诉讼途径解决。'),
    ('b', '来信未说明具体地点和诉求，无法核实办理，请补充后重新提交。'),
    ('d', '属于单位内部管理事项，请通过本单位内部渠道反映。'),
    ('e', '所反映事项不属于本栏目受理范围，请向有管辖权的机关反映。'),
]
# Where the labelled pairs' letters are handled, by the words they use (the
# last: the rest).
PAIR_DEPARTMENTS = [
    ('dept_edu', '幼儿园 学校 小学 中学 教师 培训 转学 校车 教育'),
    ('dept_env', '油烟 排放 气体 排水渠 发臭 秸秆 噪音 KTV 广场舞 犬'),
    ('dept_hrss', '工资 欠薪 失业 养老 社保 资格认证 灵活就业 残疾 低保 退役'),
    ('dept_market', '超市 营业执照 快递 药店 面馆'),
    ('dept_health', '医保 医院 就医'),
    ('dept_transport', '公交 出租车 路灯 路面 道路 人行道 网约车 驾驶证 共享单车 积水 停车 塌陷'),
    ('dept_housing', ''),
]
STATES = [('new', 10), ('accepted', 18), ('transfer', 3), ('review', 7), ('replied', 52), ('rejected', 10)]


def _on_working_day(calendar, start, days, rng):
    """A time in office hours (about 9:00 to 17:00 local) on the ``days``-th
    working day after ``start`` (0: the same day)."""
    end_of_day, _missing = calendar._deadline(start, days)
    return end_of_day - datetime.timedelta(hours=rng.uniform(7, 15))


def _replied_values(calendar, accepted, publish_wish, rng, now):
    """A reply after 1 to 6 working days (now and then late), or after an
    extension approved for a complex matter (5.3.5); about a third of the
    replies whose writers agreed are published (5.3.8, by its own feature:
    gov_letter_publication makes and checks the public copies)."""
    values = {'publish_reply': publish_wish and rng.random() < 0.35}
    days = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6])
    if rng.random() < 0.12:
        extension = rng.choice([5, 10])
        extended = fields.Datetime.to_string(calendar._deadline(accepted, 5 + extension)[0])
        values.update(
            extension_state='approved', extension_reason='涉及多个部门职责，需要联合调查核实。',
            extension_deadline=extended, deadline_reply_extended=extended,
            date_extension_requested=fields.Datetime.to_string(_on_working_day(calendar, accepted, 3, rng)),
            date_extension_decided=fields.Datetime.to_string(_on_working_day(calendar, accepted, 4, rng)))
        days = 5 + rng.randint(2, extension)
    replied = max(_on_working_day(calendar, accepted, days, rng), accepted + datetime.timedelta(hours=2))
    values['date_replied'] = fields.Datetime.to_string(min(replied, now))
    return values


def generate(env, count=300, seed=2026):
    """Create ``count`` demo letters; returns them."""
    rng = random.Random(seed)
    Letter = env['gov.letter'].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_notrack=True,
        gov_letter_no_duplicate_check=True)
    categories = {category.code: category for category in env['gov.letter.category'].search([])}
    departments = {xmlid: env.ref('gov_interaction.' + xmlid) for xmlid in TOPICS}
    citizens = [env.ref('gov_interaction.user_citizen').partner_id,
                env.ref('gov_interaction.user_citizen2').partner_id]
    supervisor = env.ref('gov_interaction.user_supervisor')
    clerk = env.ref('gov_interaction.user_clerk')
    calendar = env['gov.calendar']._get_national()
    now = datetime.datetime.utcnow().replace(microsecond=0)
    population = [state for state, weight in STATES for _i in range(weight)]
    topics = [(xmlid, topic) for xmlid, items in TOPICS.items() for topic in items]
    letters, new_letters = env['gov.letter'], env['gov.letter']
    for index in range(count):
        state = rng.choice(population)
        xmlid, (code, letter_type, title, content, reply) = rng.choice(topics)
        place = rng.choice(PLACES)
        text = rng.choice(OPENINGS) + content.format(place=place, detail=rng.choice(DETAILS)) + \
            rng.choice(CLOSINGS)
        if rng.random() < 0.12:
            letter_type = 'report' if code == 'e' else letter_type
        # Open letters are recent; closed ones spread over six months.
        age = rng.uniform(0.05, 9) if state in OPEN_STATES \
            else rng.uniform(6, 180)
        received = now - datetime.timedelta(days=age)
        name = rng.choice(SURNAMES) + (rng.choice(GIVEN) if rng.random() < 0.6
                                       else rng.choice(['先生', '女士']))
        vals = {
            'title': title.format(place=place)[:200], 'content': text,
            'category_id': categories[code].id, 'letter_type': letter_type,
            'channel': rng.choice(['web', 'web', 'web', 'api', 'phone', 'mail', 'visit']),
            'date_received': fields.Datetime.to_string(received),
            'writer_name': name,
            'writer_phone': '1%d%09d' % (rng.choice([3, 5, 8]), rng.randrange(10 ** 9)),
            'publish_wish': rng.random() < 0.6, 'state': state,
        }
        if index % 40 == 0:
            partner = citizens[index // 40 % 2]
            vals.update(partner_id=partner.id, writer_name=partner.name)
        if state != 'new' and state != 'rejected':
            # Accepted the same or the next working day, never in the future.
            assigned = min(_on_working_day(calendar, received, rng.choice([0, 1, 1]), rng),
                           received + datetime.timedelta(days=3), now)
            assigned = max(assigned, min(received + datetime.timedelta(hours=1), now))
            vals.update(department_id=departments[xmlid].id,
                        date_accepted=fields.Datetime.to_string(assigned),
                        date_assigned=fields.Datetime.to_string(assigned))
        if state in ('review', 'replied'):
            vals['reply'] = '<p>%s</p>' % reply
        if state == 'replied':
            vals.update(_replied_values(calendar, assigned, vals['publish_wish'], rng, now))
        if state == 'transfer':
            others = [dept for key, dept in departments.items() if key != xmlid]
            vals.update(transfer_reason='经研究，该事项主要涉及其他部门职责，建议转办。',
                        transfer_department_id=rng.choice(others).id,
                        date_transfer_requested=fields.Datetime.to_string(
                            received + datetime.timedelta(days=1)))
        if state == 'rejected':
            reason, note = rng.choice(REJECTIONS)
            vals.update(reject_reason=reason, reject_note=note)
        letter = Letter._create_without_query_code(vals)
        letters |= letter
        if state == 'new':
            new_letters |= letter
        elif state in ('accepted', 'review', 'transfer'):
            department = letter.department_id
            handler = (department.member_ids - department.manager_id)[:1] or department.manager_id
            todo = {'accepted': ('mail.mail_activity_data_todo', '答复来信', handler),
                    'review': ('gov_letter.mail_activity_type_review', '审核答复',
                               department.manager_id or handler),
                    'transfer': ('gov_letter.mail_activity_type_transfer', '决定转办', clerk)}[state]
            letter._schedule_activity(todo[0], todo[1], todo[2], letter.deadline_reply)
        if state == 'accepted' and rng.random() < 0.15:
            # 5.3.5: some complex matters got, or wait for, more time.
            deadline = letter._extension_deadline(extra_days=rng.choice([5, 10, 15]))
            approved = rng.random() < 0.6
            letter.write({
                'extension_state': 'approved' if approved else 'requested',
                'extension_reason': '涉及多个部门职责，需要联合调查核实。',
                'extension_deadline': deadline,
                'date_extension_requested': fields.Datetime.to_string(now - datetime.timedelta(days=1)),
                'date_extension_decided': approved and fields.Datetime.to_string(now),
                'deadline_reply_extended': approved and deadline,
            })
            if not approved:
                letter._schedule_activity('gov_letter.mail_activity_type_extension',
                                          '审批延期', supervisor)
    # A citizen who writes the same letter twice (5.3.2 c).
    first = letters.filtered(lambda letter: letter.state == 'replied')[:1]
    if first:
        repeat = Letter._create_without_query_code({
            'title': first.title, 'content': first.content + '再次反映。',
            'category_id': first.category_id.id, 'letter_type': first.letter_type,
            'writer_name': first.writer_name, 'writer_phone': first.writer_phone,
            'date_received': fields.Datetime.to_string(now - datetime.timedelta(hours=3))})
        new_letters |= repeat
        letters |= repeat
    new_letters._detect_duplicates()
    return letters | _labelled_pairs(env, Letter, categories, calendar, now, rng)


def _pair_department(env, text):
    for xmlid, words in PAIR_DEPARTMENTS:
        if not words or any(word in text for word in words.split()):
            return env.ref('gov_interaction.' + xmlid)


def _labelled_pairs(env, Letter, categories, calendar, now, rng):
    """5.3.2 c): the labelled pairs (gov_letter_duplicate_pairs): the
    earlier letter of each accepted a few days ago and being handled, the
    later one just arrived and looked at for duplicates as any new letter."""
    letters = env['gov.letter']
    checked = Letter.with_context(gov_letter_no_duplicate_check=False)
    for index, (_duplicate, same_writer, earlier, later) in enumerate(PAIRS):
        phone = '1394510%04d' % (2 * index)
        vals = _pair_letter_values(earlier, phone, categories, rng)
        received = now - datetime.timedelta(days=rng.uniform(2, 8))
        assigned = fields.Datetime.to_string(min(_on_working_day(calendar, received, 1, rng), now))
        letters |= Letter._create_without_query_code(dict(
            vals, state='accepted', date_received=fields.Datetime.to_string(received),
            department_id=_pair_department(env, vals['title'] + vals['content']).id,
            date_accepted=assigned, date_assigned=assigned))
        phone = phone if same_writer else '1394510%04d' % (2 * index + 1)
        received = now - datetime.timedelta(hours=rng.uniform(1, 48))
        letters |= checked._create_without_query_code(dict(
            _pair_letter_values(later, phone, categories, rng), state='new',
            date_received=fields.Datetime.to_string(received)))
    return letters


def _pair_letter_values(letter, phone, categories, rng):
    title, content = letter
    code, letter_type = ('b', 'consultation') if '咨询' in title else \
        ('c', 'suggestion') if title.startswith('建议') else ('d', 'complaint')
    return {'title': title, 'content': content, 'category_id': categories[code].id,
            'letter_type': letter_type, 'channel': 'web', 'publish_wish': False,
            'writer_name': rng.choice(SURNAMES) + rng.choice(['先生', '女士']), 'writer_phone': phone}


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_generate(self, count=300):
        """Demo data: a few hundred letters in every state (gov_letter_demo)."""
        generate(self.env, count)
        return True
