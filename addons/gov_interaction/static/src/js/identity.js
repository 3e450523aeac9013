odoo.define('gov_interaction.identity', function (require) {
"use strict";
/**
 * The back office's tab title ends with the site's name instead of "Odoo":
 * "信件 - 互动交流 - 黑龙江省人民政府".  The page's <title> holds that
 * name (views/identity_templates.xml, webclient_identity).
 */
var AbstractWebClient = require('web.AbstractWebClient');

AbstractWebClient.include({
    init: function () {
        this._super.apply(this, arguments);
        this.set('title_part', {zopenerp: document.title});
    },
});
});
