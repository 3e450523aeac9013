# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Letter Publication',
    'summary': 'Published letters (5.3.8, 5.3.9, 4.2 b): a separate public copy with personal '
               'data redacted automatically and checked by a person; public list and pages',
    'version': '11.0.1.0.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    # Installed with the letters it publishes (5.3.8 is part of the letter
    # box); kept apart so publishing can be read and replaced on its own.
    'auto_install': True,
    'depends': [
        'gov_letter',
    ],
    'data': [
        'security/ir.model.access.csv',
        'security/gov_letter_publication_security.xml',
        'data/mail_activity_type_data.xml',
        'views/gov_letter_publication_views.xml',
        'views/gov_letter_views.xml',
        'views/website_templates.xml',
        'views/gov_letter_publication_menus.xml',
    ],
    'demo': [
        'demo/gov_letter_publication_demo.xml',
    ],
}
