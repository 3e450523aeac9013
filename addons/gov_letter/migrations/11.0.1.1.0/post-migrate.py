# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: possible duplicates (5.3.2 c) are judged on the subject and
content, whoever wrote them, and kept with their similarity
(gov.letter.duplicate) instead of a bare list of the writer's earlier
letters.  The threshold's meaning changed with it (the old default, 0.6 of
pg_trgm, becomes 0.25 of the new similarity); the flagged letters still
waiting for the clerk are looked at again, and the old list goes."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    params = env['ir.config_parameter']
    if params.get_param('gov_letter.duplicate_similarity') == '0.6':
        params.set_param('gov_letter.duplicate_similarity', '0.25')
    env['gov.letter'].search([('is_possible_duplicate', '=', True),
                              ('state', '=', 'new')])._detect_duplicates()
    cr.execute("DROP TABLE IF EXISTS gov_letter_duplicate_candidate_rel")
