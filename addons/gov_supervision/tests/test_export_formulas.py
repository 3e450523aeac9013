# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The constant-memory XLSX writer of the notices (5.3.7) and the letter
statistics (5.1.5): texts are written as text, never as a formula or a link
the spreadsheet would act on when staff open the file."""
import io
import xml.etree.ElementTree as ET
import zipfile

from odoo.tests.common import TransactionCase

from odoo.addons.gov_interaction.tests.http_common import FORMULA_LIKE, SHEET
from odoo.addons.gov_interaction.tools import xlsx_bytes


class TestExportFormulas(TransactionCase):

    def test_5_3_7_xlsx_writer_writes_texts_as_text(self):
        data = xlsx_bytes([('通报', ['单位', '逾期事项'], [(text, text) for text in FORMULA_LIKE])])
        with zipfile.ZipFile(io.BytesIO(data)) as xlsx:
            sheet = ET.fromstring(xlsx.read('xl/worksheets/sheet1.xml'))
        self.assertFalse(list(sheet.iter(SHEET + 'f')))
        self.assertFalse(list(sheet.iter(SHEET + 'hyperlink')))
        # constant-memory mode writes strings inline in the sheet
        texts = [''.join(cell.find(SHEET + 'is').itertext()) for cell in sheet.iter(SHEET + 'c')
                 if cell.get('t') == 'inlineStr']
        for text in FORMULA_LIKE:
            self.assertEqual(texts.count(text), 2)
