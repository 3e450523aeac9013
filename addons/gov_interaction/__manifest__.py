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
    # post_load (__init__.py): the session cookie HttpOnly, SameSite=Lax,
    # Secure under TLS, 7 days (models/ir_http_security.py); 503 with
    # Retry-After while PostgreSQL is unreachable (models/ir_http_outage.py);
    # sessions in PostgreSQL, shared by several servers, instead of files
    # one server alone sees (models/ir_http_session.py);
    # JSON bodies under /api/ read as plain JSON, not JSON-RPC, else no API
    # call with a body reaches its endpoint (api/routing.py); mail
    # templates compiled once per source, not at every rendering
    # (models/mail_template_cache.py).
    'post_load': 'post_load',
    'depends': [
        'auth_oauth',
        # OCA: staff accounts (models/res_users_security.py).
        'auth_session_timeout',
        'auth_signup',
        'auth_totp',
        'auth_totp_password_security',
        'mail',
        'password_security',
        'portal',
        # OCA: exports run as background jobs (models/gov_export_job.py).
        'queue_job',
        # OCA: the back office at phone width (app drawer, forms in one
        # column); README, "Upstream tests".
        'web_responsive',
        'website',
    ],
    # tools/xlsx.py: the one XLSX writer of every export.
    'external_dependencies': {'python': ['xlsxwriter']},
    'data': [
        'security/gov_interaction_security.xml',
        'security/ir.model.access.csv',
        'data/gov_calendar_data.xml',
        'data/gov_calendar_cron.xml',
        'data/gov_export_job_cron.xml',
        'data/gov_interaction_column_data.xml',
        'data/auth_signup_data.xml',
        'data/identity_data.xml',
        'data/staff_security_data.xml',
        'data/gov_home_data.xml',
        'security/gov_interaction_rules.xml',
        'views/gov_interaction_menus.xml',
        'views/gov_calendar_views.xml',
        'wizard/gov_calendar_holiday_wizard_views.xml',
        'views/gov_department_views.xml',
        'views/res_users_views.xml',
        'views/gov_interaction_column_views.xml',
        'views/gov_api_token_views.xml',
        'views/gov_export_job_views.xml',
        'views/assets.xml',
        'views/chart_templates.xml',
        'views/website_templates.xml',
        'views/portal_templates.xml',
        'views/staff_login_templates.xml',
        'views/identity_templates.xml',
        'views/elder_mode_templates.xml',
        'views/account_templates.xml',
        'data/website_menu_data.xml',
    ],
    'demo': [
        'demo/identity_demo.xml',
        'demo/gov_department_demo.xml',
        'demo/staff_security_demo.xml',
        'demo/res_users_demo.xml',
        'demo/gov_interaction_column_demo.xml',
    ],
}
