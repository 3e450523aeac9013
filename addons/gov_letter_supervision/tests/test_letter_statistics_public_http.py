# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public statistics of letters over real HTTP (4.2 b, 5.1.5): the page
with its SVG charts and tables, the CSV with Chinese headers and the API
give the same figures, and no person's data."""
import csv
import io

import requests
from gov_http import LETTER_SECRETS, call, letter_with_personal_data, odoo_env

PAGE = '/interaction/letters/statistics'


def _published_figures(server):
    with odoo_env() as env:
        letter_with_personal_data(env)  # a writer whose data must not show
        return env['gov.letter.statistics'].sudo()._public_summary()


def test_4_2_b_statistics_page_shows_charts_and_tables_of_the_figures(page, odoo_server):
    offset = odoo_server.log_size()
    summary = _published_figures(odoo_server)
    page.goto(PAGE)
    assert page.inner_text('[data-figure=received]').strip() == str(summary['total']['received'])
    for key in ('months', 'units', 'satisfaction'):
        assert page.locator('.o_gov_chart[data-chart="%s"] svg[role=img] title' % key).count() == 1
    months = page.eval_on_selector_all('table[data-table=months] tbody th',
                                       'cells => cells.map(c => c.innerText)')
    assert months == [row['label'] for row in summary['months']]
    body = page.content()
    assert not any(secret in body for secret in LETTER_SECRETS)
    page.goto('/interaction/letters')
    page.click('a[href="%s"]' % PAGE)
    page.wait_for_selector('.o_gov_letter_statistics')
    assert odoo_server.errors_since(offset) == []


def test_5_1_5_statistics_as_csv_with_chinese_headers(odoo_server):
    summary = _published_figures(odoo_server)
    response = requests.get(odoo_server.url + PAGE + '.csv', timeout=30)
    assert response.status_code == 200 and response.headers['Content-Type'].startswith('text/csv')
    text = response.content.decode('utf-8-sig')
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ['分组', '月份或单位', '收信数']
    total = rows[-1]
    assert total[0] == total[1] == '合计' and int(total[2]) == summary['total']['received']
    assert len(rows) == 1 + len(summary['months']) + len(summary['units']) + 1
    assert not any(secret in text for secret in LETTER_SECRETS)


def test_4_1_4_statistics_in_the_api(odoo_server):
    summary = _published_figures(odoo_server)
    data = call(odoo_server, 'GET', '/letters/statistics').json()
    assert data['total']['received'] == summary['total']['received']
    assert [row['label'] for row in data['months']] == [row['label'] for row in summary['months']]
    assert set(data['total']) >= {'received', 'accepted', 'replied', 'on_time_rate', 'reply_days',
                                  'satisfaction_rate'}
