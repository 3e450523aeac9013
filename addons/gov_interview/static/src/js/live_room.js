/* Copyright 2026 gov_interaction contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
 *
 * The live room of an online interview: new posts, shown questions and
 * answers arrive over Odoo's longpolling bus without reloading.  The page
 * listens to the room's server-sent events (/longpolling/gov_interview/<id>/
 * events, fanned out by the longpolling process); where they are not
 * available it polls /longpolling/poll with the option gov_interview_id.
 * Either way the server adds the interview's (non-string) channels.
 * Citizens ask and hosts post and moderate through fetch(), with the
 * page's CSRF token.
 */
(function () {
    'use strict';

    function ready(callback) {
        if (document.readyState !== 'loading') {
            callback();
        } else {
            document.addEventListener('DOMContentLoaded', callback);
        }
    }

    function fragment(html) {
        var template = document.createElement('template');
        template.innerHTML = (html || '').trim();
        return template.content.firstElementChild;
    }

    function upsert(list, prefix, message) {
        if (!list) {
            return;
        }
        var node = fragment(message.html);
        if (!node) {
            return;
        }
        var existing = document.getElementById(prefix + message.id);
        if (existing) {
            existing.parentNode.replaceChild(node, existing);
        } else {
            list.insertBefore(node, list.firstChild);
        }
    }

    function remove(id) {
        var node = document.getElementById(id);
        if (node) {
            node.parentNode.removeChild(node);
        }
    }

    function Room(element) {
        this.el = element;
        this.id = parseInt(element.getAttribute('data-interview-id'), 10);
        this.csrf = element.getAttribute('data-csrf');
        this.last = 0;
        this.busLast = parseInt(element.getAttribute('data-bus-last'), 10) || 0;
        this.requestId = 0;
        this.posts = element.querySelector('.o_gov_room_posts');
        this.questions = element.querySelector('.o_gov_room_questions');
        this.moderation = element.querySelector('.o_gov_room_moderation');
    }

    Room.prototype.handle = function (message) {
        if (!message || message.interview_id !== this.id) {
            return;
        }
        if (message.kind === 'post') {
            upsert(this.posts, 'o_gov_post_', message);
        } else if (message.kind === 'question') {
            upsert(this.questions, 'o_gov_question_', message);
        } else if (message.kind === 'remove') {
            remove((message.item === 'post' ? 'o_gov_post_' : 'o_gov_question_') + message.id);
        } else if (message.kind === 'moderation') {
            if (message.state === 'pending') {
                upsert(this.moderation, 'o_gov_mod_', message);
            } else {
                remove('o_gov_mod_' + message.id);
            }
        } else if (message.kind === 'state') {
            this.el.setAttribute('data-state', message.state);
            var label = this.el.querySelector('.o_gov_room_state');
            if (label) {
                label.textContent = message.state_label;
            }
            if (message.state !== 'live') {
                var hostForm = this.el.querySelector('.o_gov_host_post');
                if (hostForm) {
                    hostForm.classList.add('hidden');
                }
            }
            if (message.state === 'ended' || message.state === 'published') {
                var ask = this.el.querySelector('.o_gov_room_ask_form');
                if (ask) {
                    ask.classList.add('hidden');
                }
            }
        }
    };

    Room.prototype.listen = function () {
        var self = this;
        if (!window.EventSource) {
            this.poll();
            return;
        }
        var source = new window.EventSource(
            '/longpolling/gov_interview/' + this.id + '/events?last=' + this.busLast);
        source.onmessage = function (event) {
            self.handle(JSON.parse(event.data));
        };
        source.onerror = function () {
            // Closed for good (not served here): poll the bus instead.
            if (source.readyState === window.EventSource.CLOSED) {
                self.poll();
            }
        };
    };

    Room.prototype.poll = function () {
        var self = this;
        this.requestId += 1;
        var body = JSON.stringify({
            jsonrpc: '2.0', method: 'call', id: this.requestId,
            params: {channels: [], last: this.last, options: {gov_interview_id: this.id}},
        });
        fetch('/longpolling/poll', {
            method: 'POST', credentials: 'same-origin', body: body,
            headers: {'Content-Type': 'application/json'},
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(response.status);
            }
            return response.json();
        }).then(function (data) {
            if (data.error) {
                throw new Error(data.error.message);
            }
            (data.result || []).forEach(function (notification) {
                self.last = Math.max(self.last, notification.id);
                self.handle(notification.message);
            });
            self.poll();
        }).catch(function () {
            // Server restarting or network gone: retry with some spread.
            window.setTimeout(function () {
                self.poll();
            }, 2000 + Math.floor(Math.random() * 3000));
        });
    };

    Room.prototype.send = function (url, form) {
        form.append('csrf_token', this.csrf);
        return fetch(url, {
            method: 'POST', credentials: 'same-origin', body: form,
            headers: {'X-Requested-With': 'fetch', 'Accept': 'application/json'},
        }).then(function (response) {
            return response.json().then(function (data) {
                data.status = response.status;
                return data;
            });
        });
    };

    Room.prototype.bindAsk = function () {
        var self = this;
        var form = this.el.querySelector('form.o_gov_ask');
        if (!form) {
            return;
        }
        var error = form.querySelector('.o_gov_ask_error');
        var notice = this.el.querySelector('.o_gov_room_notice');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var button = form.querySelector('button[type=submit]');
            var textarea = form.querySelector('textarea[name=content]');
            button.disabled = true;
            var data = new FormData();
            data.append('content', textarea.value);
            self.send(form.getAttribute('action'), data).then(function (result) {
                button.disabled = false;
                if (result.ok) {
                    textarea.value = '';
                    error.classList.add('hidden');
                    form.querySelector('.form-group').classList.remove('has-error');
                    notice.textContent = result.message;
                    notice.classList.remove('hidden');
                } else {
                    var errors = result.errors || {};
                    error.textContent = errors.content || errors.interview || '';
                    error.classList.remove('hidden');
                    form.querySelector('.form-group').classList.add('has-error');
                    notice.classList.add('hidden');
                }
            }).catch(function () {
                button.disabled = false;
                form.submit();  // the server answers with the page; nothing typed is lost
            });
        });
    };

    Room.prototype.bindHost = function () {
        var self = this;
        var form = this.el.querySelector('form.o_gov_host_post');
        if (form) {
            var error = form.querySelector('.o_gov_host_error');
            form.addEventListener('submit', function (event) {
                event.preventDefault();
                var button = form.querySelector('button[type=submit]');
                button.disabled = true;
                self.send(form.getAttribute('action'), new FormData(form)).then(function (result) {
                    button.disabled = false;
                    if (result.ok) {
                        form.reset();
                        error.classList.add('hidden');
                    } else {
                        error.textContent = result.error || '';
                        error.classList.remove('hidden');
                    }
                });
            });
        }
        if (this.moderation) {
            this.moderation.addEventListener('click', function (event) {
                var button = event.target.closest('button[data-action]');
                if (!button) {
                    return;
                }
                var item = button.closest('.o_gov_room_mod');
                var data = new FormData();
                data.append('action', button.getAttribute('data-action'));
                data.append('answer', item.querySelector('.o_gov_mod_answer').value);
                button.disabled = true;
                var url = '/interaction/interviews/' + self.id + '/host/question/' + item.getAttribute('data-id');
                self.send(url, data).then(function (result) {
                    button.disabled = false;
                    if (result.ok) {
                        item.parentNode.removeChild(item);
                    } else {
                        window.alert(result.error || '');
                    }
                });
            });
        }
    };

    ready(function () {
        var element = document.querySelector('.o_gov_interview_room');
        if (!element || !window.fetch) {
            return;
        }
        var room = new Room(element);
        room.bindAsk();
        room.bindHost();
        if (element.getAttribute('data-state') !== 'published') {
            room.listen();
        }
    });
})();
