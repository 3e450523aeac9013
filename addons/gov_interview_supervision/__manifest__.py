# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Interview Reply Supervision',
    'summary': 'Service levels, urging and supervision of the public replies '
               'promised to interview questions (5.2.6 with 5.3.7)',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    # A bridge: installed by itself once the addons it joins are.
    'auto_install': True,
    'depends': [
        'gov_interview',
        'gov_supervision',
    ],
    'data': [
        'views/gov_interview_question_views.xml',
    ],
}
