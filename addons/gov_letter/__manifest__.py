# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Letters',
    'summary': 'Consultation and complaint letters (DB23/T 3649.10-2023 4.4, 5.3): '
               'intake, acceptance, transfer, reply review, confidentiality',
    'version': '11.0.1.1.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'depends': [
        'gov_interaction',
    ],
    'data': [
        'security/gov_letter_security.xml',
        'security/ir.model.access.csv',
        'data/ir_sequence_data.xml',
        'data/ir_config_parameter_data.xml',
        'data/mail_activity_type_data.xml',
        'data/mail_template_data.xml',
        'data/gov_letter_category_data.xml',
        'data/gov_letter_sla_policy_data.xml',
        'data/gov_interaction_column_data.xml',
        'wizard/gov_letter_reject_wizard_views.xml',
        'wizard/gov_letter_identity_wizard_views.xml',
        'wizard/gov_letter_extension_wizard_views.xml',
        'wizard/gov_letter_query_code_wizard_views.xml',
        'views/gov_letter_views.xml',
        'views/gov_letter_bulk_actions.xml',
        'views/gov_letter_queue_views.xml',
        'views/gov_letter_category_views.xml',
        'views/gov_letter_sla_policy_views.xml',
        'views/gov_letter_routing_rule_views.xml',
        'views/gov_letter_identity_access_views.xml',
        'views/gov_letter_menus.xml',
        'views/website_templates.xml',
        'report/gov_letter_reply_report.xml',
    ],
    'demo': [
        'demo/gov_letter_routing_rule_demo.xml',
        'demo/gov_letter_demo.xml',
    ],
}
