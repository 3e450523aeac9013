# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from werkzeug.exceptions import Forbidden

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.gov_interaction.api import ApiError
from odoo.addons.gov_interaction.tools import xlsx_file_response
from odoo.addons.gov_letter.controllers.api import find_letter

DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
STATISTICS_GROUPS = ('gov_interaction.group_gov_handler', 'gov_interaction.group_gov_clerk',
                     'gov_interaction.group_gov_supervisor')


def writer_letter(number, code):
    """The letter of the writer: by number and query code, or by number for
    the signed-in writer.  Raises ApiError (rate_limited) on too many
    wrong codes."""
    Letter = request.env['gov.letter']
    number = (number or '').strip()
    if code:
        return find_letter(number, code)
    user = request.env.user
    if number and not user._is_public():
        return Letter.sudo().search([('number', '=', number),
                                     ('partner_id', '=', user.partner_id.id)], limit=1)
    return Letter


class LetterSupervisionWebsite(http.Controller):

    @http.route('/gov_letter_supervision/statistics.xlsx', type='http', auth='user')
    def statistics_xlsx(self, date_from=None, date_to=None, department_ids=None, **kwargs):
        user = request.env.user
        if not any(user.has_group(group) for group in STATISTICS_GROUPS):
            raise Forbidden()
        Statistics = request.env['gov.letter.statistics']
        departments = [int(i) for i in (department_ids or '').split(',') if i.strip().isdigit()]
        domain = Statistics._export_domain(
            date_from if date_from and DATE.match(date_from) else None,
            date_to if date_to and DATE.match(date_to) else None, departments)
        return xlsx_file_response('%s.xlsx' % _('Letter Statistics'),
                                  lambda path: Statistics._export_xlsx(path, domain))

    @http.route('/interaction/letters/rate', type='http', auth='public', website=True,
                methods=['POST'])
    def letter_rate(self, number=None, code=None, rating=None, comment=None, reopen=None, **kwargs):
        """The writer rates the reply from the query page (or /my)."""
        error = message = None
        try:
            letter = writer_letter(number, code)
        except ApiError:
            letter, error = request.env['gov.letter'], _(
                "Too many wrong query codes for this letter; please wait and try again.")
        if not letter and not error:
            error = _("No letter matches this number and query code.")
        if letter:
            try:
                letter._rate(rating, comment, reopen=reopen in ('on', '1', 'true'))
            except UserError as exc:
                request.env.cr.rollback()
                error = exc.name
            else:
                message = _("Thank you: your rating was recorded.")
                if reopen:
                    message = _("Thank you: your letter is handled again.")
        return request.render('gov_letter.letter_query', dict(
            letter._public_page_values(),
            column=request.env['gov.interaction.column']._get('gov_interaction.column_letter'),
            number=number or '', error=error, rating_message=message,
            rating_values={'rating': rating, 'comment': comment or '', 'code': code or ''}))
