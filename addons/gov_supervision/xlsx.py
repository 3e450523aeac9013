# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX files written row by row with xlsxwriter's constant-memory mode:
each row is flushed to a temporary file as soon as the next one starts, so
a million rows take the memory of one row.  Used by the notices (通报) and
by the features' statistics exports."""
import os
import tempfile

import xlsxwriter

# Strings are written as strings: a text starting with '=' (a citizen's
# comment, a title) never becomes a formula, an address never a link, a
# number-like text never a number.  Also used by gov_interview's compliance
# workbook.
TEXT_ONLY = {'strings_to_formulas': False, 'strings_to_urls': False, 'strings_to_numbers': False}


def write_xlsx(path, sheets):
    """Write ``sheets`` to ``path``.

    :param sheets: iterable of ``(name, headers, rows)``; ``rows`` an
        iterable of sequences (numbers, strings, None), consumed lazily.
    :return: number of data rows written
    """
    workbook = xlsxwriter.Workbook(path, dict(TEXT_ONLY, constant_memory=True))
    bold = workbook.add_format({'bold': True})
    count = 0
    try:
        for name, headers, rows in sheets:
            sheet = workbook.add_worksheet(name[:31])
            sheet.freeze_panes(1, 0)
            for col, header in enumerate(headers):
                sheet.write_string(0, col, header, bold)
                sheet.set_column(col, col, max(10, min(40, len(header) * 2 + 2)))
            write_string, write_number = sheet.write_string, sheet.write_number
            for row_index, row in enumerate(rows, start=1):
                for col, value in enumerate(row):
                    if value is None or value is False or value == '':
                        continue  # an empty cell costs nothing in the file
                    if value.__class__ is str:
                        write_string(row_index, col, value)
                    elif isinstance(value, (int, float)):
                        write_number(row_index, col, value)
                    else:
                        write_string(row_index, col, str(value))
                count += 1
    finally:
        workbook.close()
    return count


def xlsx_bytes(sheets):
    """The XLSX file of ``sheets`` as bytes (small files: notices)."""
    handle, path = tempfile.mkstemp(suffix='.xlsx')
    os.close(handle)
    try:
        write_xlsx(path, sheets)
        with open(path, 'rb') as xlsx_file:
            return xlsx_file.read()
    finally:
        os.unlink(path)
