"""The whole 互动交流 channel over the JSON API (4.1.4), across the addons:
every column in order with its latest public items (the letters' are
published replies, 5.3.9), in Chinese and English, and the OpenAPI document
with each addon's fragment merged in."""
import json
import os

from gov_http import call, error_of
from openapi_spec_validator import validate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPENAPI = os.path.join(ROOT, 'addons', 'gov_interaction', 'static', 'api', 'openapi.json')


def test_4_1_4_api_channel_and_columns(odoo_server):
    offset = odoo_server.log_size()
    response = call(odoo_server, 'GET', '/channel')
    assert response.status_code == 200 and response.headers['Content-Language'] == 'zh-CN'
    assert 'Cache-Control' not in response.headers, "public data, anonymous request"
    channel = response.json()
    assert channel['name'] == '互动交流' and channel['url'] == '/interaction'
    codes = [column['code'] for column in channel['columns']]
    assert codes == ['solicitation', 'survey', 'interview', 'letter', 'concern', 'petition', 'discipline']
    letter = channel['columns'][3]
    assert letter['url'] == '/interaction/letters' and letter['unified_login'] and not letter['special']
    assert [column['special'] for column in channel['columns']].count(True) == 2
    for part in ('purpose', 'aim', 'usage'):
        assert letter[part]['html'].startswith('<p>') and letter[part]['text']
        assert '<' not in letter[part]['text']
    # Published replies only (gov_letter, 5.3.9): never the writer.
    assert all(item['url'].startswith('/interaction/letters/XJ') and set(item) == {'title', 'url', 'date'}
               for item in letter['latest_items'])

    english = call(odoo_server, 'GET', '/channel', headers={'Accept-Language': 'en-US,en;q=0.9'})
    assert english.headers['Content-Language'] == 'en-US'
    assert english.json()['name'] == 'Interaction'
    assert english.json()['columns'][3]['name'] == 'Consultation and Complaint'
    chinese = call(odoo_server, 'GET', '/channel?lang=zh_CN', headers={'Accept-Language': 'en-US'})
    assert chinese.json()['name'] == '互动交流', "?lang= wins over Accept-Language"

    # The channel lists each column's 5 latest items; a column asked for
    # with the same limit is the same object.
    column = call(odoo_server, 'GET', '/columns/letter?lang=en_US&limit=5')
    assert column.status_code == 200
    assert column.json() == english.json()['columns'][3]
    longer = call(odoo_server, 'GET', '/columns/letter?lang=en_US&limit=50').json()['latest_items']
    assert longer[:5] == column.json()['latest_items']
    missing = call(odoo_server, 'GET', '/columns/no-such-column?lang=en_US')
    assert error_of(missing, 404, 'not_found')['message'] == 'There is no column with this code.'
    assert odoo_server.errors_since(offset) == []


def test_4_1_4_openapi_document_served_and_valid(odoo_server):
    response = call(odoo_server, 'GET', '/openapi.json')
    assert response.status_code == 200 and response.headers['Content-Type'].startswith('application/json')
    document = response.json()
    with open(OPENAPI, encoding='utf-8') as base:
        assert set(json.load(base)['paths']) < set(document['paths'])
    # The letters addon's fragment is merged in, its schemas resolve.
    assert '/letters/query' in document['paths'] and 'LetterList' in document['components']['schemas']
    validate(document)
