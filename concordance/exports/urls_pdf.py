"""The addresses of the PDF exports (kept apart from exports/urls.py, Word and Akoma Ntoso)."""

from django.urls import path

from concordance.exports import views_pdf

urlpatterns = [
    path(
        "compare/<slug:left_slug>/<str:left_eid>/<slug:right_slug>/<str:right_eid>/comparison.pdf",
        views_pdf.comparison,
        name="comparison-pdf",
    ),
]
