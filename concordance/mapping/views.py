from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from concordance.corpus.models import Instrument
from concordance.htmx import template_for
from concordance.mapping import curation, exports, table
from concordance.mapping.curators import curator_required
from concordance.mapping.forms import ConcordanceFilterForm, CorrespondenceForm, choose_instrument
from concordance.mapping.models import Correspondence, Theme


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
    }
    return render(request, template_for(request, "mapping/concordance.html", "results"), context, status=form.status)


def concordance_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(exports.concordance_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="concordance.csv"'
    return response


def themes(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "mapping/themes.html",
        {"themes": Theme.objects.annotate(article_count=Count("articles"))},
    )


def theme(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug)
    instruments = list(Instrument.objects.all())
    columns = table.theme_columns(theme, instruments)
    context = {
        "theme": theme,
        "themes": Theme.objects.all(),
        "columns": columns,
        "rows": table.theme_rows(columns),
        "correspondences": table.theme_correspondences(theme),
    }
    return render(request, "mapping/theme.html", context)


@curator_required("mapping.add_correspondence")
def correspondence_new(request: HttpRequest) -> HttpResponse:
    form = CorrespondenceForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        correspondence = form.save()
        messages.success(request, f"Correspondance créée : {correspondence}.")
        return redirect("correspondence-history", pk=correspondence.pk)
    return render(request, "mapping/correspondence_form.html", {"form": form, "correspondence": None})


@curator_required("mapping.change_correspondence")
def correspondence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    correspondence = get_object_or_404(
        Correspondence.objects.select_related("left__edition__instrument", "right__edition__instrument"), pk=pk
    )
    form = CorrespondenceForm(request.POST or None, instance=correspondence)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Correspondance enregistrée ; la version précédente reste dans l'historique.")
        return redirect("correspondence-history", pk=pk)
    return render(request, "mapping/correspondence_form.html", {"form": form, "correspondence": correspondence})


@curator_required("mapping.delete_correspondence")
def correspondence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    correspondence = get_object_or_404(
        Correspondence.objects.select_related("left__edition__instrument", "right__edition__instrument"), pk=pk
    )
    if request.method == "POST":
        correspondence.delete()
        messages.success(request, "Correspondance supprimée ; elle peut être restaurée depuis son historique.")
        return redirect("correspondence-history", pk=pk)
    return render(request, "mapping/correspondence_delete.html", {"correspondence": correspondence})


def correspondence_history(request: HttpRequest, pk: int) -> HttpResponse:
    records = list(
        Correspondence.history.filter(id=pk)
        .select_related("history_user")
        .prefetch_related(curation.THEME_ROWS)
        .order_by("-history_date", "-history_id")
    )
    if not records:
        raise Http404("Aucune correspondance n'a jamais porté ce numéro.")
    context = {
        "pk": pk,
        "entries": curation.history_of(records),
        "current": Correspondence.objects.filter(pk=pk).with_provisions().first(),
    }
    return render(request, "mapping/correspondence_history.html", context)


@require_POST
@curator_required("mapping.change_correspondence", "mapping.add_correspondence")
def correspondence_restore(request: HttpRequest, pk: int, history_id: int) -> HttpResponse:
    record = get_object_or_404(Correspondence.history, id=pk, history_id=history_id)
    try:
        curation.restore(record)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Version du {record.history_date:%d/%m/%Y %H:%M} restaurée.")
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
        request, "Suggestion ajoutée à la concordance (statut : proposé). Précisez la relation et la note."
    )
    return redirect("correspondence-edit", pk=pk)
