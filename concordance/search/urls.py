from django.urls import path

from concordance.search import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
