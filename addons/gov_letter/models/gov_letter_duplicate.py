# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""5.3.2 c): an earlier letter that a new one may repeat, and how alike
the two are.

A letter repeats another when it is about the same matter: a similar
subject and content, whoever wrote it.  Having written before is not
enough.  The judge (:func:`signature_similarity`, :func:`is_same_matter`)
works on the texts alone:

- similarity: the Dice coefficient of the two texts' character bigrams
  (Chinese has no spaces between words; two characters are the shortest
  unit that carries a meaning, and a reworded letter keeps most of them),
  the subject weighing TITLE_WEIGHT beside title and content together;
- another writer: a letter about other cities, districts or counties than
  the earlier one is about another matter however alike the words ("the
  supermarket sold expired milk" in two cities), and so is one whose
  subject, without the places, has little in common with the earlier one's
  (the same boilerplate from the same district).  The writer's own letters
  are judged on the similarity alone.

The labelled pairs of demo_generators/gov_letter_duplicate_pairs.py
measure it (test_5_3_2_duplicate_precision_recall)."""
import re

from odoo import fields, models

# Of the similarity, what the subject weighs beside title and content.
TITLE_WEIGHT = 0.3
# Another writer's letter repeats a matter only when the subjects, without
# the places, have at least this much in common (similar boilerplate and the
# same district are not the same matter).
SUBJECT_MIN = 0.2
# Cities, districts, counties and towns named in a letter: two characters and the
# suffix (哈尔滨市 -> 尔滨市, 道里区), not a word that only looks like one
# (市民, 小区, 超市, "上夜班的市民").
PLACE = re.compile(r'(?=([\u4e00-\u9fff]{2}[市区县镇])(?![民场委政容里级域]))')
NOT_PLACES = ('小区', '社区', '园区', '城区', '市区', '辖区', '地区', '片区', '街区', '山区', '景区',
              '校区', '超市', '城市', '都市', '门市', '夜市', '早市', '乡镇', '城镇', '集镇')
NOT_IN_PLACES = set('的了在和与是到个这那各本全该此我你他们')


def _normalised(text):
    """Lower case, without spaces, punctuation or symbols."""
    return re.sub(r'[\W_]+', '', (text or '').lower())


def _bigrams(text):
    text = _normalised(text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _dice(first, second):
    if not first or not second:
        return 0.0
    return 2.0 * len(first & second) / (len(first) + len(second))


def signature(letter):
    """What :func:`signature_similarity` compares of a letter (title,
    content): the bigrams of its title and of title and content."""
    return _bigrams(letter[0]), _bigrams('%s%s' % letter)


def signature_similarity(first, second):
    """How alike two letters of signatures ``first`` and ``second`` are:
    0 to 1."""
    return TITLE_WEIGHT * _dice(first[0], second[0]) + (1 - TITLE_WEIGHT) * _dice(first[1], second[1])


def places(text):
    """The cities, districts and counties ``text`` names."""
    return {name for name in PLACE.findall(text or '')
            if name[1:] not in NOT_PLACES and not NOT_IN_PLACES & set(name[:2])}


def _other_places(first, second):
    """Whether texts ``first`` and ``second`` name places and none in
    common, or districts and counties and none in common (哈尔滨市道里区,
    哈尔滨市南岗区)."""
    named, other = places(first), places(second)
    if named and other and not named & other:
        return True
    named, other = ({name for name in names if name[-1] != '市'} for names in (named, other))
    return bool(named and other and not named & other)


def _subject_similarity(first, second):
    """How alike titles ``first`` and ``second`` are, without their places."""
    for name in places(first) | places(second):
        first, second = first.replace(name, ''), second.replace(name, '')
    return _dice(_bigrams(first), _bigrams(second))


def is_same_matter(first, second, similarity, threshold, same_writer, questions=False):
    """Whether letters of (title, content) ``first`` and ``second``, as
    alike as ``similarity``, are about the same matter (5.3.2 c).
    ``questions``: both are consultations (two people asking the same
    question are two consultations)."""
    if similarity < threshold:
        return False
    if same_writer:
        return True
    return not questions and _subject_similarity(first[0], second[0]) >= SUBJECT_MIN and \
        not _other_places('%s%s' % first, '%s%s' % second)


class GovLetterDuplicate(models.Model):
    """5.3.2 c): an earlier letter that ``letter_id`` may repeat, found
    when it arrived; the clerk decides (Close as Duplicate)."""

    _name = 'gov.letter.duplicate'
    _description = 'Possible Original'
    _order = 'similarity desc, id'
    _rec_name = 'candidate_id'
    # The system's finding as the letter arrives: who and when are the
    # letter's; no columns (nor their two keys to res_users) to fill at
    # every intake.
    _log_access = False

    letter_id = fields.Many2one('gov.letter', required=True, readonly=True,
                                ondelete='cascade', index=True)
    candidate_id = fields.Many2one('gov.letter', 'Earlier Letter', required=True, readonly=True,
                                   ondelete='cascade', index=True)
    similarity = fields.Integer('Similarity (%)', readonly=True, group_operator='max',
                                help="How alike the subjects and contents of the two letters are.")
    same_writer = fields.Boolean(readonly=True,
                                 help="Written by the same account, phone or ID number.")
    candidate_title = fields.Char(related='candidate_id.title', readonly=True)
    candidate_date = fields.Datetime(related='candidate_id.date_received', readonly=True)
    candidate_department_id = fields.Many2one(related='candidate_id.department_id', readonly=True)
    candidate_state = fields.Selection(related='candidate_id.state', readonly=True)

    _sql_constraints = [
        ('letter_candidate_unique', 'unique(letter_id, candidate_id)',
         'An earlier letter is listed once per letter.'),
    ]
