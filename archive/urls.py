from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from archive import timeline
from archive import views as archive_views
from archive.api import router

admin.site.site_header = "News archive"
admin.site.site_title = "News archive"
admin.site.index_title = "Curation"


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers and docker compose; touches no database."""
    return JsonResponse({"status": "ok"})


urlpatterns = [
    # Before admin/: the admin's own patterns would take "dashboard" or "review" for an app and answer 404.
    path("admin/dashboard/", admin.site.admin_view(archive_views.archive_dashboard), name="dashboard"),
    path("admin/review/", admin.site.admin_view(archive_views.review_queue), name="review-queue"),
    path("admin/", admin.site.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("api/v1/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("api/v1/token/", obtain_auth_token, name="api-token"),
    path("api/v1/", include(router.urls)),
    path("healthz", healthz),
    path("timeline/", timeline.timeline, name="timeline"),
    path("timeline/export.csv", timeline.timeline_csv, name="timeline-csv"),
    path("timeline/export.json", timeline.timeline_json, name="timeline-json"),
]
