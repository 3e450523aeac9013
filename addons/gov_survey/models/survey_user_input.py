# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Citizens and visitors reach responses only through the survey pages: the
# pages (controllers/main.py) call Odoo's survey code in an environment
# marked with this object, which no RPC client can put in a context.
_SURVEY_PAGE = object()
SURVEY_PAGE_KEY = 'gov_survey_page'


def survey_page_context(context):
    """``context`` for the survey pages' own work on responses."""
    return dict(context, **{SURVEY_PAGE_KEY: _SURVEY_PAGE})


def check_page_access(model, operation):
    """True when ``model``'s environment is a survey page's (not unlink)."""
    return model.env.context.get(SURVEY_PAGE_KEY) is _SURVEY_PAGE and operation != 'unlink'


class SurveyUserInput(models.Model):
    """A response.  Odoo's survey gives every user create, read and write
    on all responses (a global access right); ours gives them only to the
    survey staff, and to citizens through the survey pages (4.2 d)."""

    _inherit = 'survey.user_input'

    department_id = fields.Many2one(related='survey_id.department_id', store=True, readonly=True)
    gov_one_response = fields.Boolean('One Response Enforced', store=True,
                                      compute='_compute_gov_one_response')

    @api.depends('survey_id.one_response', 'survey_id.gov_column_id')
    def _compute_gov_one_response(self):
        for user_input in self:
            survey = user_input.survey_id
            user_input.gov_one_response = bool(survey.one_response and survey.gov_column_id)

    @api.model_cr
    def init(self):
        # One response per citizen account, even with two requests at once.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS survey_user_input_gov_one_response
            ON survey_user_input (survey_id, partner_id)
            WHERE gov_one_response AND partner_id IS NOT NULL AND NOT COALESCE(test_entry, FALSE)
        """)

    @api.constrains('survey_id', 'partner_id', 'test_entry')
    def _check_one_response(self):
        for user_input in self:
            if not user_input.gov_one_response or not user_input.partner_id or user_input.test_entry:
                continue
            others = self.sudo().search_count([
                ('survey_id', '=', user_input.survey_id.id),
                ('partner_id', '=', user_input.partner_id.id),
                ('test_entry', '=', False), ('id', '!=', user_input.id)])
            if others:
                raise ValidationError(_("You have already answered this survey: each account "
                                        "answers once."))

    @api.model
    def check_access_rights(self, operation, raise_exception=True):
        if check_page_access(self, operation):
            return True
        return super(SurveyUserInput, self).check_access_rights(operation, raise_exception)
