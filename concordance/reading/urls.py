from django.urls import path

from concordance.reading import views

urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:slug>/", views.instrument, name="instrument"),
    path("<slug:slug>/art-<int:number>/", views.article, name="article"),
    path("<slug:slug>/notes/", views.notes, name="instrument-notes"),
]
