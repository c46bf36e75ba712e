from django.contrib import admin
from django.urls import include, path

from concordance.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", api.urls),
    path("", include("concordance.mapping.urls")),
    path("", include("concordance.comparison.urls")),
    path("", include("concordance.search.urls")),
    path("", include("concordance.crossrefs.urls")),
    path("", include("concordance.editions.urls")),
    path("", include("concordance.analysis.urls")),
    # Instrument slugs are matched last: fixed paths above take precedence.
    path("", include("concordance.corpus.urls")),
]
