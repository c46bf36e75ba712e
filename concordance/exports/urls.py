"""The addresses of the exports.

Each kind of export keeps its routes in its own module (Word and Akoma Ntoso
here; PDF and handouts add theirs in their own urls module, included below)
so parallel work does not collide.
"""

from django.urls import URLPattern, URLResolver, path

from concordance.exports import views

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "compare/<slug:left_slug>/<str:left_eid>/<slug:right_slug>/<str:right_eid>/comparison.docx",
        views.comparison_word,
        name="compare-docx",
    ),
    path("<slug:slug>/akn.xml", views.instrument_akn, name="instrument-akn"),
]
