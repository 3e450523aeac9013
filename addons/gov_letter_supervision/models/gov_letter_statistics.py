# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import decimal

from psycopg2 import sql

from odoo import _, api, fields, models, tools

from odoo.addons.gov_interaction.tools import local_tz, utc_day_start, write_xlsx
from odoo.addons.gov_letter.models.gov_letter import LETTER_TYPES

from .gov_letter import RATINGS

STATES = [
    ('new', 'To Accept'),
    ('accepted', 'Accepted'),
    ('transfer', 'Transfer Requested'),
    ('review', 'To Review'),
    ('replied', 'Replied'),
    ('rejected', 'Not Accepted'),
]
EXPORT_BATCH = 5000


class GovLetterStatistics(models.Model):
    """Letter statistics (4.2 b, 5.1.5): one row per letter with counters,
    summed (or averaged) by department and period in pivot and graph
    views.  A SQL view over gov_letter: always current, nothing stored."""

    _name = 'gov.letter.statistics'
    _description = 'Letter Statistics'
    _auto = False
    _rec_name = 'number'
    _order = 'date_received desc'

    number = fields.Char(readonly=True)
    date_received = fields.Datetime('Received On', readonly=True)
    month = fields.Char(readonly=True, help="Local month of receipt (YYYY-MM).")
    department_id = fields.Many2one('gov.department', readonly=True)
    category_id = fields.Many2one('gov.letter.category', readonly=True)
    letter_type = fields.Selection(LETTER_TYPES, 'Type', readonly=True)
    state = fields.Selection(STATES, 'Status', readonly=True)
    rating = fields.Selection(RATINGS, 'Satisfaction', readonly=True)
    received_count = fields.Integer('Letters Received', readonly=True)
    accepted_count = fields.Integer('Letters Accepted', readonly=True)
    rejected_count = fields.Integer('Letters Not Accepted', readonly=True)
    replied_count = fields.Integer('Letters Replied', readonly=True)
    on_time_count = fields.Integer('Replied on Time', readonly=True)
    overdue_count = fields.Integer('Letters Overdue', readonly=True)
    reply_working_days = fields.Float('Average Working Days to Reply', readonly=True,
                                      group_operator='avg', digits=(6, 1))
    rated_count = fields.Integer('Letters Rated', readonly=True)
    satisfied_count = fields.Integer('Satisfied', readonly=True)
    basic_count = fields.Integer('Basically Satisfied', readonly=True)
    unsatisfied_count = fields.Integer('Unsatisfied', readonly=True)
    satisfaction_rate = fields.Float(
        'Satisfaction (%)', readonly=True, group_operator='avg', digits=(5, 1),
        help="Share of rated replies judged satisfied or basically satisfied.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self._init_received_month()
        self.env.cr.execute("""
            CREATE VIEW gov_letter_statistics AS (
                SELECT l.id, l.number, l.date_received, l.received_month AS month,
                       l.department_id, l.category_id,
                       l.letter_type, l.state, l.rating,
                       1 AS received_count,
                       (l.date_accepted IS NOT NULL)::int AS accepted_count,
                       (l.state = 'rejected')::int AS rejected_count,
                       (l.state = 'replied')::int AS replied_count,
                       (l.state = 'replied' AND l.date_replied <= l.deadline_reply)::int
                           AS on_time_count,
                       (l.state <> 'rejected'
                        -- the time once per query (an InitPlan), not per row
                        AND l.deadline_reply < (SELECT now() AT TIME ZONE 'UTC')
                        AND (l.date_replied IS NULL OR l.date_replied > l.deadline_reply))::int
                           AS overdue_count,
                       CASE WHEN l.state = 'replied' THEN l.reply_working_days END
                           AS reply_working_days,
                       (l.rating IS NOT NULL)::int AS rated_count,
                       (l.rating = 'satisfied')::int AS satisfied_count,
                       (l.rating = 'basic')::int AS basic_count,
                       (l.rating = 'unsatisfied')::int AS unsatisfied_count,
                       CASE WHEN l.rating IN ('satisfied', 'basic') THEN 100.0
                            WHEN l.rating = 'unsatisfied' THEN 0.0 END AS satisfaction_rate
                  FROM gov_letter l
            )""")

    @api.model
    def _init_received_month(self):
        """``gov_letter.received_month``: the local month of receipt
        ('YYYY-MM', in the national calendar's time zone), a column
        PostgreSQL computes when a letter is written (a generated column,
        PostgreSQL 12).  The pivot groups a million letters by it in about
        half the time of converting and truncating every row's time there
        (issue 14: each dashboard within 300 ms).  Made again when the time
        zone changed (the national calendar's write calls :meth:`init`)."""
        cr, zone = self.env.cr, local_tz(self.env).zone
        expression = sql.SQL(
            "extract(year FROM timezone({zone}, timezone('UTC', date_received)))::int::text || '-' "
            "|| lpad(extract(month FROM timezone({zone}, timezone('UTC', date_received)))::int::text,"
            " 2, '0')").format(zone=sql.Literal(zone))
        # The column's comment names the time zone it was computed in.
        cr.execute("""SELECT col_description(attrelid, attnum) FROM pg_attribute
                       WHERE attrelid = 'gov_letter'::regclass AND attname = 'received_month'
                         AND NOT attisdropped""")
        current = cr.fetchone()
        if current and current[0] == zone:
            return
        if current:
            cr.execute("ALTER TABLE gov_letter DROP COLUMN received_month")
        cr.execute(sql.SQL("ALTER TABLE gov_letter ADD COLUMN received_month varchar "
                           "GENERATED ALWAYS AS ({}) STORED").format(expression))
        cr.execute("COMMENT ON COLUMN gov_letter.received_month IS %s", [zone])
        # Statistics on the pivot's grouping, gathered by ANALYZE:
        # PostgreSQL then knows the groups are few and sums the letters in
        # a hash table instead of sorting them.
        cr.execute("DROP STATISTICS IF EXISTS gov_letter_department_month_stats")
        cr.execute("CREATE STATISTICS gov_letter_department_month_stats (ndistinct) "
                   "ON department_id, received_month FROM gov_letter")

    # ------------------------------------------------------------------
    # XLSX export: constant memory, rows streamed from a server-side cursor
    # ------------------------------------------------------------------

    @api.model
    def _export_domain(self, date_from=None, date_to=None, department_ids=None):
        """Letters received from ``date_from`` through ``date_to`` (local
        dates, 'YYYY-MM-DD') in ``department_ids``."""
        domain = []
        if date_from:
            domain.append(('date_received', '>=', self._utc_day_start(date_from)))
        if date_to:
            next_day = fields.Date.from_string(date_to) + datetime.timedelta(days=1)
            domain.append(('date_received', '<', self._utc_day_start(next_day)))
        if department_ids:
            domain.append(('department_id', 'in', list(department_ids)))
        return domain

    @api.model
    def _utc_day_start(self, day):
        return fields.Datetime.to_string(utc_day_start(self.env, day))

    @api.model
    def _export_query(self, domain):
        """SQL and parameters of the rows of ``domain`` the user may read
        (record rules applied)."""
        query = self._where_calc(domain)
        self._apply_ir_rules(query, 'read')
        from_clause, where_clause, params = query.get_sql()
        return from_clause, where_clause or 'TRUE', params

    @api.model
    def _summary_rows(self, domain):
        """Per department and local month: the counters of the pivot view."""
        from_clause, where_clause, params = self._export_query(domain)
        self.env.cr.execute("""
            SELECT "gov_letter_statistics".department_id,
                   "gov_letter_statistics".month AS period,
                   sum(received_count), sum(accepted_count), sum(rejected_count),
                   sum(replied_count), sum(on_time_count), sum(overdue_count),
                   round(avg(reply_working_days)::numeric, 1),
                   sum(satisfied_count), sum(basic_count), sum(unsatisfied_count),
                   round(avg(satisfaction_rate)::numeric, 1)
              FROM {f} WHERE {w}
          GROUP BY 1, 2 ORDER BY 2, 1""".format(f=from_clause, w=where_clause), params)
        return self.env.cr.fetchall()

    @api.model
    def _export_xlsx(self, path, domain=None, progress=None):
        """Write the statistics of ``domain`` to ``path``: a summary sheet
        per department and month, and one row per letter, counted in
        ``progress`` (a background export's).  Returns the number of
        letters."""
        domain = domain or []
        departments = {d.id: d.complete_name for d in
                       self.env['gov.department'].sudo().with_context(active_test=False).search(
                           [('id', '!=', 0)])}
        categories = {c.id: c.name for c in self.env['gov.letter.category'].sudo().search(
            [('id', '!=', 0)])}
        types = dict(self._fields['letter_type']._description_selection(self.env))
        states = dict(self._fields['state']._description_selection(self.env))
        ratings = dict(self._fields['rating']._description_selection(self.env))
        yes, no = _('Yes'), _('No')

        summary_headers = [
            _('Department'), _('Month'), _('Letters Received'), _('Letters Accepted'),
            _('Letters Not Accepted'), _('Letters Replied'), _('Replied on Time'),
            _('Letters Overdue'), _('Average Working Days to Reply'),
            _('Satisfied'), _('Basically Satisfied'), _('Unsatisfied'), _('Satisfaction (%)')]
        summary = [[departments.get(row[0], _('Not assigned'))] + [_plain(value) for value in row[1:]]
                   for row in self._summary_rows(domain)]

        letter_headers = [
            _('Number'), _('Received On'), _('Department'), _('Category'), _('Type'), _('Status'),
            _('Reply Deadline'), _('Replied On'), _('Working Days to Reply'), _('Replied on Time'),
            _('Satisfaction')]

        tz = local_tz(self.env).zone

        def letter_rows():
            from_clause, where_clause, params = self._export_query(domain)
            # Local times (the national calendar's time zone) formatted by
            # PostgreSQL, the rest mapped here.
            sql = """
                SELECT l.number,
                       to_char(l.date_received AT TIME ZONE 'UTC' AT TIME ZONE %s, 'YYYY-MM-DD HH24:MI'),
                       l.department_id, l.category_id, l.letter_type, l.state,
                       to_char(l.deadline_reply AT TIME ZONE 'UTC' AT TIME ZONE %s, 'YYYY-MM-DD HH24:MI'),
                       to_char(l.date_replied AT TIME ZONE 'UTC' AT TIME ZONE %s, 'YYYY-MM-DD HH24:MI'),
                       l.reply_working_days, l.replied_on_time, l.rating
                  FROM gov_letter l
                 WHERE l.id IN (SELECT "gov_letter_statistics".id FROM {f} WHERE {w})
              ORDER BY l.date_received, l.id""".format(f=from_clause, w=where_clause)
            # A named (server-side) cursor in the same transaction: rows
            # arrive in batches instead of all at once.
            cursor = self.env.cr._cnx.cursor('gov_letter_statistics_export')
            cursor.itersize = EXPORT_BATCH
            try:
                cursor.execute(sql, [tz] * 3 + list(params))
                for (number, received, department, category, letter_type, state, deadline,
                     replied, days, on_time, rating) in cursor:
                    yield (number, received, departments.get(department, ''),
                           categories.get(category, ''), types.get(letter_type, ''),
                           states.get(state, ''), deadline, replied,
                           days if replied else None, (yes if on_time else no) if replied else None,
                           ratings.get(rating))
            finally:
                cursor.close()

        if progress:
            progress.total = len(summary) + self._export_count(domain)
        count = write_xlsx(path, [
            (_('Statistics'), summary_headers, summary),
            (_('Letters'), letter_headers, letter_rows()),
        ], progress)
        return count - len(summary)

    @api.model
    def _export_count(self, domain):
        from_clause, where_clause, params = self._export_query(domain)
        self.env.cr.execute('SELECT count(*) FROM {f} WHERE {w}'.format(
            f=from_clause, w=where_clause), params)
        return self.env.cr.fetchone()[0]


def _plain(value):
    return float(value) if isinstance(value, decimal.Decimal) else value
