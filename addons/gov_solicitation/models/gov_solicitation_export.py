# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX export of the opinions with their adoption decisions (5.1.5)."""
from odoo import _, api, models

from odoo.addons.gov_interaction.tools import Row, local_time

OPINION_WIDTHS = [6, 17, 12, 60, 18, 12, 30, 17, 17, 20, 50]


class GovSolicitation(models.Model):
    _inherit = 'gov.solicitation'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def action_export_xlsx(self):
        """5.1.5: the opinions and statistics, written in the background."""
        self.ensure_one()
        return self.env['gov.export.job']._start_record(self, 'opinions-%s.xlsx' % self.id)

    @api.multi
    def _xlsx_sheets(self):
        self.ensure_one()
        return [self._xlsx_opinion_sheet(), self._xlsx_statistics_sheet()]

    @api.multi
    def _xlsx_opinion_sheet(self):
        """The opinions, one a row, with their decisions and replies."""
        env = self.env
        opinions = env['gov.solicitation.opinion'].search(
            [('solicitation_id', '=', self.id)], order='date, id')
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

    @api.multi
    def _xlsx_statistics_sheet(self):
        """The counts and the adoption and classification tables, with a chart
        of the adoption."""
        data = self._public_statistics()
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
        return (_('Statistics'), [self.name], rows, {
            'widths': [24], 'header_style': 'header', 'freeze': None, 'charts': [chart]})
