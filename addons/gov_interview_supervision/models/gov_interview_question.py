# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class GovInterviewQuestion(models.Model):
    """Interview questions with service levels (5.2.6 with 5.3.7): the
    public reply is due 7 working days after the interview; the organiser
    is urged (催办) before, a late reply is supervised (督办)."""

    _name = 'gov.interview.question'
    _inherit = ['gov.interview.question', 'gov.sla.mixin']

    _sla_deadline_field = 'reply_deadline'
    _sla_open_domain = [('state', '=', 'approved'), ('answer', '=', False),
                        ('reply_deadline', '!=', False)]
    _sla_done_field = 'date_answered'
    _sla_department_field = 'department_id'
    _sla_follow_up_levels = ('warning', 'due', 'overdue')

    @api.multi
    def _sla_on_level_change(self, level):
        """The organiser is reminded (催办) while the public reply is near
        or due; a late one is supervised (督办)."""
        if level in ('warning', 'due'):
            self._sla_urge()
        elif level == 'overdue':
            self._sla_supervise()
        return super(GovInterviewQuestion, self)._sla_on_level_change(level)
