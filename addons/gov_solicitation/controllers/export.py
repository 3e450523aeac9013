# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX export of the opinions with their adoption decisions (5.1.5)."""
import io

import xlsxwriter

from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from ..tools import local_time

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
# Citizens' text is written as text, never as what it looks like: an opinion
# or answer starting with '=' would otherwise become a live formula (e.g.
# =HYPERLINK to a phishing site, or =WEBSERVICE sending the sheet out), an
# address a clickable link, a number-like text a number.
WORKBOOK_OPTIONS = {'in_memory': True, 'strings_to_formulas': False, 'strings_to_urls': False,
                    'strings_to_numbers': False}


def readable(model, record_id):
    """The record if the user may read it (record rules included), else None."""
    if not request.env.user.has_group('base.group_user'):
        return None
    record = request.env[model].browse(record_id).exists()
    try:
        record.check_access_rights('read')
        record.check_access_rule('read')
    except AccessError:
        return None
    return record or None


def refused():
    """The answer for a record the user may not export: 404, the same as
    for one that does not exist, so another department's records are not
    even confirmed to exist."""
    return http.Response(_("You are not allowed to export this."), status=404,
                         content_type='text/plain; charset=utf-8')


def xlsx_response(workbook_writer, filename):
    """Build a workbook with ``workbook_writer(workbook)`` and answer it."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    workbook_writer(workbook)
    workbook.close()
    return request.make_response(output.getvalue(), headers=[
        ('Content-Type', XLSX), ('Content-Disposition', content_disposition(filename))])


class SolicitationExport(http.Controller):

    @http.route('/gov_solicitation/export/<int:solicitation_id>', type='http', auth='user')
    def export_opinions(self, solicitation_id, **kwargs):
        # Read through the user's rights: record rules decide who may export.
        solicitation = readable('gov.solicitation', solicitation_id)
        if not solicitation:
            return refused()
        opinions = request.env['gov.solicitation.opinion'].search(
            [('solicitation_id', '=', solicitation.id)], order='date, id')
        decisions = dict(opinions._fields['decision']._description_selection(request.env))
        channels = dict(opinions._fields['channel']._description_selection(request.env))

        def write(workbook):
            bold = workbook.add_format({'bold': True, 'bg_color': '#DDEBF7', 'border': 1})
            wrap = workbook.add_format({'text_wrap': True, 'valign': 'top'})
            sheet = workbook.add_worksheet(_('Opinions'))
            headers = [_('No.'), _('Submitted On'), _('Channel'), _('Opinion'),
                       _('Classification'), _('Adoption'), _('Reason'), _('Accepted On'),
                       _('Replied On'), _('Replying Department'), _('Reply')]
            widths = [6, 17, 12, 60, 18, 12, 30, 17, 17, 20, 50]
            for column, (header, width) in enumerate(zip(headers, widths, strict=True)):
                sheet.write(0, column, header, bold)
                sheet.set_column(column, column, width)
            for row, opinion in enumerate(opinions, start=1):
                sheet.write_row(row, 0, [
                    row, local_time(opinion.date), channels.get(opinion.channel, ''),
                    opinion.content, opinion.category_id.name or '',
                    decisions.get(opinion.decision, ''), opinion.decision_reason or '',
                    local_time(opinion.date_accepted), local_time(opinion.date_replied),
                    opinion.reply_department_id.name or '', opinion.reply or ''], wrap)
            sheet.freeze_panes(1, 0)
            if opinions:
                sheet.autofilter(0, 0, len(opinions), len(headers) - 1)
            stats = workbook.add_worksheet(_('Statistics'))
            stats.set_column(0, 0, 24)
            data = solicitation._public_statistics()
            stats.write_row(0, 0, [solicitation.name], bold)
            stats.write_row(1, 0, [_('Opinions'), data['opinion_count']])
            stats.write_row(2, 0, [_('Adopted'), data['adopted_count']])
            stats.write_row(3, 0, [_('Participants'), data['participant_count']])
            stats.write_row(5, 0, [_('Adoption'), _('Count'), _('Percent')], bold)
            for index, item in enumerate(data['by_decision'], start=6):
                stats.write_row(index, 0, [item['label'], item['count'], item['percent'] / 100.0])
            start = 7 + len(data['by_decision'])
            stats.write_row(start, 0, [_('Classification'), _('Count'), _('Percent')], bold)
            for index, item in enumerate(data['by_category'], start=start + 1):
                stats.write_row(index, 0, [item['label'], item['count'], item['percent'] / 100.0])
            chart = workbook.add_chart({'type': 'bar'})
            last = 5 + len(data['by_decision'])
            chart.add_series({'name': _('Adoption'), 'categories': [stats.name, 6, 0, last, 0],
                              'values': [stats.name, 6, 1, last, 1]})
            stats.insert_chart('E2', chart)

        return xlsx_response(write, 'opinions-%s.xlsx' % solicitation.id)
