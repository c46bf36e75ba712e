from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from concordance.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    # Signing in and out only: no password reset, which would need mail the
    # site does not send. Accounts come from `manage.py createcurator`, a
    # forgotten password from `manage.py changepassword` (the sign-in page says so).
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", api.urls),
    path("", include("concordance.mapping.urls")),
    path("", include("concordance.comparison.urls")),
    path("", include("concordance.search.urls")),
    path("", include("concordance.crossrefs.urls")),
    path("", include("concordance.editions.urls")),
    path("", include("concordance.analysis.urls")),
    # Before the reading pages: /<slug>/akn.xml would otherwise be read as an article.
    path("", include("concordance.exports.urls")),
    # Instrument slugs are matched last: fixed paths above take precedence.
    path("", include("concordance.reading.urls")),
]
