# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

STANDARD_COLUMNS = {'solicitation', 'survey', 'interview', 'letter', 'concern'}


class TestChannel(TransactionCase):
    def setUp(self):
        super(TestChannel, self).setUp()
        self.Column = self.env['gov.interaction.column']

    def test_4_1_1_one_channel_with_the_five_columns(self):
        columns = self.Column.search([('special', '=', False)])
        self.assertEqual(set(columns.mapped('code')), STANDARD_COLUMNS)
        self.assertEqual(columns.mapped('url'), ['/interaction/%s' % c.slug for c in columns])

    def test_4_1_2_every_column_states_purpose_aim_and_usage(self):
        for column in self.Column.search([]):
            for field in ('purpose', 'aim', 'usage'):
                self.assertTrue(column[field] and len(column[field]) > 20, (column.code, field))

    def test_4_1_2_descriptions_are_translated_to_chinese(self):
        letter = self.env.ref('gov_interaction.column_letter').with_context(lang='zh_CN')
        self.assertEqual(letter.name, '咨询投诉')
        self.assertIn('五个工作日', letter.aim)

    def test_4_1_3_standard_columns_use_the_unified_login(self):
        self.assertTrue(all(self.Column.search([('special', '=', False)]).mapped('unified_login')))
        petition = self.env.ref('gov_interaction.column_petition')
        self.assertTrue(petition.special and not petition.unified_login)

    def test_4_1_3_the_unified_login_flag_is_read_once_and_follows_changes(self):
        petition = self.env.ref('gov_interaction.column_petition')
        self.assertFalse(petition._requires_unified_login())
        queries = self.cr.sql_log_count
        self.assertFalse(petition._requires_unified_login())  # every submission asks
        self.assertEqual(self.cr.sql_log_count, queries)
        self.addCleanup(self.registry.clear_caches)  # not to keep it past the rollback
        petition.write({'unified_login': True})
        self.assertTrue(petition._requires_unified_login())

    def test_4_1_3_only_special_channels_may_be_exempt(self):
        with mute_logger('odoo.sql_db'), self.assertRaises(IntegrityError):
            self.env.ref('gov_interaction.column_letter').write({'unified_login': False})
            self.env.cr.execute('SELECT 1')  # flush

    def test_4_1_3_free_sign_up_and_password_reset_are_enabled(self):
        get_param = self.env['ir.config_parameter'].sudo().get_param
        self.assertEqual(get_param('auth_signup.allow_uninvited'), 'True')
        self.assertEqual(get_param('auth_signup.reset_password'), 'True')

    def test_4_1_3_sign_in_with_the_provincial_identity_platform_makes_a_citizen(self):
        """An OpenID Connect provider (userinfo with 'sub') signs a new person
        in as a citizen account, then finds the same account again."""
        provider = self.env['auth.oauth.provider'].create({
            'name': '黑龙江省统一身份认证平台', 'enabled': True, 'client_id': 'gov-portal',
            'body': '省统一身份认证登录',
            'auth_endpoint': 'https://id.example.com/realms/hlj/protocol/openid-connect/auth',
            'validation_endpoint': 'https://id.example.com/realms/hlj/protocol/openid-connect/userinfo',
            'scope': 'openid profile email',
        })
        userinfo = {'sub': 'c0ffee-42', 'email': 'li.hua@example.com', 'name': '李华'}
        Users = self.env['res.users'].sudo()
        with patch.object(type(Users), '_auth_oauth_rpc', lambda self, endpoint, token: dict(userinfo)):
            state = json.dumps({'d': self.env.cr.dbname, 'p': provider.id})
            params = {'access_token': 'token-1', 'state': state}
            _db, login, _token = Users.auth_oauth(provider.id, params)
            again = Users.auth_oauth(provider.id, dict(params, access_token='token-2'))
        user = Users.search([('login', '=', login)])
        self.assertEqual(again[1], login)
        self.assertEqual(user.oauth_uid, 'c0ffee-42')
        self.assertTrue(user.has_group('gov_interaction.group_gov_citizen'))
        self.assertTrue(user.share)

    def test_website_menu_links_the_channel(self):
        menu = self.env.ref('gov_interaction.website_menu_interaction')
        self.assertEqual(menu.url, '/interaction')
        self.assertEqual(menu.with_context(lang='zh_CN').name, '互动交流')
