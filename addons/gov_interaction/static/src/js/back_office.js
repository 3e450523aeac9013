odoo.define('gov_interaction.back_office', function (require) {
"use strict";

/**
 * The back office as civil servants use it (issue 16).
 *
 * - A refused action (UserError, ValidationError, AccessError...) opens a
 *   dialog titled in the user's language ("警告"), not with the server's
 *   fixed English envelope message ("Odoo Server Error - 警告"); an
 *   unexpected error is a "服务器错误".
 * - Discuss shows no "Odoo needs your permission to enable desktop
 *   notifications" bar: nothing of the platform relies on the browser's
 *   notifications, and staff land on their queue, not on Discuss.
 */
var core = require('web.core');
var CrashManager = require('web.CrashManager');
var ChatAction = require('mail.chat_client_action');

var _lt = core._lt;

// The JSON-RPC envelope's message of every server error (odoo.http).
var SERVER_ERROR = 'Odoo Server Error';
var TITLES = {
    user_error: _lt('Warning'),
    warning: _lt('Warning'),
    except_orm: _lt('Warning'),
    access_error: _lt('Access Error'),
    access_denied: _lt('Access Denied'),
    missing_error: _lt('Missing Record'),
    validation_error: _lt('Validation Error'),
};

CrashManager.include({
    show_warning: function (error) {
        var title = error.data && TITLES[error.data.exception_type];
        if (title && error.message === SERVER_ERROR) {
            error = _.extend({}, error, {
                message: String(title),
                data: _.extend({}, error.data, {title: ''}),
            });
        }
        return this._super(error);
    },
    show_error: function (error) {
        if (error.message === SERVER_ERROR) {
            error = _.extend({}, error, {message: String(_lt('Server Error'))});
        }
        return this._super(error);
    },
});

ChatAction.include({
    init: function () {
        this._super.apply(this, arguments);
        this.notification_bar = false;
    },
});

});
