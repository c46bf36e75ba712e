from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from concordance.corpus.models import Instrument
from concordance.htmx import template_for
from concordance.mapping import curation, table
from concordance.mapping import themes as themes_page
from concordance.mapping.curators import curator_required
from concordance.mapping.forms import ConcordanceFilterForm, CorrespondenceForm, choose_instrument
from concordance.mapping.models import Correspondence, Theme
from concordance.paging import BadPage, NoSuchPage


def concordance(request: HttpRequest) -> HttpResponse:
    instruments = list(Instrument.objects.all())
    instrument = choose_instrument(instruments, request.GET.get("from"))
    if instrument is None:
        raise Http404("Instrument inconnu.")
    themes = list(Theme.objects.all())
    form = ConcordanceFilterForm(request.GET, chapters=table.chapters(instrument), themes=themes)
    filters = form.filters()
    rows = table.concordance_rows(instrument, filters)
    context = {
        "instrument": instrument,
        "instruments": instruments,
        "form": form,
        "filters": filters,
        "rows": rows,
        # An article linked in one instrument and recorded without counterpart in another (UN 61: the
        # Protocol, not Budapest) counts once, among the linked ones: the two counts add up to the rows.
        "mapped": sum(1 for row in rows if row.article_counterparts),
        "missing": sum(1 for row in rows if row.gaps and not row.article_counterparts),
        "mapped_with_gap": sum(1 for row in rows if row.gaps and row.article_counterparts),
        # The export links carry the filters applied (exports/views_sheets.py reads them the same way).
        "export_query": urlencode({"from": instrument.slug, **form.in_query()}),
    }
    return render(request, template_for(request, "mapping/concordance.html", "results"), context, status=form.status)


def themes(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "mapping/themes.html",
        {"themes": Theme.objects.annotate(article_count=Count("articles"))},
    )


def theme(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug)
    layout = themes_page.theme_layout(theme)
    try:
        context = {
            "theme": theme,
            "themes": Theme.objects.all(),
            "articles": themes_page.theme_articles(layout, request.GET),
            "links": themes_page.theme_links(layout, request.GET),
        }
    except BadPage as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    except NoSuchPage as error:
        raise Http404(str(error)) from error
    # Each list's page links swap that list alone.
    partial = "links" if getattr(request, "htmx", None) and request.htmx.target == "theme-links" else "articles"
    return render(request, template_for(request, "mapping/theme.html", partial), context)


@curator_required("mapping.add_correspondence")
def correspondence_new(request: HttpRequest) -> HttpResponse:
    form = CorrespondenceForm(request.POST or None, initial=request.GET.dict())
    correspondence = form.save() if request.method == "POST" and form.is_valid() else None
    if correspondence is not None:
        messages.success(
            request, gettext("Correspondance créée : %(correspondence)s.") % {"correspondence": correspondence}
        )
        return redirect("correspondence-history", pk=correspondence.pk)
    return render(request, "mapping/correspondence_form.html", {"form": form, "correspondence": None})


def with_provisions():
    return Correspondence.objects.select_related("left__edition__instrument", "right__edition__instrument")


def deleted_meanwhile(request: HttpRequest, pk: int, record, form: CorrespondenceForm | None) -> HttpResponse:
    """The correspondence no longer exists: say so, keep what was typed, point at its history."""
    context = {"form": form, "correspondence": None, "deleted": record, "pk": pk}
    return render(request, "mapping/correspondence_form.html", context, status=409 if form is not None else 410)


@curator_required("mapping.change_correspondence")
def correspondence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    posted = request.POST if request.method == "POST" else None
    # The version is read before the values the form shows: a save in between
    # then makes this form stale, never silently current.
    latest = curation.latest_record(pk) if posted is None else None
    correspondence = with_provisions().filter(pk=pk).first()
    if correspondence is None:
        latest = latest or curation.latest_record(pk)
        if latest is None:
            raise Http404("Aucune correspondance n'a jamais porté ce numéro.")
        return deleted_meanwhile(request, pk, latest, CorrespondenceForm(posted) if posted else None)
    form = CorrespondenceForm(posted, instance=correspondence)
    version = posted.get("version") if posted else curation.version_of(latest)
    if posted and form.is_valid():
        try:
            saved = curation.save_edit(form, version)
        except curation.StaleVersion as stale:
            if stale.deleted:
                return deleted_meanwhile(request, pk, stale.current, form)
            rebased = curation.my_changes_over_current(stale, form.cleaned_data)
            context = {
                "form": CorrespondenceForm(initial=rebased, instance=correspondence) if rebased else form,
                "correspondence": correspondence,
                "version": curation.version_of(stale.current),
                "conflict": stale.current,
                "changes": curation.changes_since(stale),
            }
            return render(request, "mapping/correspondence_form.html", context, status=409)
        if saved is not None:
            messages.success(
                request,
                gettext("Correspondance enregistrée ; la version précédente reste dans l'historique.")
                if form.changed
                else gettext("Aucune modification : rien n'a été ajouté à l'historique."),
            )
            return redirect("correspondence-history", pk=pk)
    return render(
        request,
        "mapping/correspondence_form.html",
        {"form": form, "correspondence": correspondence, "version": version},
    )


