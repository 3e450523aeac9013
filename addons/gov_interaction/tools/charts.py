# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows of the result charts of solicitations and surveys (5.1.5), drawn
by the ``gov_interaction.bar_chart`` template."""


def chart_rows(pairs, total):
    """[(label, count)] as chart rows with the percentage of ``total``
    (one decimal; 0 when there is nothing to count)."""
    rows = []
    for label, count in pairs:
        percent = round(100.0 * count / total, 1) if total else 0.0
        rows.append({'label': label, 'count': count, 'percent': percent,
                     'percent_text': '%.1f%%' % percent,
                     'value_text': '%s (%.1f%%)' % (count, percent),
                     'width': '%.1f' % (percent * 2.9)})
    return rows
