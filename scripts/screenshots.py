"""The README's screenshots, taken from the running demo (`make run`) in
headless Chromium at phone width: the channel, a letter's lookup, the
letter statistics and 长者模式.

Usage: .venv/bin/python scripts/screenshots.py [BASE_URL]   (default http://127.0.0.1:8069)
Writes docs/screenshots/*.png (viewport-sized PNGs, tens of KB each)."""
import os
import sys

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'docs', 'screenshots')
PHONE = {'width': 375, 'height': 740}


def sign_in(page, login):
    page.goto('/web/login?redirect=/my/interaction')
    page.fill('input[name=login]', login)
    page.fill('input[name=password]', login)  # every demo password is the login
    page.click('form.oe_login_form button[type=submit]')
    page.wait_for_url(lambda url: '/web/login' not in url)


def replied_letter(page):
    letters = page.request.get('/api/v1/letters/mine').json()['items']
    return next(letter['number'] for letter in letters if letter['state'] == 'replied')


def shoot(page, name, path, selector=None):
    page.goto(path)
    page.wait_for_load_state('load')
    if selector:
        page.locator(selector).first.scroll_into_view_if_needed()
    page.screenshot(path=os.path.join(OUT, name + '.png'))
    print('docs/screenshots/%s.png' % name)


def main(base_url):
    os.makedirs(OUT, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get('CHROMIUM', '/usr/bin/chromium'),
                                             args=['--no-sandbox'])
        context = browser.new_context(base_url=base_url, locale='zh-CN', viewport=PHONE,
                                      device_scale_factor=1)
        page = context.new_page()
        shoot(page, 'channel', '/interaction')
        shoot(page, 'statistics', '/interaction/letters/statistics', '.o_gov_chart[data-chart=months]')
        sign_in(page, 'citizen')
        shoot(page, 'lookup', '/interaction/letters/query?number=%s' % replied_letter(page),
              '.o_gov_letter_timeline')
        context.add_cookies([{'name': 'gov_elder', 'value': '1', 'url': base_url}])
        shoot(page, 'elder-mode', '/interaction/letters')
        browser.close()


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'http://127.0.0.1:8069')
