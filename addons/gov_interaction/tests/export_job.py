# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Background exports in unit tests: run the job a button queued, as the
job runner would, and read the file it attached (or the summary of a
background action)."""
import base64

from odoo.addons.queue_job.job import Job


def run_background_export(env, action):
    """(attachment, file bytes) of the export that ``action`` (the answer
    of an export button: the export's form) queued, once its job ran."""
    assert action['res_model'] == 'gov.export.job', action
    export = env['gov.export.job'].browse(action['res_id'])
    assert export.state == 'queued', export.state
    Job.load(env, export.job_uuid).perform()
    attachment = env['ir.attachment'].search([('res_model', '=', 'gov.export.job'),
                                              ('res_id', '=', export.id)])
    data = base64.b64decode(attachment.datas)
    # The size shown beside the download is the file's.
    assert attachment.file_size == len(data), (attachment.file_size, len(data))
    return attachment, data


def run_background_action(env, action):
    """The summary of the background action (a ``gov.export.job`` of kind
    'action') that ``action`` (the answer of its button) queued, once its
    job ran."""
    assert action['res_model'] == 'gov.export.job', action
    export = env['gov.export.job'].browse(action['res_id'])
    assert (export.kind, export.state) == ('action', 'queued'), (export.kind, export.state)
    summary = Job.load(env, export.job_uuid).perform()
    env.clear()  # the job wrote as another user, in another language
    return summary
