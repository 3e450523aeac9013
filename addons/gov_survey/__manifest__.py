# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Online Surveys',
    'summary': "Online surveys (DB23/T 3649.10-2023 4.2 d, 5.1) on Odoo's survey: department, "
               'period, one response per account, published result analysis with charts',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'depends': [
        'gov_interaction',
        'survey',
    ],
    'data': [
        'security/gov_survey_security.xml',
        'security/ir.model.access.csv',
        'data/gov_interaction_column_data.xml',
        'views/survey_survey_views.xml',
        'views/survey_user_input_line_views.xml',
        'views/gov_survey_menus.xml',
        'views/assets.xml',
        'views/website_templates.xml',
        'views/survey_title_templates.xml',
        'views/survey_label_templates.xml',
    ],
    'demo': [
        'demo/survey_demo.xml',
    ],
}
