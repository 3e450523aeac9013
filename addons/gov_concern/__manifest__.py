# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Responses to Public Concerns',
    'summary': 'Responses to public concerns (DB23/T 3649.10-2023 5.4): statements on '
               'major emergencies and hot topics, timelines of updates, media push',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'depends': [
        'gov_interaction',
    ],
    'external_dependencies': {
        'python': ['requests'],
    },
    'data': [
        'security/ir.model.access.csv',
        'security/gov_concern_security.xml',
        'data/ir_config_parameter_data.xml',
        'data/mail_activity_type_data.xml',
        'data/ir_cron_data.xml',
        'data/gov_interaction_column_data.xml',
        'views/gov_concern_update_views.xml',
        'views/gov_concern_views.xml',
        'views/gov_concern_channel_views.xml',
        'views/gov_concern_delivery_views.xml',
        'views/res_config_settings_views.xml',
        'views/gov_concern_menus.xml',
        'views/assets.xml',
        'views/website_templates.xml',
    ],
    'demo': [
        'demo/gov_concern_demo.xml',
    ],
}
