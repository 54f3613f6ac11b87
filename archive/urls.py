from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from articles import views as article_views
from entities import pages as entity_pages
from entities import views as entity_views

router = DefaultRouter()
router.register("sources", article_views.SourceViewSet)
router.register("articles", article_views.ArticleViewSet)
router.register("entities", entity_views.EntityViewSet)
router.register("events", entity_views.EventViewSet)
router.register("mentions", entity_views.MentionViewSet)
router.register("candidates", entity_views.CandidateViewSet)


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and docker compose; touches no database."""
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("healthz", healthz),
    path("timeline/", entity_pages.timeline, name="timeline"),
    path("timeline/export.csv", entity_pages.timeline_csv, name="timeline-csv"),
    path("timeline/export.json", entity_pages.timeline_json, name="timeline-json"),
]
