"""The access matrix in Chromium (README "Security"): a handler of another
department who opens a letter's back-office address gets Odoo's access
error, and nothing of the letter."""
from gov_http import odoo_env, sign_in


def test_access_matrix_other_departments_handler_gets_the_access_error(page, odoo_server):
    offset = odoo_server.log_size()
    with odoo_env() as env:
        letter = env.ref('gov_letter.letter_demo_5')  # 省教育厅's
        assert letter.department_id == env.ref('gov_interaction.dept_edu')
        secrets = [letter.number, letter.title, letter.content[:20], letter.writer_name, letter.writer_phone]
        letter_id = letter.id
    sign_in(page, 'handler_env', 'handler_env')  # 省生态环境厅
    page.goto('/web#id=%d&model=gov.letter&view_type=form' % letter_id)
    dialog = page.wait_for_selector('.modal-dialog')
    assert '访问错误' in dialog.inner_text()  # Odoo's "Access Error"
    assert '安全限制' in dialog.inner_text()  # "due to security restrictions"
    body = page.inner_text('body')
    assert [secret for secret in secrets if secret in body] == []
    assert odoo_server.errors_since(offset) == []
