from django.urls import path, re_path

from concordance.crossrefs import views

urlpatterns = [
    path("references/unresolved/", views.unresolved, name="references-unresolved"),
    re_path(
        r"^references/preview/(?P<slug>[-a-z0-9]+)/(?P<eid>[a-z]+_[a-z0-9_]+)/$",
        views.preview,
        name="reference-preview",
    ),
]
