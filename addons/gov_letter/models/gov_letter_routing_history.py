# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.1: the responsible department suggested from history: where the
earlier letters most like this one were finally handled (the department
that replied, after any transfer), each counting as much as it is alike
(:func:`signature_similarity`, the judge of duplicates).  The clerk sees why."""
from odoo import _, api, fields, models

from .gov_letter_duplicate import signature, signature_similarity

# Replied letters looked at (received within this many days, at most this
# many, the latest first) and how alike one must be to count.
ROUTING_WINDOW_DAYS = 365
ROUTING_NEIGHBOURS = 50
ROUTING_MIN_SIMILARITY = 0.2


class GovLetter(models.Model):
    _inherit = 'gov.letter'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def _routing_history(self):
        """(department, why) from the replied letters like this one, or
        (no department, '') when none is alike enough."""
        self.ensure_one()
        votes, closest = {}, {}
        signed = signature((self.title or '', self.content or ''))
        for number, title, content, department_id in self._handled_like_this():
            similarity = signature_similarity(signed, signature((title or '', content or '')))
            if similarity >= ROUTING_MIN_SIMILARITY:
                votes.setdefault(department_id, []).append(similarity)
                closest[department_id] = max(closest.get(department_id, (0, '')), (similarity, number))
        if not votes:
            return self.env['gov.department'], ''
        department_id = max(votes, key=lambda key: (sum(votes[key]), key))
        department = self.env['gov.department'].sudo().browse(department_id)
        return department, _(
            "%(count)s similar letters were finally handled by %(department)s (the closest: "
            "%(number)s, %(similarity)s%% alike).") % {
                'count': len(votes[department_id]), 'department': department.name,
                'number': closest[department_id][1],
                'similarity': int(round(closest[department_id][0] * 100))}

    @api.multi
    def _handled_like_this(self):
        """Rows (number, title, content, department) of the replied letters
        received before this one whose titles are nearest its title (the
        index of the duplicate search)."""
        self.ensure_one()
        title = (self.title or '').strip()
        if not title:
            return []
        self._set_title_retrieval()
        received = fields.Datetime.from_string(self.date_received or fields.Datetime.now())
        self.env.cr.execute("""
            SELECT number, title, content, department_id FROM gov_letter
             WHERE title %% %(title)s AND state = 'replied' AND department_id IS NOT NULL
               AND id != %(id)s AND date_received < %(received)s
               AND date_received >= %(received)s - make_interval(days => %(days)s)
             ORDER BY title <-> %(title)s LIMIT %(limit)s""", {
            'title': title, 'id': self.id or 0, 'received': received,
            'days': ROUTING_WINDOW_DAYS, 'limit': ROUTING_NEIGHBOURS})
        return self.env.cr.fetchall()
