"""What the access matrix (access_matrix.csv, checked by
test_access_matrix.py) runs for each model: how its records hang on a
department or an owner, the values a create sends, the field a read asks
for and the (non-workflow) field a write changes.

Scopes.  A model owned by a department, or by a person, is checked on three
records: ``own`` (the role's own department, owned by the role's user),
``sub`` (省生态环境监测中心, a sub-department of 省生态环境厅, which the
department manager manages and the handler belongs to; owned by another
citizen) and ``other`` (省教育厅, owned by another citizen).  Any other model is
checked on one record (``all``).  The roles and their users are ROLES; the
departments DEPARTMENTS.  The administrator ``admin`` is Odoo 11's superuser
(uid 1): no access right or record rule applies to it, only the models' own
checks.  The staff of all departments (clerk, supervisor, office, admin)
belong to the general office: their ``own`` department is 省人民政府办公厅.

Each spec:
  dept    how a record gets its department: 'department_id', the parent
          field (the parent's spec says how it gets one), or None;
  owner   ('partner_id', 'partner') / ('user_id', 'user'): the field naming
          the owner; None;
  vals    values of a new record (a callable of (builder, counter));
  fixture values the records made as the superuser get too (a workflow
          state no create may set);
  fresh_parent  a new parent for every record (one record per parent);
  scopes  the scopes, when not the default; scoped_create=False: a create
          is checked once (``all``);
  read    the field a read asks for; write the values a write sends;
  unlink_make  like make, for the record an unlink deletes (by default a
          new record nothing refers to);
  make    a callable (builder, scope, role) giving the record itself, for
          models whose records are not created here;
  na      cells not checked, by role ('*' every role) and operation, why.
Models of our addons that are not checked at all are in NOT_CHECKED, why.
"""
import base64
import os

ROLES = {  # role: login of its demo user (anonymous: the public user)
    'anonymous': None,
    'citizen': 'citizen',
    'clerk': 'clerk',
    'handler': 'handler_env',
    'manager': 'manager_env',
    'supervisor': 'supervisor',
    'office': 'office',
    'admin': 'admin',
}
OWN_DEPARTMENT = {'handler': 'dept_env', 'manager': 'dept_env', 'citizen': 'dept_env',
                  'anonymous': 'dept_env'}  # the others: the general office
DEPARTMENTS = {'sub': 'dept_env_monitor', 'other': 'dept_edu'}
OTHER_OWNER = 'matrix-citizen@example.invalid'  # a portal user made for the run
OPERATIONS = ('create', 'read', 'write', 'unlink')
SCOPES = ('own', 'sub', 'other')

# Every addon of the product: each directory of addons/ with a manifest.
_ADDONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'addons')
OUR_ADDONS = tuple(sorted(name for name in os.listdir(_ADDONS_DIR)
                          if os.path.exists(os.path.join(_ADDONS_DIR, name, '__manifest__.py'))))

_WIZARD = ("a wizard (TransientModel): Odoo lets every user create one and read "
           "only their own; its button runs the target model's checked method")
_TECHNICAL = ("Odoo's technical model, inherited by gov_interaction for one method only, its "
              "access rights Odoo's own, unchanged (issue 16, tests/test_zh_cn_screens.py and "
              "tests/test_work_first.py)")
NOT_CHECKED = {
    'gov.api.token.wizard': _WIZARD,
    'gov.calendar.holiday.wizard': _WIZARD,
    'gov.calendar.holiday.wizard.line': _WIZARD,
    'gov.letter.extension.decision.wizard': _WIZARD,
    'gov.letter.extension.wizard': _WIZARD,
    'gov.letter.identity.wizard': _WIZARD,
    'gov.letter.query.code.wizard': _WIZARD,
    'gov.letter.reject.wizard': _WIZARD,
    'gov.letter.statistics.export': _WIZARD,
    'gov.solicitation.decide.wizard': _WIZARD,
    'res.config.settings': _WIZARD + " (settings: its execute() requires Settings rights)",
    'ir.actions.server': "Odoo's model, to which gov_interaction adds only groups_id (who is offered "
                         "and may run an action, as in Odoo 12): its access rights are Odoo's; "
                         "gov_letter's test_letter_bulk checks the field",
    'mail.compose.message': _WIZARD + " (Odoo's composer: gov_interaction only translates its modes)",
    'ir.cron': _TECHNICAL + " (scheduled jobs run in their user's language)",
    'ir.translation': _TECHNICAL + " (our translations loaded over Odoo's)",
    'ir.ui.menu': _TECHNICAL + " (the queues' counters, counted with the user's own rights)",
    'website': _TECHNICAL + " (the pages' titles)",
}

