# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one XLSX writer of every export (5.1.5, 5.2.1, 5.3.7): opinions,
survey results, interview compliance, letter statistics, notices.

Files are written row by row with xlsxwriter's constant-memory mode: each
row is flushed to a temporary file as soon as the next one starts, so a
million rows take the memory of one row.  Texts are always written as text
(:data:`TEXT_ONLY`)."""
import os
import tempfile
from collections import namedtuple

import xlsxwriter

XLSX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

# Strings are written as strings: a text starting with '=' (a citizen's
# opinion, a title) never becomes a live formula (=HYPERLINK to a phishing
# site, =WEBSERVICE sending the sheet out), an address never a link, a
# number-like text never a number.
TEXT_ONLY = {'strings_to_formulas': False, 'strings_to_urls': False, 'strings_to_numbers': False}

# The cell formats an export may name (Cell, Row, layout styles).
STYLES = {
    'bold': {'bold': True},
    'header': {'bold': True, 'bg_color': '#DDEBF7', 'border': 1},
    'title': {'bold': True, 'font_size': 14},
    'wrap': {'text_wrap': True, 'valign': 'top'},
    'percent': {'num_format': '0.0%'},
    'border': {'border': 1},
    'alert': {'font_color': '#C00000', 'border': 1},
}


class Cell(namedtuple('Cell', 'value style')):
    """A value written in one of the :data:`STYLES`."""

    __slots__ = ()


class Progress:
    """Rows written so far out of ``total`` (set by the exporter when it
    knows it), handed to ``report(done, total)`` every ``every`` rows and
    at the end.  A background export shows it as its progress bar."""

    def __init__(self, report=None, total=0, every=5000):
        self.report, self.total, self.every, self.done = report, total, every, 0

    def step(self, rows=1):
        before, self.done = self.done, self.done + rows
        if self.report and self.done // self.every != before // self.every:
            self.report(self.done, self.total)

    def finish(self):
        if self.report:
            self.report(self.done, max(self.total, self.done))


class Row(namedtuple('Row', 'values style')):
    """A row whose cells are written in one of the :data:`STYLES` (a
    :class:`Cell`'s own style wins)."""

    __slots__ = ()


def write_xlsx(path, sheets, progress=None):
    """Write ``sheets`` to ``path`` (a file name or a binary file object),
    counting the data rows in ``progress`` (a :class:`Progress`) if given.

    :param sheets: iterable of ``(name, headers, rows)`` or ``(name,
        headers, rows, layout)``; ``rows`` an iterable of sequences
        (numbers, strings, None, :class:`Cell`) or :class:`Row`, consumed
        lazily; an empty sequence is an empty line.  ``layout`` (every key
        optional): ``top`` lines above the header (a title, a note);
        ``widths`` of the columns (else from the headers); ``header_style``
        ('bold'); ``row_style`` of every data cell; ``freeze`` (row, col),
        below the header unless given, None for none; ``autofilter`` on the
        header over the data; ``charts``: dicts with ``type``, ``anchor``
        and ``series`` ({name, categories, values}; ranges as (first_row,
        first_col, last_row, last_col) of this sheet, rows from 0).
    :return: number of data rows written (headers and ``top`` lines not)
    """
    workbook = xlsxwriter.Workbook(path, dict(TEXT_ONLY, constant_memory=True))
    formats = {}
    count = 0
    try:
        for sheet in sheets:
            count += _write_sheet(workbook, formats, progress, *sheet)
    finally:
        workbook.close()
    if progress:
        progress.finish()
    return count


def xlsx_bytes(sheets):
    """The XLSX file of ``sheets`` (see :func:`write_xlsx`) as bytes, for
    small files (notices, tests)."""
    handle, path = tempfile.mkstemp(suffix='.xlsx')
    os.close(handle)
    try:
        write_xlsx(path, sheets)
        with open(path, 'rb') as xlsx_file:
            return xlsx_file.read()
    finally:
        os.unlink(path)


def _write_sheet(workbook, formats, progress, name, headers, rows, layout=None):
    """One worksheet; returns the number of data rows."""
    layout = layout or {}
    sheet = workbook.add_worksheet(name[:31])
    writer = _RowWriter(workbook, formats, sheet)
    top = list(layout.get('top', ()))
    for index, line in enumerate(top):
        writer.write_line(index, line)
    header_row = len(top)
    writer.write_line(header_row, Row(headers, layout.get('header_style', 'bold')))
    _set_widths(sheet, headers, layout.get('widths'))
    count = 0
    step = progress.step if progress else _no_step
    for count, line in enumerate(rows, start=1):
        writer.write_line(header_row + count, line, layout.get('row_style'))
        step()
    _finish_sheet(workbook, sheet, layout, header_row, count, len(headers))
    return count


def _no_step():
    pass


def _set_widths(sheet, headers, widths):
    if widths is None:
        widths = [max(10, min(40, len(header) * 2 + 2)) for header in headers]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)


def _finish_sheet(workbook, sheet, layout, header_row, count, columns):
    """Frozen panes, filter and charts, once the rows are written."""
    freeze = layout.get('freeze', (header_row + 1, 0))
    if freeze:
        sheet.freeze_panes(*freeze)
    if layout.get('autofilter') and count:
        sheet.autofilter(header_row, 0, header_row + count, columns - 1)
    for spec in layout.get('charts', ()):
        chart = workbook.add_chart({'type': spec['type']})
        for series in spec['series']:
            chart.add_series(dict(series, categories=[sheet.name] + list(series['categories']),
                                  values=[sheet.name] + list(series['values'])))
        sheet.insert_chart(spec['anchor'], chart)


class _RowWriter:
    """Writes the cells of one worksheet, by type: text as text, numbers
    as numbers, nothing for an empty value without a style."""

    def __init__(self, workbook, formats, sheet):
        self.workbook, self.formats, self.sheet = workbook, formats, sheet

    def style(self, name):
        if name and name not in self.formats:
            self.formats[name] = self.workbook.add_format(STYLES[name])
        return self.formats.get(name)

    def write_line(self, row, line, style=None):
        if line.__class__ is Row:
            line, style = line.values, line.style
        row_format, write_value = self.style(style), self.write_value
        for col, value in enumerate(line):
            if value.__class__ is Cell:
                write_value(row, col, value.value, self.style(value.style))
            else:
                write_value(row, col, value, row_format)

    def write_value(self, row, col, value, cell_format):
        if value is None or value is False or value == '':
            if cell_format:
                self.sheet.write_blank(row, col, None, cell_format)
        elif value.__class__ is str:
            self.sheet.write_string(row, col, value, cell_format)
        elif isinstance(value, (int, float)):
            self.sheet.write_number(row, col, value, cell_format)
        else:
            self.sheet.write_string(row, col, str(value), cell_format)
