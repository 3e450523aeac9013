# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX export of the opinions with their adoption decisions (5.1.5)."""
from odoo import _, http
from odoo.http import request

from odoo.addons.gov_interaction.tools import Row, local_time, readable, refused, xlsx_response

OPINION_WIDTHS = [6, 17, 12, 60, 18, 12, 30, 17, 17, 20, 50]


def opinion_sheet(opinions):
    """The opinions, one a row, with their decisions and replies."""
    env = opinions.env
    decisions = dict(opinions._fields['decision']._description_selection(env))
    channels = dict(opinions._fields['channel']._description_selection(env))
    headers = [_('No.'), _('Submitted On'), _('Channel'), _('Opinion'),
               _('Classification'), _('Adoption'), _('Reason'), _('Accepted On'),
               _('Replied On'), _('Replying Department'), _('Reply')]
    rows = ([number, local_time(env, opinion.date), channels.get(opinion.channel, ''),
             opinion.content, opinion.category_id.name or '',
             decisions.get(opinion.decision, ''), opinion.decision_reason or '',
             local_time(env, opinion.date_accepted), local_time(env, opinion.date_replied),
             opinion.reply_department_id.name or '', opinion.reply or '']
            for number, opinion in enumerate(opinions, start=1))
    return (_('Opinions'), headers, rows, {
        'widths': OPINION_WIDTHS, 'header_style': 'header', 'row_style': 'wrap',
        'autofilter': True})


def statistics_sheet(solicitation):
    """The counts and the adoption and classification tables, with a chart
    of the adoption."""
    data = solicitation._public_statistics()
    by_decision = [[item['label'], item['count'], item['percent'] / 100.0]
                   for item in data['by_decision']]
    by_category = [[item['label'], item['count'], item['percent'] / 100.0]
                   for item in data['by_category']]
    rows = [[_('Opinions'), data['opinion_count']], [_('Adopted'), data['adopted_count']],
            [_('Participants'), data['participant_count']], [],
            Row([_('Adoption'), _('Count'), _('Percent')], 'header')] + by_decision + [
            [], Row([_('Classification'), _('Count'), _('Percent')], 'header')] + by_category
    last = 5 + len(by_decision)
    chart = {'type': 'bar', 'anchor': 'E2', 'series': [
        {'name': _('Adoption'), 'categories': (6, 0, last, 0), 'values': (6, 1, last, 1)}]}
    return (_('Statistics'), [solicitation.name], rows, {
        'widths': [24], 'header_style': 'header', 'freeze': None, 'charts': [chart]})


class SolicitationExport(http.Controller):

    @http.route('/gov_solicitation/export/<int:solicitation_id>', type='http', auth='user')
    def export_opinions(self, solicitation_id, **kwargs):
        # Read through the user's rights: record rules decide who may export.
        solicitation = readable('gov.solicitation', solicitation_id)
        if not solicitation:
            return refused()
        opinions = request.env['gov.solicitation.opinion'].search(
            [('solicitation_id', '=', solicitation.id)], order='date, id')
        return xlsx_response('opinions-%s.xlsx' % solicitation.id,
                             [opinion_sheet(opinions), statistics_sheet(solicitation)])