PDF = base64.b64encode(b'%PDF-1.4\n%%EOF\n').decode()
_RELOAD = ("Odoo commits and reloads the registry on every change of an automated "
           "action: not in the test's transaction")
_VIEW = "a SQL view: the superuser's create, write, unlink fail in PostgreSQL"


def _ref(builder, xmlid):
    return builder.env.ref(xmlid).id


def _user(builder, scope, role):
    return builder.owner(scope, role)


SPECS = {
    # gov_interaction
    'gov.api.token': dict(owner=('user_id', 'user'), vals=lambda b, n: {
        'name': 'matrix %d' % n, 'token_digest': 'digest-%d' % n}, write={'name': 'renamed'}),
    'gov.export.job': dict(owner=('user_id', 'user'), vals=lambda b, n: {
        'name': 'matrix %d' % n, 'filename': 'matrix.xlsx', 'res_model': 'gov.department',
        'method': '_export_xlsx'}, write={'name': 'renamed'}),
    'gov.calendar': dict(vals=lambda b, n: {'name': 'Matrix calendar %d' % n}, write={'name': 'renamed'}),
    'gov.calendar.day': dict(vals=lambda b, n: {
        'calendar_id': b.one('gov.calendar'), 'date': '2031-01-%02d' % (n % 28 + 1)},
        write={'name': 'renamed'}),
    'gov.calendar.year': dict(vals=lambda b, n: {
        'calendar_id': b.one('gov.calendar'), 'year': 2040 + n}, write={'notice': 'renamed'}),
    'gov.department': dict(vals=lambda b, n: {'name': 'Matrix department %d' % n, 'code': 'MATRIX-%d' % n},
                           write={'phone': '0451-0'}),
    'gov.interaction.column': dict(vals=lambda b, n: {
        'name': 'Matrix %d' % n, 'code': 'matrix_%d' % n, 'slug': 'matrix-%d' % n},
        write={'name': 'renamed'}),
    'gov.throttle': dict(vals=lambda b, n: {'scope': 'login', 'key': 'matrix-%d' % n,
                                                         'failed_at': '2031-01-01 00:00:00'},
                         read='key', write={'key': 'renamed'}),
    # gov_concern
    'gov.concern': dict(dept='department_id', vals=lambda b, n: {'title': 'Matrix concern %d' % n},
                        write={'title': 'renamed'}),
    'gov.concern.update': dict(dept=('concern_id', 'gov.concern'), vals=lambda b, n: {
        'title': 'Matrix update %d' % n, 'body': 'body'}, write={'title': 'renamed'}),
    'gov.concern.channel': dict(vals=lambda b, n: {
        'name': 'Matrix channel %d' % n, 'url': 'https://media.example.com/hook/%d' % n},
        write={'name': 'renamed'}),
    'gov.concern.delivery': dict(vals=lambda b, n: {
        'channel_id': b.one('gov.concern.channel'), 'concern_id': b.one('gov.concern'),
        'event': 'statement', 'item_key': 'matrix-%d' % n}, read='item_key', write={'item_key': 'renamed'}),
    # gov_interview
    'gov.interview.plan': dict(dept='department_id', vals=lambda b, n: {'year': 2030 + n % 70},
                               read='year', write={'note': 'renamed'}),
    'gov.interview.plan.line': dict(dept=('plan_id', 'gov.interview.plan'), vals=lambda b, n: {
        'topic': 'Matrix topic %d' % n}, write={'topic': 'renamed'}),
    'gov.interview': dict(dept='department_id', vals=lambda b, n: {
        'name': 'Matrix interview %d' % n, 'date_start': '2026-06-01 02:00:00'},
        fixture={'state': 'live'}, write={'summary': 'renamed'}),
    'gov.interview.guest': dict(dept=('interview_id', 'gov.interview'), vals=lambda b, n: {
        'name': 'Guest %d' % n, 'title': 'Director'}, write={'name': 'renamed'}),
    'gov.interview.post': dict(dept=('interview_id', 'gov.interview'), vals=lambda b, n: {
        'body': 'Post %d' % n}, write={'body': 'renamed'}),
    'gov.interview.question': dict(dept=('interview_id', 'gov.interview'), owner=('partner_id', 'partner'),
                                   vals=lambda b, n: {'content': 'Question %d' % n},
                                   write={'content': 'renamed'}),
    # gov_letter
    'gov.letter': dict(dept='department_id', vals=lambda b, n: {
        'title': 'Matrix letter %d' % n, 'content': 'content', 'category_id': b.one('gov.letter.category')},
        # The writer's words are nobody's to change (gov_letter's test_letter_field_rights).
        write={'review_comment': 'renamed'}),
    'gov.letter.category': dict(vals=lambda b, n: {'name': 'Matrix %d' % n, 'code': 'm%d' % n},
                                write={'name': 'renamed'}),
    'gov.letter.sla.policy': dict(vals=lambda b, n: {'name': 'Matrix policy %d' % n},
                                  write={'name': 'renamed'}),
    'gov.letter.routing.rule': dict(dept='department_id', vals=lambda b, n: {
        'keywords': 'matrix%d' % n}, read='keywords', write={'keywords': 'renamed'}),
    'gov.letter.idempotency': dict(dept=('letter_id', 'gov.letter'), owner=('partner_id', 'partner'),
                                   vals=lambda b, n: {'key_digest': 'digest-%d' % n,
                                                      'created': '2031-01-01 00:00:00'}, read='key_digest',
                                   write={'request_digest': 'renamed'}),
    'gov.letter.receipt': dict(dept=('letter_id', 'gov.letter'), vals=lambda b, n: {
        'query_code': 'CODE%04d' % n}, read='query_code', write={'query_code': 'renamed'}),
    'gov.letter.duplicate': dict(dept=('letter_id', 'gov.letter'), fresh_parent=True, vals=lambda b, n: {
        'candidate_id': b.one('gov.letter'), 'similarity': 40}, read='similarity',
        write={'similarity': 50}),
    'gov.letter.identity.access': dict(dept=('letter_id', 'gov.letter'), owner=('user_id', 'user'),
                                       vals=lambda b, n: {'operation': 'show'}, read='operation',
                                       write={'operation': 'read'}),
    # gov_letter_publication
    'gov.letter.publication': dict(dept=('letter_id', 'gov.letter'), fresh_parent=True, vals=lambda b, n: {
        'title': 'Public %d' % n, 'reply': 'reply'}, write={'title': 'renamed'}),
    # gov_letter_supervision
    'gov.letter.statistics': dict(
        dept='department_id', make=lambda b, scope, role: b.statistics(scope, role),
        vals=lambda b, n: {'number': 'M%d' % n}, read='number', write={'number': 'renamed'},
        na={('admin', 'create'): _VIEW, ('admin', 'write'): _VIEW, ('admin', 'unlink'): _VIEW}),
    # gov_solicitation
    'gov.solicitation': dict(dept='department_id', vals=lambda b, n: {
        'name': 'Matrix solicitation %d' % n, 'date_start': '2026-01-01 00:00:00',
        'date_end': '2099-01-01 00:00:00'}, fixture={'state': 'open'},
        write={'name': 'renamed'}),
    'gov.solicitation.category': dict(dept=('solicitation_id', 'gov.solicitation'), vals=lambda b, n: {
        'name': 'Matrix %d' % n}, write={'name': 'renamed'}),
    'gov.solicitation.opinion': dict(dept=('solicitation_id', 'gov.solicitation'),
                                     owner=('partner_id', 'partner'),
                                     vals=lambda b, n: {'content': 'Opinion %d' % n},
                                     write={'content': 'renamed'}),
    # gov_supervision
    'gov.supervision': dict(dept='department_id', vals=lambda b, n: {
        'res_model': 'gov.letter', 'res_id': b.one('gov.letter'), 'reason': 'Matrix %d' % n,
        'supervisor_id': _ref(b, 'gov_interaction.user_supervisor')},
        read='reason', write={'response': 'renamed'}),
    'gov.supervision.notice': dict(vals=lambda b, n: {
        'name': 'Matrix notice %d' % n, 'date_from': '2031-01-01', 'date_to': '2031-01-31'},
        write={'note': 'renamed'}),
    'gov.supervision.notice.line': dict(dept='department_id', vals=lambda b, n: {
        'notice_id': b.one('gov.supervision.notice'), 'res_model': 'gov.letter'},
        read='res_model', write={'overdue_items': 'renamed'}),
    # Odoo's models our addons extend
    'base.automation': dict(
        make=lambda b, scope, role: b.env['base.automation'].search([], limit=1),
        vals=lambda b, n: {'name': 'Matrix rule %d' % n, 'model_id': b.env['ir.model']._get('gov.letter').id,
                           'trigger': 'on_create', 'state': 'code', 'code': 'pass'},
        write={'name': 'renamed'}, na={('admin', 'create'): _RELOAD, ('admin', 'write'): _RELOAD,
                                       ('admin', 'unlink'): _RELOAD}),
    'mail.mail': dict(vals=lambda b, n: {'subject': 'Matrix %d' % n, 'body_html': '<p>x</p>'},
                      read='subject', write={'subject': 'renamed'}),
    'res.users': dict(
        owner=('id', 'user'), make=_user, unlink_make=lambda b, scope, role: b.disposable_user(scope, role),
        scopes=('own', 'other'), scoped_create=False, vals=lambda b, n: {
        'name': 'Matrix user %d' % n, 'login': 'matrix-%d@example.invalid' % n},
        write={'signature': '<p>renamed</p>'}),
    'survey.survey': dict(dept='department_id', vals=lambda b, n: {'title': 'Matrix survey %d' % n},
                          write={'title': 'renamed'}),
    'survey.user_input': dict(dept=('survey_id', 'survey.survey'), owner=('partner_id', 'partner'),
                              vals=lambda b, n: {'token': 'matrix-%d' % n}, read='token',
                              write={'email': 'renamed@example.com'}),
    'survey.user_input_line': dict(dept=('user_input_id', 'survey.user_input'), vals=lambda b, n: {
        'question_id': b.one('survey.question'), 'answer_type': 'free_text',
        'value_free_text': 'Answer %d' % n}, read='value_free_text', write={'value_free_text': 'renamed'}),
    # Odoo's models a citizen reaches
    'survey.page': dict(dept=('survey_id', 'survey.survey'), vals=lambda b, n: {'title': 'Page %d' % n},
                        write={'title': 'renamed'}),
    'survey.question': dict(dept=('page_id', 'survey.page'), vals=lambda b, n: {
        'question': 'Question %d' % n, 'type': 'free_text'}, write={'question': 'renamed'}),
    'survey.label': dict(dept=('question_id', 'survey.question'), vals=lambda b, n: {'value': 'Label %d' % n},
                         write={'value': 'renamed'}),
    'res.partner': dict(owner=('id', 'partner'), make=lambda b, scope, role: b.owner(scope, role).partner_id,
                        unlink_make=lambda b, scope, role: b.disposable_user(scope, role).partner_id,
                        scopes=('own', 'other'), scoped_create=False,
                        vals=lambda b, n: {'name': 'Matrix partner %d' % n},
                        write={'phone': '0451-0'}),
    'ir.attachment': dict(dept=('res_id', 'gov.letter'), vals=lambda b, n: {
        'name': 'matrix-%d.pdf' % n, 'datas_fname': 'matrix.pdf', 'datas': PDF, 'res_model': 'gov.letter'},
        write={'description': 'renamed'}),
    'mail.message': dict(dept=('res_id', 'gov.letter'), owner=('author_id', 'partner'), vals=lambda b, n: {
        'body': '<p>Message %d</p>' % n, 'model': 'gov.letter', 'message_type': 'comment'},
        read='body', write={'body': '<p>renamed</p>'}),
    'mail.followers': dict(dept=('res_id', 'gov.letter'), vals=lambda b, n: {
        'res_model': 'gov.letter', 'partner_id': b.partner(n)}, read='partner_id',
        write=lambda b: {'partner_id': b.partner(0)}),
}
