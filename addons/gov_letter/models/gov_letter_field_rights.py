# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may change what in a letter (5.3.1, 5.3.10): the writer's words stay
the writer's.  A letter that came through the site or the API keeps its
title, content and channel; one a clerk typed in (phone, mail, visit) the
clerk may correct while it awaits acceptance.  Only clerks correct how a
letter is filed (category, type); the chatter shows each change.  The
identity is guarded in gov_letter_confidentiality.py (entry fields for
clerks only, the raw fields for the system)."""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

WRITER_WORDS = ('title', 'content', 'channel')
FILING = ('category_id', 'letter_type')
TYPED_IN = ('phone', 'mail', 'visit')
CLERK = 'gov_interaction.group_gov_clerk'


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    words_editable = fields.Boolean(compute='_compute_field_rights')
    filing_editable = fields.Boolean(compute='_compute_field_rights')

    @api.depends('state', 'channel')
    def _compute_field_rights(self):
        clerk = self.env.user.has_group(CLERK)
        for letter in self:
            letter.filing_editable = clerk
            letter.words_editable = clerk and letter._typed_in_and_new()

    def _typed_in_and_new(self):
        return not self.id or (self.state == 'new' and self.channel in TYPED_IN)

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID:  # the system's own flows run as superuser
            self._check_field_rights(vals)
        return super(GovLetter, self).write(vals)

    @api.multi
    def _check_field_rights(self, vals):
        changed = set(vals)
        if changed & set(FILING + WRITER_WORDS) and not self.env.user.has_group(CLERK):
            raise AccessError(_("Only a clerk corrects a letter's category and type; the writer's "
                                "title and content are never changed."))
        if changed & set(WRITER_WORDS) and not all(letter._typed_in_and_new() for letter in self):
            raise AccessError(_("The writer's title and content stay as received; only a letter "
                                "typed in by a clerk may be corrected, before it is accepted."))
