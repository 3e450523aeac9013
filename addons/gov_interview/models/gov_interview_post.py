# Copyright 2026 gov_interaction contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

IMAGE_EXTENSIONS = ('.jpg', '.jpeg', '.png', '.gif', '.webp')
IMAGE_MAX_MB = 5
IMAGES_PER_POST = 9
BODY_MAX = 2000


class GovInterviewPost(models.Model):
    """An image-text post of the host in the live room: text and pictures,
    pushed to every open browser."""

    _name = 'gov.interview.post'
    _inherit = ['gov.department.mixin']
    _description = 'Interview Live Post'
    _order = 'date desc, id desc'

    interview_id = fields.Many2one('gov.interview', required=True, ondelete='cascade', index=True)
    department_id = fields.Many2one(related='interview_id.department_id', store=True, readonly=True,
                                    index=True)
    body = fields.Text(required=True)
    speaker = fields.Char(help="Who speaks, e.g. 主持人 or a guest's title and name.")
    image_ids = fields.Many2many('ir.attachment', 'gov_interview_post_ir_attachment_rel',
                                 'post_id', 'attachment_id', string='Pictures')
    author_id = fields.Many2one('res.users', 'Posted By', default=lambda self: self.env.user,
                                readonly=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    @api.constrains('body')
    def _check_body(self):
        for post in self:
            if not (post.body or '').strip():
                raise ValidationError(_("A post needs some text."))
            if len(post.body) > BODY_MAX:
                raise ValidationError(_("A post has at most %s characters.") % BODY_MAX)

    @api.constrains('image_ids')
    def _check_images(self):
        for post in self:
            images = post.sudo().image_ids
            if len(images) > IMAGES_PER_POST:
                raise ValidationError(_("A post has at most %s pictures.") % IMAGES_PER_POST)
            for image in images:
                name = (image.datas_fname or image.name or '').lower()
                if not name.endswith(IMAGE_EXTENSIONS) or not (image.mimetype or '').startswith('image/'):
                    raise ValidationError(_(
                        "%s is not a picture: only JPG, PNG, GIF and WebP are accepted.")
                        % (image.datas_fname or image.name))
                if (image.file_size or 0) > IMAGE_MAX_MB * 1024 * 1024:
                    raise ValidationError(_("The picture %(name)s is larger than %(size)s MB.") % {
                        'name': image.datas_fname or image.name, 'size': IMAGE_MAX_MB})

    @api.model
    def create(self, vals):
        post = super(GovInterviewPost, self).create(vals)
        post._publish_images()
        if not self.env.context.get('gov_interview_import'):  # demo data: past interviews
            post.interview_id._require_state('live')
            post._push()
        return post

    @api.multi
    def write(self, vals):
        result = super(GovInterviewPost, self).write(vals)
        self._publish_images()
        self._push()
        return result

    @api.multi
    def unlink(self):
        removed = [(post.interview_id, post.id) for post in self]
        result = super(GovInterviewPost, self).unlink()
        for interview, post_id in removed:
            interview._notify({'kind': 'remove', 'item': 'post', 'id': post_id})
        return result

    def _publish_images(self):
        # Pictures of a live post are public like the post.
        for post in self:
            post.sudo().image_ids.write({'public': True, 'res_model': self._name, 'res_id': post.id})

    def _push(self):
        for post in self:
            interview = post.interview_id
            interview._notify({'kind': 'post', 'id': post.id, 'html': interview._render_snippet(
                'gov_interview.room_post', {'post': post.sudo()})})

    def _public_data(self, base_url=''):
        self.ensure_one()
        return {
            'id': self.id,
            'speaker': self.speaker or None,
            'text': self.body,
            'time': self.interview_id._utc(self.date),
            'pictures': ['%s/web/image/%s' % (base_url, image.id) for image in self.sudo().image_ids],
        }
