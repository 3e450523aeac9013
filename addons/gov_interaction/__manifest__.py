# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction Platform',
    'summary': 'Interaction channel of a provincial government website '
               '(DB23/T 3649.10-2023): letters, solicitations, surveys, '
               'online interviews, responses to public concerns',
    'version': '11.0.0.1.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    'application': True,
    'depends': [
        'base_automation',
        'board',
        'mail',
        'portal',
        'resource',
        'survey',
        'website',
    ],
}
