"""What the archive's admin classes and pages share: links to an object's page and to a filtered list,
and a history-keeping admin that names the editor of every row it writes."""

from urllib.parse import urlencode

from django import forms
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms import BaseFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from archive.common.history import deleting_as, recorded
from archive.common.provenance import Asserted, Origin


def admin_link(obj: models.Model) -> SafeString:
    """A link to the object's admin page, named by the object."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj)


def changelist(app_label: str, model_name: str, **filters: object) -> str:
    """The admin list of a model, filtered: `status="open"` becomes `?status__exact=open`."""
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    lookups = {key if "__" in key else f"{key}__exact": value for key, value in filters.items()}
    return f"{url}?{urlencode(lookups)}" if lookups else url


# A one-line text this long (a title, a description, a role) is shown whole, wrapped over lines,
# rather than cut off at the edge of a single-line input.
LONG_LINE = 200


class OneLineField(forms.CharField):
    """A one-line text edited in a box that wraps it; line breaks typed into it become spaces."""

    widget = forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField one-line"})

    def to_python(self, value: object) -> str:
        return " ".join(str(super().to_python(value)).split())


LOGGED_AT_MOST = 1000  # log lines one action writes: "select all" over a large archive stays bounded


class LoggedActions:
    """Bulk actions leave a line in the admin's log (the index's "Recent actions" and each object's
    log) for every object they ran on, as the curator's, like the admin's own saves and deletions.
    An action that stops at a page of its own (a confirmation) has not run yet and logs nothing."""

    def response_action(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        chosen = (
            queryset
            if request.POST.get("select_across") == "1"
            else queryset.filter(pk__in=request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        )
        chosen = list(chosen[: LOGGED_AT_MOST + 1])  # read before the action: a merge deletes some
        response = super().response_action(request, queryset)
        action = request.POST.get("action", "")
        if isinstance(response, HttpResponseRedirect) and chosen and action in self.get_actions(request):
            description = str(self.get_actions(request)[action][2]).rstrip("…").rstrip(".")
            more = f", and on more objects than the {LOGGED_AT_MOST} logged" if len(chosen) > LOGGED_AT_MOST else ""
            LogEntry.objects.log_actions(
                request.user.pk, chosen[:LOGGED_AT_MOST], CHANGE, change_message=f"Ran “{description}”{more}"
            )
        return response


class HistoryAdmin(LoggedActions, SimpleHistoryAdmin):
    """An admin whose every write is recorded as the editor's, named explicitly: the object saved or
    deleted, the rows its inline forms save or delete, and the rows a deletion takes with it. A fact
    (a model with provenance) that the editor adds or changes becomes the editor's: origin curator.
    Long one-line texts are edited in boxes that show them whole (OneLineField)."""

    def formfield_for_dbfield(self, db_field: models.Field, request: HttpRequest, **kwargs: object) -> forms.Field:
        if type(db_field) is models.CharField and not db_field.choices and (db_field.max_length or 0) >= LONG_LINE:
            kwargs.setdefault("form_class", OneLineField)
            kwargs.setdefault("widget", OneLineField.widget)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: models.Model, form: object, change: bool) -> None:
        if isinstance(obj, Asserted) and (not change or form.has_changed()):
            obj.assert_as(Origin.CURATOR, acting_user=request.user)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: object, formset: BaseFormSet, change: bool) -> None:
        instances = formset.save(commit=False)
        for gone in formset.deleted_objects:
            recorded(gone, acting_user=request.user).delete()
        for instance in instances:
            if isinstance(instance, Asserted):
                instance.assert_as(Origin.CURATOR, acting_user=request.user)
            recorded(instance, acting_user=request.user).save()
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        with deleting_as(request.user):
            recorded(obj, acting_user=request.user).delete()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with deleting_as(request.user):
            for obj in queryset:
                recorded(obj, acting_user=request.user).delete()

    def history_view(self, request: HttpRequest, object_id: str, extra_context: dict | None = None) -> HttpResponse:
        """404, not an error, for an address whose id is no id of this model."""
        self._valid_id_or_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        self._valid_id_or_404(object_id)
        if not str(version_id).isdigit():
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _valid_id_or_404(self, object_id: str) -> None:
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError as exc:
            raise Http404 from exc
