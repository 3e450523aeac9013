# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Supervision',
    'summary': 'Service levels on working-day deadlines for any model, with urging (催办), '
               'supervision (督办) and periodic notices (通报) (DB23/T 3649.10-2023 5.3.7)',
    'version': '11.0.1.1.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'depends': [
        # The trigger "On Service Level Change" (models/base_automation.py).
        'base_automation',
        'gov_interaction',
    ],
    'data': [
        'security/ir.model.access.csv',
        'security/gov_supervision_security.xml',
        'data/ir_sequence_data.xml',
        'data/ir_config_parameter_data.xml',
        'data/mail_activity_type_data.xml',
        'data/ir_cron_data.xml',
        'views/gov_supervision_views.xml',
        'views/gov_supervision_notice_views.xml',
        'views/gov_department_views.xml',
        'views/res_config_settings_views.xml',
        'views/gov_supervision_menus.xml',
    ],
}
