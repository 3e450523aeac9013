# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Letter Supervision and Statistics',
    'summary': 'Service levels, urging and supervision of letters (5.3.7), the writer\'s '
               'satisfaction, statistics with charts and XLSX export (4.2 b, 5.1.5)',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    # A bridge: installed by itself once the addons it joins are.
    'auto_install': True,
    'depends': [
        'gov_letter',
        'gov_supervision',
    ],
    'data': [
        'security/ir.model.access.csv',
        'security/gov_letter_supervision_security.xml',
        'data/ir_config_parameter_data.xml',
        'views/gov_letter_views.xml',
        'views/gov_letter_statistics_views.xml',
        'wizard/gov_letter_statistics_export_views.xml',
        'views/gov_department_views.xml',
        'views/website_templates.xml',
        'views/statistics_templates.xml',
        'views/gov_letter_supervision_menus.xml',
    ],
    'demo': [
        'demo/gov_letter_supervision_demo.xml',
    ],
}
