# Run by scripts/bench.sh through `bin/odoo shell` (where `env` is predefined)
# on a throwaway database; the transaction is rolled back at the end.
"""Routing (5.3.1): the top-1 accuracy of the suggested department on a
held-out part of the demo letters, by the routing rules alone (the
baseline) and by rules + history (where similar earlier letters were
finally handled, gov_letter_routing_history), in the same run.

The held-out letters are the latest HELD_OUT of the replied demo letters
(by time of receipt); each is suggested a department as if it had just
arrived: history sees only the letters received before it.  The answer is
the department that finally replied."""
import time

HELD_OUT = 0.3

Letter = env['gov.letter'].sudo()  # noqa: F821 (shell)
replied = Letter.search([('state', '=', 'replied'), ('department_id', '!=', False)],
                        order='date_received, id')
held_out = replied[int(len(replied) * (1 - HELD_OUT)):]


def accuracy(suggest):
    """(% right, ms per suggestion) of ``suggest`` over the held-out letters."""
    start = time.perf_counter()
    right = sum(1 for letter in held_out if suggest(letter) == letter.department_id)
    return 100.0 * right / len(held_out), 1000 * (time.perf_counter() - start) / len(held_out)


rules, rules_ms = accuracy(lambda letter: letter._suggestion_by_rules())
history, history_ms = accuracy(lambda letter: letter._suggestion()[0])
print('routing top-1 on %d held-out replied letters (of %d): rules alone %.1f%% (%.1f ms each), '
      'rules + history %.1f%% (%.1f ms each; goal >= 85%%): %.1f points better'
      % (len(held_out), len(replied), rules, rules_ms, history, history_ms, history - rules))
env.cr.rollback()  # noqa: F821
