# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one XLSX writer of every export (5.1.5, 5.3.7): text stays text,
numbers numbers, rows are streamed in constant memory, and the layouts the
exports need (title lines, styles, widths, filter, chart)."""
import io
import os
import tempfile
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from unittest import TestCase

from ..tools import XLSX_MIMETYPE, Cell, Progress, Row, write_xlsx, xlsx_bytes
from .http_common import FORMULA_LIKE, SHEET, xlsx_cells


def worksheet(data, number=1):
    with zipfile.ZipFile(io.BytesIO(data)) as xlsx:
        return ET.fromstring(xlsx.read('xl/worksheets/sheet%d.xml' % number)), xlsx.namelist()


def cells(sheet):
    """{reference: (type, text)} of the worksheet's cells."""
    result = {}
    for cell in sheet.iter(SHEET + 'c'):
        text = cell.find(SHEET + 'is')
        value = cell.find(SHEET + 'v')
        result[cell.get('r')] = (cell.get('t'), ''.join(text.itertext()) if text is not None
                                 else value.text if value is not None else None)
    return result


class TestToolsXlsx(TestCase):

    def test_mimetype(self):
        self.assertEqual(XLSX_MIMETYPE, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')

    def test_5_1_5_text_starting_with_equals_is_written_as_text(self):
        data = xlsx_bytes([('意见', ['意见', '数量'], [(text, 1) for text in FORMULA_LIKE + ('=1+1',)])])
        formulas, hyperlinks, texts = xlsx_cells(data)
        self.assertEqual((formulas, hyperlinks), (0, 0))
        sheet, names = worksheet(data)
        self.assertFalse(list(sheet.iter(SHEET + 'f')))
        # Strings inline in the sheet (constant-memory mode): no shared strings table.
        self.assertNotIn('xl/sharedStrings.xml', names)
        self.assertEqual(cells(sheet)['A7'], ('inlineStr', '=1+1'))
        self.assertEqual(cells(sheet)['A2'], ('inlineStr', FORMULA_LIKE[0]))
        self.assertEqual(cells(sheet)['B2'], (None, '1'))  # a number stays a number
        self.assertEqual(texts, set(FORMULA_LIKE) | {'=1+1', '意见', '数量'})

    def test_5_1_5_values_by_type_and_empty_cells_skipped(self):
        data = xlsx_bytes([('S', ['a', 'b', 'c', 'd'], [(12.5, None, '', '00123'), (False, 0, 'x', True)])])
        found = cells(worksheet(data)[0])
        self.assertEqual(found['A2'], (None, '12.5'))
        self.assertEqual(found['D2'], ('inlineStr', '00123'))  # a number-like text stays text
        self.assertNotIn('B2', found)
        self.assertNotIn('C2', found)
        self.assertNotIn('A3', found)
        self.assertEqual(found['B3'], (None, '0'))

    def test_5_1_5_rows_are_streamed_in_constant_memory(self):
        """40,000 distinct texts (about 4 MB; some 19 MB in xlsxwriter's
        default mode) written with under 2 MB."""
        def rows():
            for index in range(20000):
                yield ('%06d ' % index + 'x' * 90, '%06d ' % index + 'y' * 90, index)

        with tempfile.TemporaryDirectory() as directory:
            tracemalloc.start()
            try:
                count = write_xlsx(os.path.join(directory, 'big.xlsx'), [('大表', ['a', 'b', 'n'], rows())])
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        self.assertEqual(count, 20000)
        self.assertLess(peak, 2 * 1024 * 1024)

    def test_5_2_1_layout_title_styles_widths_filter_chart(self):
        data = xlsx_bytes([('统计', ['项目', '数量', '比例'], [
            Row(['甲', 3, Cell(0.75, 'percent')], 'alert'),
            ['乙', 1, Cell(0.25, 'percent')],
        ], {'top': [Row(['标题'], 'title'), ['说明'], []], 'widths': [30, 10, 10],
            'header_style': 'header', 'freeze': (4, 1), 'autofilter': True,
            'charts': [{'type': 'bar', 'anchor': 'E2', 'series': [
                {'name': '数量', 'categories': (4, 0, 5, 0), 'values': (4, 1, 5, 1)}]}]})])
        sheet, names = worksheet(data)
        found = cells(sheet)
        self.assertEqual(found['A1'][1], '标题')
        self.assertEqual(found['A2'][1], '说明')
        self.assertEqual(found['A4'][1], '项目')  # the header below the title lines
        self.assertEqual(found['A5'][1], '甲')
        self.assertEqual(found['C6'], (None, '0.25'))
        self.assertEqual(sheet.find(SHEET + 'autoFilter').get('ref'), 'A4:C6')
        self.assertEqual(sheet.find('.//%spane' % SHEET).get('topLeftCell'), 'B5')
        widths = [(col.get('min'), col.get('max'), float(col.get('width')))
                  for col in sheet.iter(SHEET + 'col')]
        self.assertEqual(widths, [('1', '1', 30.7109375), ('2', '3', 10.7109375)])
        self.assertIn('xl/charts/chart1.xml', names)
        with zipfile.ZipFile(io.BytesIO(data)) as xlsx:
            chart = xlsx.read('xl/charts/chart1.xml').decode()
        self.assertIn('$A$5:$A$6', chart)


class TestToolsXlsxProgress(TestCase):
    """A background export's progress: data rows counted as they are
    written, reported every few thousand rows and once at the end."""

    def test_5_1_5_progress_counts_data_rows_and_reports_the_end(self):
        reports = []
        progress = Progress(lambda done, total: reports.append((done, total)), total=12, every=5)
        rows = write_xlsx(io.BytesIO(), [
            ('一', ['序号'], [(n,) for n in range(7)], {'top': ['标题']}),
            ('二', ['序号'], [(n,) for n in range(5)]),
        ], progress)
        self.assertEqual(rows, 12)
        self.assertEqual(progress.done, 12)
        self.assertEqual(reports, [(5, 12), (10, 12), (12, 12)])

    def test_5_1_5_progress_total_never_below_what_was_written(self):
        reports = []
        progress = Progress(lambda done, total: reports.append((done, total)))
        write_xlsx(io.BytesIO(), [('一', ['序号'], [(1,), (2,), (3,)])], progress)
        self.assertEqual(reports, [(3, 3)])
