"""The addresses of the PDF and spreadsheet exports (kept apart from exports/urls.py: Word, Akoma Ntoso)."""

from django.urls import path

from concordance.exports import views_pdf, views_sheets

urlpatterns = [
    path(
        "compare/<slug:left_slug>/<str:left_eid>/<slug:right_slug>/<str:right_eid>/comparison.pdf",
        views_pdf.comparison,
        name="comparison-pdf",
    ),
    path("handouts/", views_pdf.handouts, name="handouts"),
    path("concordance.csv", views_sheets.concordance_csv, name="concordance-csv"),
    path("concordance.xlsx", views_sheets.concordance_xlsx, name="concordance-xlsx"),
]
