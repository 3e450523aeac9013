"""Summarise an Odoo 11 ``--test-enable`` log: tests run, failures, errors,
skips (with reasons) and ERROR lines.  Exits 1 unless all is clean.

Odoo's unittest runner writes its report through the log (TestStream): a
"Ran N tests" line per test module, then "OK" or "FAILED (failures=..)".
A run counts only if it got to the end: "Modules loaded." (at-install
tests done) and "Initiating shutdown" (post-install tests done); a server
killed half-way leaves a clean-looking but partial log.
"""
import collections
import re
import sys

LINE = re.compile(r'^\S+ \S+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$')
RAN = re.compile(r'^Ran (\d+) tests? in ')
# unittest writes "FAILED (failures=1)" in one or two writes, so two log lines.
FAILED = re.compile(
    r'^(?:FAILED)? ?\(((?:failures|errors|skipped|expected failures|unexpected successes)=.*)\)$')
SKIPPED = re.compile(r"^skipped '(.*)'$")


def summarise(lines):
    totals = collections.Counter()
    skips, error_lines, modules = [], [], set()
    last_test = ''
    ends = set()
    for raw in lines:
        match = LINE.match(raw.rstrip('\n'))
        if not match:
            continue
        msg, logger = match.group('msg'), match.group('logger')
        if RAN.match(msg):
            totals['tests'] += int(RAN.match(msg).group(1))
            modules.add(logger.split('.')[2] if logger.startswith('odoo.addons.') else logger)
        elif FAILED.match(msg):
            for part in FAILED.match(msg).group(1).split(','):
                key, _, value = part.strip().partition('=')
                if key in ('failures', 'errors'):
                    totals[key] += int(value)
        elif SKIPPED.match(msg):
            skips.append((last_test, SKIPPED.match(msg).group(1)))
        elif msg.startswith('test') and ' (' in msg:
            last_test = msg
        elif msg in ('Modules loaded.', 'Initiating shutdown'):
            ends.add(msg)
        if match.group('level') in ('ERROR', 'CRITICAL'):
            error_lines.append(raw.rstrip('\n'))
    return totals, skips, error_lines, modules, len(ends) == 2


def main(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        totals, skips, error_lines, modules, complete = summarise(f)
    reasons = collections.Counter(reason for _test, reason in skips)
    print('modules tested: %d (%s)' % (len(modules), ', '.join(sorted(modules))))
    for reason, count in sorted(reasons.items()):
        print('skipped %d: %s' % (count, reason))
        for test, why in skips:
            if why == reason:
                print('    %s' % test)
    if error_lines:
        print('ERROR lines in the log (%d):' % len(error_lines))
        print('\n'.join('    ' + line for line in error_lines[:40]))
    failed = totals['failures'] + totals['errors']
    print('upstream tests: %d run, %d failures, %d errors, %d skipped, %d ERROR log lines'
          % (totals['tests'], totals['failures'], totals['errors'], len(skips), len(error_lines)))
    if not complete:
        print('the run did not complete (no "Modules loaded." and "Initiating shutdown" lines)')
    return 1 if failed or error_lines or not totals['tests'] or not complete else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
