# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What anyone may read of a published concern (5.4.1, 5.4.2): its
address, its data for the website and the API, and the Atom feed of
statements and updates for media and other sites to follow (5.4.3)."""
from lxml import etree

from odoo import api, fields, models

from .gov_concern import PUBLIC_STATES, _iso_utc, _summary, _text

ATOM_NS = 'http://www.w3.org/2005/Atom'
FEED_ENTRIES = 50


class GovConcern(models.Model):
    _inherit = 'gov.concern'  # pylint: disable=consider-merging-classes-inherited

    url = fields.Char('Public Address', compute='_compute_url')

    @api.multi
    def _compute_url(self):
        for concern in self:
            concern.url = '/interaction/concerns/%s' % concern.id if concern.id else False

    @api.model
    def _public_domain(self, kind=None):
        domain = [('state', 'in', PUBLIC_STATES)]
        if kind:
            domain.append(('kind', '=', kind))
        return domain

    @api.multi
    def _public_updates(self):
        """The published updates, newest first."""
        self.ensure_one()
        return self.sudo().update_ids.filtered(lambda u: u.state == 'published').sorted(
            key=lambda u: (u.date, u.id), reverse=True)

    @api.multi
    def _public_data(self, timeline=False):
        """What anyone may read about a published concern: never internal
        notes, requests or who wrote it."""
        self.ensure_one()
        concern = self.sudo()
        kinds = dict(concern._fields['kind']._description_selection(self.env))
        states = dict(concern._fields['state']._description_selection(self.env))
        data = {
            'id': concern.id,
            'title': concern.title,
            'kind': concern.kind,
            'kind_name': kinds[concern.kind],
            'region': concern.region or None,
            'responding_body': concern.department_id.name or None,
            'state': concern.state,
            'state_name': states[concern.state],
            'date_event': _iso_utc(concern.date_event) if concern.kind == 'emergency' else None,
            'date_published': _iso_utc(concern.date_published),
            'date_closed': _iso_utc(concern.date_closed),
            'date_last_update': _iso_utc(concern.date_last_update),
            'update_count': concern.update_count,
            'summary': concern.summary,
            'url': concern._absolute_url(),
        }
        if timeline:
            data['statement'] = {'html': concern.statement or '', 'text': _text(concern.statement)}
            data['timeline'] = [update._public_data() for update in concern._public_updates()]
        return data

    @api.multi
    def _absolute_url(self, anchor=None):
        self.ensure_one()
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '').rstrip('/')
        return '%s%s%s' % (base, self.url, '#' + anchor if anchor else '')

    @api.model
    def _atom_feed(self, limit=FEED_ENTRIES):
        """The Atom feed (RFC 4287) of published statements and updates,
        newest publication first, for media and other sites to follow (5.4.3)."""
        Concern = self.sudo().with_context(lang='zh_CN')
        env = Concern.env
        concerns = Concern.search(Concern._public_domain(), order='date_published desc', limit=limit)
        updates = env['gov.concern.update'].search(
            [('state', '=', 'published'), ('concern_id.state', 'in', PUBLIC_STATES)],
            order='date_published desc, id desc', limit=limit)
        entries = sorted(
            [(concern.date_published, concern, None) for concern in concerns]
            + [(update.date_published, update.concern_id, update) for update in updates],
            key=lambda entry: entry[0], reverse=True)[:limit]
        base = env['ir.config_parameter'].get_param('web.base.url', '').rstrip('/')
        column = env.ref('gov_interaction.column_concern')

        def add(parent, tag, text=None, **attributes):
            element = etree.SubElement(parent, '{%s}%s' % (ATOM_NS, tag), attributes)
            if text is not None:
                element.text = text
            return element

        feed = etree.Element('{%s}feed' % ATOM_NS, nsmap={None: ATOM_NS})
        feed.set('{http://www.w3.org/XML/1998/namespace}lang', 'zh-CN')
        add(feed, 'id', base + '/interaction/concerns')
        add(feed, 'title', '%s · %s' % (column.name, env.user.company_id.name))
        add(feed, 'updated', _iso_utc(entries[0][0] if entries else fields.Datetime.now()))
        add(feed, 'link', rel='self', type='application/atom+xml',
            href=base + '/interaction/concerns/feed.atom')
        add(feed, 'link', rel='alternate', type='text/html', href=base + '/interaction/concerns')
        add(add(feed, 'author'), 'name', env.user.company_id.name)
        kinds = dict(Concern._fields['kind']._description_selection(env))
        for published, concern, update in entries:
            entry = add(feed, 'entry')
            url = concern._absolute_url('update-%s' % update.id if update else None)
            add(entry, 'id', url)
            add(entry, 'title', '%s：%s' % (concern.title, update.title) if update else concern.title)
            add(entry, 'published', _iso_utc(published))
            add(entry, 'updated', _iso_utc(published))
            add(entry, 'link', rel='alternate', type='text/html', href=url)
            add(add(entry, 'author'), 'name', concern.department_id.name or env.user.company_id.name)
            add(entry, 'category', term=concern.kind, label=kinds[concern.kind])
            html = update.body if update else concern.statement
            add(entry, 'summary', _summary(html))
            add(entry, 'content', html or '', type='html')
        return etree.tostring(feed, xml_declaration=True, encoding='utf-8')
