"""Request policies that hold for every page and endpoint alike."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

NUL_REFUSED = "NUL characters are not accepted in any parameter or body."


class RefuseNulCharacters:
    """Answer 400 to a request with a NUL character in its query string or its body: nothing the
    archive stores or searches may hold one (PostgreSQL refuses them), so no view ever sees one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._holds_nul(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": NUL_REFUSED}, status=400)
            return HttpResponseBadRequest(NUL_REFUSED, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _holds_nul(request: HttpRequest) -> bool:
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            return True
        if request.method not in {"POST", "PUT", "PATCH"} or request.content_type == "multipart/form-data":
            return False
        body = request.body.lower()
        return b"\x00" in body or b"%00" in body or b"\\u0000" in body


class ApiErrorsAsJson:
    """Under /api/, an error is JSON whatever the debug setting: Django's debug pages (a 404's list of
    URL patterns, a 500's traceback) are HTML, and an API client would have to parse a web page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and response.get("Content-Type", "").startswith("text/html")
        ):
            detail = {404: f"No such resource: {request.path}", 500: "Server error; it has been logged."}
            return JsonResponse({"detail": detail.get(response.status_code, response.reason_phrase)},
                                status=response.status_code)  # fmt: skip
        return response
