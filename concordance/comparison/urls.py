from django.urls import path

from concordance.comparison import views

urlpatterns = [
    path("compare/", views.choose, name="compare-choose"),
    path(
        "compare/<slug:left_slug>/<str:left_eid>/<slug:right_slug>/<str:right_eid>/",
        views.compare,
        name="compare",
    ),
]
