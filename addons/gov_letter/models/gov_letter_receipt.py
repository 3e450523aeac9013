# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receipts of letters just received, waiting for the mail queue (5.3.1).

A letter received is stored with a row here, in the same transaction:
the writer's query code, kept until the mail queue renders the
acknowledgement of receipt with it (:meth:`GovLetterReceipt._mail_pending`,
called by the mail queue's job before it sends).  The submission then only
inserts rows; the mail, rendered from its template, goes out with the
queue's next run as before, and the code lives no longer than it did in
the queued mail.  A receipt whose rendering fails stays for the next run
and is logged; a letter deleted takes its receipt with it.
"""
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

TEMPLATE = 'gov_letter.mail_template_received'
BATCH = 500  # receipts read at a time


class GovLetterReceipt(models.Model):
    _name = 'gov.letter.receipt'
    _description = 'Receipt Awaiting the Mail Queue'
    _order = 'id'
    _log_access = False

    letter_id = fields.Many2one('gov.letter', required=True, ondelete='cascade',
                                index=True)
    query_code = fields.Char(required=True)

    @api.model
    def _queue(self, letter, code):
        """Mail ``letter``'s writer the receipt with ``code`` when the mail
        queue next runs; nothing when the writer gave no address."""
        if letter._writer_recipient() is not None:
            self.sudo().create({'letter_id': letter.id, 'query_code': code})

    @api.model
    def _mail_pending(self):
        """Render every receipt waiting into a queued mail, then forget its
        code, BATCH at a time; one that fails is logged and kept for the
        next run."""
        last_id = 0
        while True:
            receipts = self.sudo().search([('id', '>', last_id)], limit=BATCH)
            for receipt in receipts:
                receipt._mail_or_keep()
            if len(receipts) < BATCH:
                return True
            last_id = receipts[-1].id

    @api.multi
    def _mail_or_keep(self):
        try:
            with self.env.cr.savepoint():
                self._mail()
        except Exception:  # pylint: disable=broad-except
            _logger.exception('Receipt of letter %s not rendered; kept for the next run',
                              self.letter_id.id)

    @api.multi
    def _mail(self):
        self.ensure_one()
        self.letter_id.with_context(gov_letter_unfollowed=True)._mail_writer(
            TEMPLATE, query_code=self.query_code)
        self.unlink()
