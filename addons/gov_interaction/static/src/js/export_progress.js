odoo.define('gov_interaction.export_progress', function (require) {
"use strict";
/**
 * The progress bar of a background export (gov.export.job): while the
 * export waits or runs, the view reloads every two seconds, so the bar
 * moves and the download appears without the user doing anything.
 */
var basicFields = require('web.basic_fields');
var fieldRegistry = require('web.field_registry');

var RELOAD_MS = 2000;
var PENDING = ['queued', 'running'];

var ExportProgress = basicFields.FieldProgressBar.extend({
    _render: function () {
        this._super.apply(this, arguments);
        clearTimeout(this._reloadTimer);
        if (PENDING.indexOf(this.record.data.state) !== -1) {
            this._reloadTimer = setTimeout(this._reload.bind(this), RELOAD_MS);
        }
    },
    _reload: function () {
        this.trigger_up('reload', {db_id: this.record.id});
    },
    destroy: function () {
        clearTimeout(this._reloadTimer);
        this._super.apply(this, arguments);
    },
});

fieldRegistry.add('gov_export_progress', ExportProgress);

return ExportProgress;
});
