"""The archive's own admin pages (staff only, inside the admin's look): the review queue."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from archive import review


def review_queue(request: HttpRequest) -> HttpResponse:
    """Articles imported but not reviewed, open entity candidates and event proposals, oldest first."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": "Review queue", "queues": review.queues()}
    return TemplateResponse(request, "admin/review_queue.html", context)
