# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Public statistics of letters (4.2 b "有关统计数据", 5.1.5 charts): a page
with SVG charts and tables, the same figures as CSV (open data) and in the
API.  Only aggregates of the last twelve months (gov.letter.statistics.
_public_summary); the CSV opens in Excel (UTF-8 with a byte-order mark)."""
import csv
import io

from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.api import API_ROOT, api_route
from odoo.addons.gov_interaction.tools import chart_rows


def _summary():
    return request.env['gov.letter.statistics'].sudo()._public_summary()


def _with_texts(summary):
    """The rates and averages as the page shows them (a dash for none)."""
    def text(value, suffix=''):
        return '—' if value is None else '%.1f%s' % (value, suffix)
    for row in summary['months'] + summary['units'] + [summary['total']]:
        row.update(on_time_text=text(row['on_time_rate'], '%'), reply_days_text=text(row['reply_days']),
                   satisfaction_text=text(row['satisfaction_rate'], '%'))
    return summary


def _csv_columns():
    return [('label', _('Month or Unit')), ('received', _('Letters Received')),
            ('accepted', _('Letters Accepted')), ('replied', _('Letters Replied')),
            ('on_time_rate', _('On-Time Rate (%)')), ('reply_days', _('Average Working Days to Reply')),
            ('satisfaction_rate', _('Satisfaction (%)'))]


class LetterStatisticsWebsite(http.Controller):

    @http.route('/interaction/letters/statistics', type='http', auth='public', website=True,
                methods=['GET'])
    def statistics_page(self, **kwargs):
        summary = _with_texts(_summary())
        total = summary['total']
        return request.render('gov_letter_supervision.letter_statistics_page', {
            'column': request.env['gov.interaction.column']._get('gov_interaction.column_letter'),
            'summary': summary,
            'month_rows': chart_rows([(row['label'], row['received']) for row in summary['months']],
                                     total['received']),
            'unit_rows': chart_rows([(row['label'], row['replied']) for row in summary['units']],
                                    total['replied']),
            'rating_rows': chart_rows([(_('Satisfied'), total['satisfied']),
                                       (_('Basically Satisfied'), total['basic']),
                                       (_('Unsatisfied'), total['unsatisfied'])],
                                      total['satisfied'] + total['basic'] + total['unsatisfied']),
        })

    @http.route('/interaction/letters/statistics.csv', type='http', auth='public', website=True,
                methods=['GET'])
    def statistics_csv(self, **kwargs):
        summary = _summary()
        columns = _csv_columns()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([_('Section')] + [title for _key, title in columns])
        for section, rows in ((_('By Month'), summary['months']), (_('By Replying Unit'), summary['units']),
                              (_('All Letters'), [summary['total']])):
            for row in rows:
                writer.writerow([section] + ['' if row[key] is None else row[key] for key, _title in columns])
        body = '\ufeff' + out.getvalue()
        return request.make_response(body.encode('utf-8'), headers=[
            ('Content-Type', 'text/csv; charset=utf-8'),
            ('Content-Disposition', 'attachment; filename="letter-statistics.csv"')])


class LetterStatisticsApi(http.Controller):

    @api_route(API_ROOT + '/letters/statistics', auth='public')
    def statistics(self):
        """The public statistics of letters of the last twelve months."""
        return _summary()
