# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Staff exports over HTTP (5.1.5): who may export a record, the answer
for one they may not, and the XLSX download itself, streamed from a
temporary file (constant memory from the first row to the last byte)."""
import os
import tempfile

from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from .xlsx import XLSX_MIMETYPE, write_xlsx


def readable(model, record_id):
    """The record if the user (staff) may read it, record rules included,
    else None."""
    if not request.env.user.has_group('base.group_user'):
        return None
    record = request.env[model].browse(record_id).exists()
    try:
        record.check_access_rights('read')
        record.check_access_rule('read')
    except AccessError:
        return None
    return record or None


def refused():
    """The answer for a record the user may not export: 404, the same as
    for one that does not exist, so another department's records are not
    even confirmed to exist."""
    return http.Response(_("You are not allowed to export this."), status=404,
                         content_type='text/plain; charset=utf-8')


def xlsx_response(filename, sheets):
    """The download of the XLSX file of ``sheets`` (see
    :func:`~.xlsx.write_xlsx`)."""
    return xlsx_file_response(filename, lambda path: write_xlsx(path, sheets))


def xlsx_file_response(filename, write):
    """The download of the XLSX file that ``write(path)`` writes to a
    temporary file, deleted once sent; never cached."""
    handle, path = tempfile.mkstemp(suffix='.xlsx')
    os.close(handle)
    try:
        write(path)
    except Exception:
        os.unlink(path)
        raise
    return request.make_response(_file_chunks(path), headers=[
        ('Content-Type', XLSX_MIMETYPE),
        ('Content-Length', str(os.path.getsize(path))),
        ('Content-Disposition', content_disposition(filename)),
        ('Cache-Control', 'no-store'),
    ])


def _file_chunks(path, chunk=1 << 16):
    """The file's content in chunks; the file is deleted at the end."""
    try:
        with open(path, 'rb') as xlsx_file:
            while True:
                data = xlsx_file.read(chunk)
                if not data:
                    break
                yield data
    finally:
        os.unlink(path)
