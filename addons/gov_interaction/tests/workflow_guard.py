# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared by the addons' tests of gov.workflow.mixin: a direct write of a
workflow field is refused and changes nothing."""
from unittest.mock import patch

from odoo.exceptions import AccessError


def in_request():
    """As inside an HTTP request (JSON-RPC, a controller): sudo() is no
    longer trusted by the guard."""
    return patch('odoo.addons.gov_interaction.models.gov_workflow_mixin.request', True)


class WorkflowGuardAssertions:
    """For a TransactionCase."""

    def assert_refused(self, record, user, values, error=AccessError):
        before = record.sudo().read(list(values))[0]
        with self.assertRaises(error, msg='%s wrote %s' % (user.login, values)):
            record.sudo(user).write(values)
        record.invalidate_cache()
        self.assertEqual(record.sudo().read(list(values))[0], before)
