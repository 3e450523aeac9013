# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.1 and 5.3.2 on many letters at once: the clerk selects letters in
the list and accepts them with their suggested departments, or closes them
as duplicates (reason c), in the background (a gov.export.job of kind
'action').  Each letter goes through the same method as its own button
(workflow guard, mail to the writer); one that fails its check is reported
and left as it was, the others go on."""
from odoo import _, api, models
from odoo.exceptions import UserError

# decision: the method of the single letter's button
BULK_DECISIONS = {
    'accept': 'action_accept',
    'duplicate': 'action_mark_duplicate',
}


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def action_bulk_accept(self):
        """5.3.1: accept the selected letters with their departments
        (the suggested one where none is set)."""
        return self._start_bulk_decision('accept', _('Accept %s letters'))

    @api.multi
    def action_bulk_duplicate(self):
        """5.3.2 c: close the selected letters as duplicates of the
        originals chosen on them."""
        return self._start_bulk_decision('duplicate', _('Close %s letters as duplicates'))

    @api.multi
    def _start_bulk_decision(self, decision, name):
        self._require_group('gov_interaction.group_gov_clerk',
                            _("Only a clerk can decide on letters."))
        if not self:
            raise UserError(_("Select the letters first."))
        return self.env['gov.export.job']._start_action(
            name % len(self), self._name, '_background_decide', letter_ids=self.ids,
            decision=decision)

    @api.model
    def _background_decide(self, letter_ids, decision, progress=None):
        """The job of a bulk decision: each letter as its button would
        decide it; returns what was done and which letters were not, why."""
        method = BULK_DECISIONS[decision]
        letters = self.browse(letter_ids).exists()
        done, failures = self.env['gov.export.job']._each(
            letters, lambda letter: getattr(letter, method)(), progress)
        missing = len(set(letter_ids) - set(letters.ids))
        return self._bulk_summary(decision, done, failures, missing)

    @api.model
    def _bulk_summary(self, decision, done, failures, missing=0):
        verbs = {'accept': _('%s letters accepted.'),
                 'duplicate': _('%s letters closed as duplicates (5.3.2 c).')}
        lines = [verbs[decision] % len(done)]
        if failures:
            lines.append(_('%s letters left as they were:') % len(failures))
            reason = _('%(letter)s: %(reason)s')
            for letter, message in failures:
                lines.append(reason % {'letter': letter.sudo().number, 'reason': message})
        if missing:
            lines.append(_('%s letters no longer exist.') % missing)
        return '\n'.join(lines)
