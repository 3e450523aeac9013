"""Accessibility of every public page (issue 15, part 2; GB/T 37668-2019,
WCAG 2.1 A/AA), measured with axe-core in Chromium at phone and desktop
width: no critical or serious violation, pinch zoom allowed.  The pages
are found from the demo database: the channel, each column, each form, the
lookup, result pages, the live room, a concern's timeline, /my pages."""
import os

import pytest
from gov_http import new_user, odoo_env, sign_in

AXE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                   'node_modules', 'axe-core', 'axe.min.js')
WIDTHS = {'phone': {'width': 375, 'height': 812}, 'desktop': {'width': 1280, 'height': 900}}
TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
RUN_AXE = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                            resultTypes: ['violations']});
    return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 100) + ' '
            + n.any.concat(n.all).map(c => c.message).join(' ').slice(0, 160))}));
}"""


def _public_pages():
    """(name, path, signed in) of every kind of public page."""
    with odoo_env() as env:
        columns = env['gov.interaction.column'].search([('active', '=', True)])
        pages = [('home', '/', False), ('channel', '/interaction', False),
                 ('contact', '/contactus', False), ('login', '/web/login', False),
                 ('signup', '/web/signup', False)]
        pages += [('column-' + c.slug, '/interaction/' + c.slug, False) for c in columns]
        pages += [('letter-form', '/interaction/letters/new', True),
                  ('letter-lookup', '/interaction/letters/query', False),
                  ('letter-statistics', '/interaction/letters/statistics', False),
                  ('my', '/my/interaction', True), ('my-account', '/my/account', True)]
        pages += _record_pages(env)
    return pages


def _record_pages(env):
    """One published record of each kind, and a survey open to answers."""
    letter = env['gov.letter.publication'].search([('website_published', '=', True)], limit=1)
    concern = env['gov.concern'].search(env['gov.concern']._public_domain(), limit=1)
    interview = env['gov.interview'].search([('state', 'in', ('live', 'ended', 'published'))], limit=1)
    solicitation = env['gov.solicitation'].search([('state', '!=', 'draft')], limit=1)
    results = env['survey.survey'].search([('results_published', '=', True)], limit=1)
    running = env['survey.survey'].search([('stage_id.closed', '=', False)], limit=50).filtered(
        lambda survey: survey.gov_state == 'open')[:1]
    return [('letter', '/interaction/letters/%s' % letter.number, False),
            ('concern', '/interaction/concerns/%d' % concern.id, False),
            ('interview', '/interaction/interviews/%d' % interview.id, False),
            ('solicitation', '/interaction/solicitations/%d' % solicitation.id, False),
            ('survey-results', '/interaction/surveys/%d/results' % results.id, False),
            ('survey', running.gov_start_url, True)]


def pytest_generate_tests(metafunc):
    if 'public_page' in metafunc.fixturenames:
        pages = _public_pages()
        metafunc.parametrize('public_page', pages, ids=[p[0] for p in pages])


@pytest.fixture(scope='module')
def citizen():
    return new_user()


@pytest.mark.parametrize('width', sorted(WIDTHS))
def test_public_page_has_no_serious_accessibility_violation(page, odoo_server, citizen, public_page, width):
    name, path, signed = public_page
    page.set_viewport_size(WIDTHS[width])
    if signed:
        sign_in(page, *citizen)
    response = page.goto(path)
    assert response.status == 200, (path, response.status)
    page.wait_for_load_state('load')  # not networkidle: the live room keeps polling
    viewports = page.eval_on_selector_all('meta[name=viewport]', 'metas => metas.map(m => m.content)')
    assert all('user-scalable=no' not in v and 'maximum-scale' not in v for v in viewports)
    page.add_script_tag(path=AXE)
    violations = page.evaluate(RUN_AXE, TAGS)
    serious = [v for v in violations if v['impact'] in ('critical', 'serious')]
    assert serious == [], '%s at %s: %s' % (path, width, serious)
