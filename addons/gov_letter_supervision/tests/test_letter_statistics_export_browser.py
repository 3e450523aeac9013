# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The statistics' XLSX (4.2 b, 5.1.5) in Chromium, from the list where the
statistics are: the period dialog closes as the export starts, the job
shows its progress and the file's headers are Chinese."""
from gov_http import click_list_export, download_export, sign_in


def test_5_1_5_statistics_exported_from_their_list_in_chromium(page, odoo_server):
    offset = odoo_server.log_size()
    sign_in(page, 'supervisor', 'supervisor')
    click_list_export(page, 'gov_letter_supervision.action_gov_letter_statistics')
    page.click('.modal .o_gov_statistics_export')
    page.wait_for_selector('.o_form_view .o_progressbar')
    assert not page.locator('.modal:visible').count()
    texts = download_export(page)
    for header in ('部门', '收信数', '平均答复工作日'):
        assert header in texts
    # Downloaded: no dialog left open, the job's form still there.
    assert not page.locator('.modal:visible').count()
    assert page.locator('.o_form_view .o_gov_export_download:visible').count()
    assert odoo_server.errors_since(offset) == []
