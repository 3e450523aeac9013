# Run by scripts/run.sh through `bin/odoo shell` on the new demo database:
# the demo speaks Chinese, in China's time zone, on the website too.
LANG = 'zh_CN'
TZ = 'Asia/Shanghai'

lang = env['res.lang'].search([('code', '=', LANG)])
assert lang, 'load the language first: -i ... --load-language=%s' % LANG

users = env['res.users'].with_context(active_test=False).search([])
users.write({'lang': LANG, 'tz': TZ})
env['res.partner'].with_context(active_test=False).search([]).write({'lang': LANG, 'tz': TZ})
for website in env['website'].search([]):
    website.write({'language_ids': [(4, lang.id)], 'default_lang_id': lang.id})
env['ir.default'].set('res.partner', 'lang', LANG)
env.cr.commit()
