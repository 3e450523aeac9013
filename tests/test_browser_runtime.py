"""The platform in real headless Chromium: pages render with their compiled
CSS (lessc), the back office loads and the administrator can log in."""

def _styled(page, selector, prop):
    return page.eval_on_selector(selector, '(el, p) => getComputedStyle(el)[p]', prop)


def _css_rule_count(page):
    return page.evaluate("""() => Array.from(document.styleSheets)
        .reduce((n, s) => { try { return n + s.cssRules.length } catch (e) { return n } }, 0)""")


def _track_css(page):
    responses = []
    page.on('response', lambda r: r.url.endswith('.css') and responses.append((r.url, r.status)))
    return responses


def test_website_home_renders_with_its_css(page, odoo_server):
    offset = odoo_server.log_size()
    css = _track_css(page)
    page.goto('/')
    page.wait_for_load_state('networkidle')
    assert css and all(status == 200 for _url, status in css), css
    assert any('assets_frontend' in url for url, _status in css)
    # Bootstrap from the compiled bundle: .container is padded, the navbar styled.
    assert _styled(page, '.container', 'paddingLeft') == '15px'
    assert _styled(page, '.navbar', 'borderStyle') != 'none'
    assert _css_rule_count(page) > 1000
    assert odoo_server.errors_since(offset) == []


def test_backend_login_renders_and_admin_reaches_discuss(page, odoo_server):
    offset = odoo_server.log_size()
    css = _track_css(page)
    page.goto('/web/login')
    assert css and all(status == 200 for _url, status in css), css
    button = 'form.oe_login_form button[type=submit]'
    assert _styled(page, button, 'backgroundColor') not in ('rgba(0, 0, 0, 0)', 'rgb(239, 239, 239)')
    assert _css_rule_count(page) > 1000

    page.fill('input[name=login]', 'admin')
    page.fill('input[name=password]', 'admin')
    page.click(button)
    # With OCA web_responsive the apps are in the app drawer.
    apps = page.locator('#odooAppDrawer a[data-menu-xmlid]')
    apps.first.wait_for(state='attached')
    # The web client is ready (its menus answer clicks) once the home action shows.
    page.wait_for_selector('.o_control_panel:not(.o_hidden)')
    assert apps.count() >= 3
    for app, shown in (('base.menu_administration', '.o_control_panel'),
                       ('mail.mail_channel_menu_root_chat', '.o_mail_chat .o_mail_chat_sidebar')):
        # The drawer slides and scrolls its icons itself (iScroll): the
        # menu's link gets its click where it is, the drawer open or not.
        page.dispatch_event('#odooAppDrawer a[data-menu-xmlid="%s"]' % app, 'click')
        page.wait_for_selector(shown)
    assert odoo_server.errors_since(offset) == []


def test_longpolling_bus_answers_through_the_front(page, odoo_server):
    """The web client's /longpolling requests reach the gevent bus (not a
    prefork worker, which would answer "bus.Bus unavailable")."""
    offset = odoo_server.log_size()
    page.goto('/')
    received = page.evaluate("""async () => {
        const rpc = (url, params) => fetch(url, {
            method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({jsonrpc: '2.0', method: 'call', params}),
        }).then(r => r.json());
        await rpc('/longpolling/send', {channel: 'gov_runtime_probe', message: 'ping'});
        const answer = await rpc('/longpolling/poll', {channels: ['gov_runtime_probe'], last: 0});
        return answer.result.map(n => n.message);
    }""")
    assert 'ping' in received
    assert odoo_server.errors_since(offset) == []
