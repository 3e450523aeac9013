odoo.define('gov_interaction.export_list', function (require) {
"use strict";
/**
 * A list whose records have an export (issue 16): an "Export (XLSX)"
 * button in the control panel, beside Create, where the records are.  The
 * list is <tree js_class="gov_export_list">; its window action's context
 * names the action the button opens, a wizard (the period, the
 * departments) or a server action that starts the background export:
 *
 *     {'gov_export_action': 'gov_interview.action_gov_interview_compliance_xlsx'}
 */
var core = require('web.core');
var ListController = require('web.ListController');
var ListView = require('web.ListView');
var viewRegistry = require('web.view_registry');

var _t = core._t;

var ExportListController = ListController.extend({
    init: function (parent, model, renderer, params) {
        this._super.apply(this, arguments);
        this.exportAction = params.exportAction;
    },
    renderButtons: function ($node) {
        this._super.apply(this, arguments);
        if (!this.$buttons || !this.exportAction) {
            return;
        }
        $('<button type="button" class="btn btn-sm btn-default o_gov_list_export"/>')
            .text(' ' + _t('Export (XLSX)'))
            .prepend($('<span class="fa fa-download" aria-hidden="true"/>'))
            .on('click', this._onExport.bind(this))
            .appendTo(this.$buttons);
    },
    _onExport: function () {
        this.do_action(this.exportAction);
    },
});

var ExportListView = ListView.extend({
    config: _.extend({}, ListView.prototype.config, {Controller: ExportListController}),
    init: function (viewInfo) {
        this._super.apply(this, arguments);
        this.controllerParams.exportAction = this.loadParams.context.gov_export_action;
    },
});

viewRegistry.add('gov_export_list', ExportListView);

return {ExportListController: ExportListController, ExportListView: ExportListView};
});
