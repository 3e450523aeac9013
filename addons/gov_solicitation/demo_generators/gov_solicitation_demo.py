# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deterministic demo data: hundreds of opinions from the demo citizens
(demo only)."""
import random
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.gov_interaction.tools import demo_citizens

REPLIES = {
    'adopted': '感谢您的意见，已在修改稿中采纳。',
    'partial': '感谢您的意见，已部分采纳，相关内容将在配套文件中细化。',
    'rejected': '感谢您的关注，经研究暂不采纳。',
    'duplicate': '与其他意见相同，已合并处理。',
}
REASONS = [
    '与上位法规定不一致。',
    '属于具体执行层面的问题，将在实施细则中研究。',
    '涉及其他部门职责，已转交相关部门参考。',
]


class GovSolicitation(models.Model):
    _inherit = 'gov.solicitation'

    @api.model
    def _demo_generate_opinions(self, solicitation_id, count, templates, decide=True, seed=1):
        """Create ``count`` opinions on the solicitation from ``templates``
        ({category name: [texts]}), spread over its period; with ``decide``
        each gets a classification, an adoption decision and a reply."""
        solicitation = self.sudo().browse(solicitation_id)
        rng = random.Random(seed)
        citizens = demo_citizens(self.env)
        categories = {category.name: category for category in solicitation.category_ids}
        start = fields.Datetime.from_string(solicitation.date_start)
        end = min(fields.Datetime.from_string(solicitation.date_end),
                  fields.Datetime.from_string(fields.Datetime.now()))
        span = max(int((end - start).total_seconds()), 3600)
        Opinion = self.env['gov.solicitation.opinion'].sudo().with_context(
            gov_solicitation_import=True, tracking_disable=True)
        names = sorted(templates)
        name_weights = [len(names) + 2 - position for position in range(len(names))]
        weights = [0.45, 0.3, 0.15, 0.1]
        for index in range(count):
            name = rng.choices(names, name_weights)[0]
            text = rng.choice(templates[name])
            if index % 23 == 0:
                # Some people leave their phone number: the public copy hides it.
                text += '联系电话13%d%08d。' % (rng.randint(0, 9), rng.randint(0, 99999999))
            submitted = start + timedelta(seconds=rng.randint(0, span))
            vals = {
                'solicitation_id': solicitation.id,
                'partner_id': citizens[rng.randrange(len(citizens))].id,
                'content': text,
                'channel': rng.choice(['web', 'web', 'web', 'api', 'offline']),
                'date': fields.Datetime.to_string(submitted),
            }
            if decide:
                decision = rng.choices(['adopted', 'partial', 'rejected', 'duplicate'], weights)[0]
                accepted = end + timedelta(days=rng.randint(1, 3))
                vals.update({
                    'category_id': categories[name].id if name in categories else False,
                    'decision': decision,
                    'decision_reason': rng.choice(REASONS) if decision == 'rejected' else False,
                    'reply': REPLIES[decision],
                    'reply_department_id': solicitation.department_id.id,
                    'date_accepted': fields.Datetime.to_string(accepted),
                    'date_replied': fields.Datetime.to_string(accepted + timedelta(days=rng.randint(1, 5))),
                })
            Opinion.create(vals)
        return True
