from django.urls import path

from concordance.analysis import views

urlpatterns = [
    path("glossary/", views.glossary, name="glossary"),
    path("quantities/", views.quantities, name="quantities"),
    path("divergences/", views.divergences, name="divergences"),
    path("divergences.csv", views.divergences_csv, name="divergences-csv"),
]
