from django.urls import path

from concordance.editions import views

urlpatterns = [
    # Included before the reading urls, so "<slug>/editions/" wins over the instrument page.
    path("<slug:slug>/editions/", views.editions, name="editions"),
]
