"""Start or stop the nginx front of an Odoo server (deploy/nginx.conf.template).

    gateway.py start PREFIX PUBLIC_PORT HTTP_PORTS LONGPOLLING_PORTS
    gateway.py stop PREFIX

HTTP_PORTS and LONGPOLLING_PORTS: one port per Odoo server, comma-separated
(several servers on one database share the front round-robin).

PREFIX is a directory of its own (var/nginx for the demo, one per test run).
"""
import os
import signal
import string
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATE = os.path.join(ROOT, 'deploy', 'nginx.conf.template')
NGINX = os.environ.get('NGINX', '/usr/sbin/nginx')


def start(prefix, public_port, http_port, longpolling_port):
    stop(prefix)
    for sub in ('tmp/body', 'tmp/proxy'):
        os.makedirs(os.path.join(prefix, sub), exist_ok=True)
        os.chmod(os.path.join(prefix, sub), 0o1777)  # nginx workers drop root
    with open(TEMPLATE, encoding='utf-8') as f:
        conf = string.Template(f.read()).safe_substitute(
            PUBLIC_PORT=public_port, HTTP_SERVERS=_servers(http_port),
            LONGPOLLING_SERVERS=_servers(longpolling_port))
    with open(os.path.join(prefix, 'nginx.conf'), 'w', encoding='utf-8') as f:
        f.write(conf)
    subprocess.run([NGINX, '-p', prefix, '-c', 'nginx.conf', '-e', 'error.log', '-q'], check=True)


def _servers(ports):
    return ' '.join('server 127.0.0.1:%d;' % int(port) for port in str(ports).split(','))


def stop(prefix):
    pid_file = os.path.join(prefix, 'nginx.pid')
    try:
        with open(pid_file) as f:
            pid = int(f.read().strip())
        os.kill(pid, signal.SIGQUIT)
    except (OSError, ValueError):
        return
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except OSError:
            return
        time.sleep(0.1)


if __name__ == '__main__':
    command, prefix = sys.argv[1], os.path.abspath(sys.argv[2])
    if command == 'start':
        start(prefix, *sys.argv[3:6])
    else:
        stop(prefix)
