# Run by scripts/bench.sh through `bin/odoo shell` (where `env` is predefined)
# on a throwaway database; the transaction is rolled back at the end.
"""Survey result analysis: our published analysis (survey.survey._gov_results,
per-question counts by read_group) against the baseline of Odoo itself, what
its back-office results page computes (prepare_result and get_input_summary
per question, counting in Python), on the demo survey with 420 responses, in
the same run.  Also checks that both count every option the same."""
import time

RUNS = 5

survey = env.ref('gov_survey.demo_survey_service').sudo()  # noqa: F821 (shell)
Survey = env['survey.survey'].sudo()  # noqa: F821
questions = survey._gov_questions()


def ours():
    env.cache.invalidate()  # noqa: F821 (cold cache each run)
    return survey._gov_results()


def odoo():
    env.cache.invalidate()  # noqa: F821 (cold cache each run)
    return {question.id: (Survey.prepare_result(question), Survey.get_input_summary(question))
            for question in questions}


def best(func):
    times, result = [], None
    for _run in range(RUNS):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return min(times), result


our_time, our_result = best(ours)
odoo_time, odoo_result = best(odoo)
differences = 0
for question in our_result['questions']:
    if 'options' not in question:
        continue
    theirs = {answer['text']: answer['count'] for answer in odoo_result[question['id']][0]['answers']}
    differences += sum(1 for option in question['options'] if theirs.get(option['label']) != option['count'])
print('survey results (%d responses, %d questions): ours %.1f ms, Odoo %.1f ms, %.1fx faster, '
      '%d option counts differ' % (our_result['participant_count'], len(questions), our_time * 1000,
                                   odoo_time * 1000, odoo_time / our_time if our_time else 0, differences))
