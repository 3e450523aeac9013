# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction Platform',
    'summary': 'Interaction channel of a provincial government website '
               '(DB23/T 3649.10-2023): letters, solicitations, surveys, '
               'online interviews, responses to public concerns',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'application': True,
    # Session cookie: HttpOnly, SameSite=Lax, Secure under TLS, 7 days
    # (models/ir_http_security.py).
    'post_load': 'harden_session_cookie',
    'depends': [
        'auth_oauth',
        'auth_signup',
        'base_automation',
        'board',
        'mail',
        'portal',
        'resource',
        'survey',
        'website',
    ],
    'data': [
        'security/gov_interaction_security.xml',
        'security/ir.model.access.csv',
        'data/gov_calendar_data.xml',
        'data/gov_calendar_cron.xml',
        'data/gov_interaction_column_data.xml',
        'data/auth_signup_data.xml',
        'security/gov_interaction_rules.xml',
        'views/gov_interaction_menus.xml',
        'views/gov_calendar_views.xml',
        'wizard/gov_calendar_holiday_wizard_views.xml',
        'views/gov_department_views.xml',
        'views/res_users_views.xml',
        'views/gov_interaction_column_views.xml',
        'views/gov_api_token_views.xml',
        'views/assets.xml',
        'views/website_templates.xml',
        'views/portal_templates.xml',
        'data/website_menu_data.xml',
    ],
    'demo': [
        'demo/gov_department_demo.xml',
        'demo/res_users_demo.xml',
    ],
}
