"""The concordance table as CSV and XLSX, with the filters of /concordance/."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext

from concordance.corpus.models import Instrument
from concordance.exports.concordance_sheet import Sheet, as_csv, as_xlsx, concordance_sheet
from concordance.mapping import table
from concordance.mapping.forms import ConcordanceFilterForm, choose_instrument
from concordance.mapping.models import Theme

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT_VALUES = {"": False, "0": False, "1": True}


def refused(message: str) -> HttpResponse:
    return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")


def filtered_sheet(request: HttpRequest, write: Callable[[Sheet, Instrument], HttpResponse]) -> HttpResponse:
    instruments = list(Instrument.objects.all())
    instrument = choose_instrument(instruments, request.GET.get("from"))
    if instrument is None:
        raise Http404(gettext("Instrument inconnu : « %(slug)s ».") % {"slug": request.GET.get("from")})
    form = ConcordanceFilterForm(request.GET, chapters=table.chapters(instrument), themes=list(Theme.objects.all()))
    if form.status != 200:
        return refused(gettext("Filtre invalide — %(problems)s") % {"problems": form.problems()})
    text = request.GET.get("text", "")
    if text not in TEXT_VALUES:
        return refused(
            gettext("Filtre invalide — text : « %(text)s » ; 1 ajoute le texte des dispositions, 0 ou rien l'omet.")
            % {"text": text}
        )
    return write(concordance_sheet(instrument, form.filters(), with_text=TEXT_VALUES[text]), instrument)


def concordance_csv(request: HttpRequest) -> HttpResponse:
    def write(sheet: Sheet, instrument: Instrument) -> HttpResponse:
        response = HttpResponse(as_csv(sheet), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="concordance-{instrument.slug}.csv"'
        return response

    return filtered_sheet(request, write)


def concordance_xlsx(request: HttpRequest) -> HttpResponse:
    def write(sheet: Sheet, instrument: Instrument) -> HttpResponse:
        response = HttpResponse(as_xlsx(sheet, f"Concordance {instrument.slug}"), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="concordance-{instrument.slug}.xlsx"'
        return response

    return filtered_sheet(request, write)