@curator_required("mapping.delete_correspondence")
def correspondence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    latest = (
        curation.latest_record(pk) if request.method != "POST" else None
    )  # before the row, as in correspondence_edit
    correspondence = with_provisions().filter(pk=pk).first()
    if correspondence is None:
        latest = latest or curation.latest_record(pk)
        if latest is None:
            raise Http404("Aucune correspondance n'a jamais porté ce numéro.")
        messages.info(request, gettext("Cette correspondance avait déjà été supprimée."))
        return redirect("correspondence-history", pk=pk)
    if request.method == "POST":
        version = request.POST.get("version")
        try:
            curation.delete(correspondence, version)
        except curation.StaleVersion as stale:
            context = {
                "correspondence": correspondence,
                "version": curation.version_of(stale.current),
                "conflict": stale.current,
                "changes": curation.changes_since(stale),
            }
            return render(request, "mapping/correspondence_delete.html", context, status=409)
        messages.success(request, gettext("Correspondance supprimée ; elle peut être restaurée depuis son historique."))
        return redirect("correspondence-history", pk=pk)
    version = curation.version_of(latest)
    return render(request, "mapping/correspondence_delete.html", {"correspondence": correspondence, "version": version})


def history_context(pk: int) -> dict:
    records = list(
        Correspondence.history.filter(id=pk)
        .select_related("history_user")
        .prefetch_related(curation.THEME_ROWS)
        .order_by(*curation.NEWEST_FIRST)
    )
    if not records:
        raise Http404("Aucune correspondance n'a jamais porté ce numéro.")
    return {
        "pk": pk,
        "entries": curation.history_of(records),
        "version": curation.version_of(records[0]),
        "current": Correspondence.objects.filter(pk=pk).with_provisions().first(),
    }


def correspondence_history(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "mapping/correspondence_history.html", history_context(pk))


@require_POST
@curator_required("mapping.change_correspondence", "mapping.add_correspondence")
def correspondence_restore(request: HttpRequest, pk: int, history_id: int) -> HttpResponse:
    record = get_object_or_404(Correspondence.history, id=pk, history_id=history_id)
    try:
        changed = curation.restore(record, request.POST.get("version"))
    except curation.StaleVersion as stale:
        context = {**history_context(pk), "conflict": stale.current, "changes": curation.changes_since(stale)}
        return render(request, "mapping/correspondence_history.html", context, status=409)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        when = f"{timezone.localtime(record.history_date):%d/%m/%Y %H:%M}"
        messages.success(
            request,
            gettext("Version du %(when)s restaurée.") % {"when": when}
            if changed
            else gettext("La version du %(when)s est déjà l'état actuel.") % {"when": when},
        )
    return redirect("correspondence-history", pk=pk)


def deleted_correspondences(request: HttpRequest) -> HttpResponse:
    return render(request, "mapping/deleted.html", {"records": curation.deleted_records()})


@require_POST
@curator_required("mapping.change_correspondence")
def correspondence_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """A curator takes an automatic suggestion into the concordance, as proposed."""
    correspondence = get_object_or_404(
        Correspondence.objects.suggested().select_related("left__edition__instrument", "right__edition__instrument"),
        pk=pk,
    )
    try:
        curation.accept_suggestion(correspondence)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("article", correspondence.left.edition.instrument.slug, correspondence.left.article_number)
    messages.success(
        request, gettext("Suggestion ajoutée à la concordance (statut : proposé). Précisez la relation et la note.")
    )
    return redirect("correspondence-edit", pk=pk)
