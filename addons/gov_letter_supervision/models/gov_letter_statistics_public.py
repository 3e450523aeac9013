# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public statistics of letters (4.2 b, 5.1.5): the same counters as the
back office's pivot, per month and per replying unit, as the site's page,
its CSV and the API show them.  Aggregates only: no letter, no person."""
from odoo import _, api, models

from odoo.addons.gov_interaction.tools import local_today

# One query, three groupings: per month, per unit, all.
PUBLIC_SUMMARY = """
    SELECT month, department_id, GROUPING(month, department_id),
           coalesce(sum(received_count), 0), coalesce(sum(accepted_count), 0),
           coalesce(sum(replied_count), 0), coalesce(sum(on_time_count), 0),
           round(avg(reply_working_days)::numeric, 1),
           coalesce(sum(satisfied_count), 0), coalesce(sum(basic_count), 0),
           coalesce(sum(unsatisfied_count), 0)
      FROM gov_letter_statistics
     WHERE month >= %s
  GROUP BY GROUPING SETS ((month), (department_id), ())
"""
FIGURES = ('received', 'accepted', 'replied', 'on_time', 'reply_days',
           'satisfied', 'basic', 'unsatisfied')


class GovLetterStatistics(models.Model):
    _inherit = 'gov.letter.statistics'

    @api.model
    def _public_summary(self, months=12):
        """The last ``months`` local months (this one included): a dict of
        ``months`` and ``units`` (lists of rows) and ``total`` (one row);
        a row has its ``label`` and FIGURES, with ``on_time_rate`` and
        ``satisfaction_rate`` in percent (None without replies or ratings)."""
        today = local_today(self.env)
        first = today.year * 12 + today.month - 1 - (months - 1)
        since = '%04d-%02d' % (first // 12, first % 12 + 1)
        units = {unit.id: unit.name for unit in self.env['gov.department'].sudo().with_context(
            active_test=False).search([('id', '!=', 0)])}
        self.env.cr.execute(PUBLIC_SUMMARY, [since])
        summary = {'since': since, 'months': [], 'units': [], 'total': None}
        for month, unit, grouping, *figures in self.env.cr.fetchall():
            row = _row(figures)
            if grouping == 3:
                summary['total'] = dict(row, label=_('All Letters'))
            elif grouping == 1:
                summary['months'].append(dict(row, label=month))
            else:
                summary['units'].append(dict(row, label=units.get(unit) or _('Not yet assigned')))
        summary['months'].sort(key=lambda row: row['label'])
        summary['units'].sort(key=lambda row: -row['received'])
        summary['total'] = summary['total'] or dict(_row([0, 0, 0, 0, None, 0, 0, 0]), label=_('All Letters'))
        return summary


def _row(figures):
    """FIGURES of one result row, with the rates in percent."""
    row = dict(zip(FIGURES, figures, strict=True))
    row.update({name: int(row[name]) for name in FIGURES if name != 'reply_days'})
    row['reply_days'] = None if row['reply_days'] is None else float(row['reply_days'])
    rated = row['satisfied'] + row['basic'] + row['unsatisfied']
    row['on_time_rate'] = round(100.0 * row['on_time'] / row['replied'], 1) if row['replied'] else None
    row['satisfaction_rate'] = round(100.0 * (row['satisfied'] + row['basic']) / rated, 1) \
        if rated else None
    return row
