# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ReportLetterReply(models.AbstractModel):
    """答复函 (report/gov_letter_reply_report.xml): only of a replied letter."""

    _name = 'report.gov_letter.report_letter_reply'
    _description = 'Reply Letter'

    @api.model
    def get_report_values(self, docids, data=None):
        letters = self.env['gov.letter'].browse(docids)
        if any(letter.state != 'replied' for letter in letters):
            raise UserError(_("Only a replied letter has a reply letter."))
        return {'doc_ids': docids, 'doc_model': 'gov.letter', 'docs': letters}
