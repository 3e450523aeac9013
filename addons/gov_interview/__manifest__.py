# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    'name': 'Government Interaction: Online Interviews',
    'summary': 'Online interviews (DB23/T 3649.10-2023 4.3, 5.2): yearly plans and compliance, '
               'previews, live room, questions and follow-up replies, transcripts, re-posting',
    'version': '11.0.1.1.0',
    'category': 'Government Interaction',
    'website': 'https://example.invalid/gov_interaction',
    'author': 'gov_interaction contributors',
    'license': 'LGPL-3',
    # post_load (bus_pool.py): in the gevent process a full connection pool
    # makes the live room's long polls wait for a connection, instead of
    # failing with a 500 when a host posts to many viewers.
    'post_load': 'patch_pool',
    'depends': [
        'bus',
        'gov_interaction',
    ],
    'data': [
        'security/gov_interview_security.xml',
        'security/ir.model.access.csv',
        'data/ir_config_parameter_data.xml',
        'data/mail_activity_type_data.xml',
        'data/ir_cron_data.xml',
        'data/gov_interaction_column_data.xml',
        'views/gov_interview_plan_views.xml',
        'views/gov_interview_views.xml',
        'views/gov_interview_post_views.xml',
        'views/gov_interview_question_views.xml',
        'views/gov_department_views.xml',
        'views/res_config_settings_views.xml',
        'views/gov_interview_menus.xml',
        'views/assets.xml',
        'views/website_templates.xml',
    ],
    'demo': [
        'demo/gov_interview_plan_demo.xml',
        'demo/gov_interview_demo.xml',
    ],
}
