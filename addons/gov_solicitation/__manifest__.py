# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Opinion Solicitations',
    'summary': 'Opinion solicitations (DB23/T 3649.10-2023 4.2 a-c, 5.1): full text, '
               'opinions, classification, adoption decisions, published results with charts',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'depends': [
        'gov_interaction',
    ],
    'data': [
        'security/gov_solicitation_security.xml',
        'security/ir.model.access.csv',
        'data/ir_config_parameter_data.xml',
        'data/mail_activity_type_data.xml',
        'data/ir_cron_data.xml',
        'data/gov_interaction_column_data.xml',
        'wizard/gov_solicitation_decide_wizard_views.xml',
        'views/gov_solicitation_views.xml',
        'views/gov_solicitation_opinion_views.xml',
        'views/gov_solicitation_menus.xml',
        'views/assets.xml',
        'views/website_templates.xml',
    ],
    'demo': [
        'demo/gov_solicitation_demo.xml',
    ],
}
