# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The interview compliance workbook (5.2.1, 5.2.2) over HTTP: names are
written as text, never as a formula or a link the spreadsheet would act on
when staff open the file."""
from odoo.exceptions import AccessError

from odoo.addons.gov_interaction.tests.export_job import run_background_export
from odoo.addons.gov_interaction.tests.http_common import FORMULA_LIKE, HttpTransactionCase, xlsx_cells


class TestExportFormulas(HttpTransactionCase):

    def test_5_2_2_compliance_workbook_writes_names_as_text(self):
        departments = self.env['gov.department'].search([], limit=len(FORMULA_LIKE))
        for department, name in zip(departments, FORMULA_LIKE, strict=True):
            department.name = name
        self.authenticate('office', 'office')
        response = self.url_open('/gov_interview/compliance.xlsx')
        self.assertEqual(response.status_code, 200)
        formulas, hyperlinks, texts = xlsx_cells(response.get_data())
        self.assertEqual((formulas, hyperlinks), (0, 0))
        for name in FORMULA_LIKE:
            self.assertIn(name, texts)
        # The menu writes the same table in the background.
        office = self.env.ref('gov_interaction.user_office')
        _attachment, data = run_background_export(
            self.env, self.env['gov.department'].sudo(office).action_interview_compliance_xlsx())
        self.assertEqual(xlsx_cells(data), (formulas, hyperlinks, texts))
        citizen = self.env.ref('gov_interaction.user_citizen')
        with self.assertRaises(AccessError):
            self.env['gov.department'].sudo(citizen).action_interview_compliance_xlsx()
