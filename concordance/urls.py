from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from concordance.api import api

handler500 = "concordance.error_log.server_error"

# Outside the languages: the admin (curators' tool, in French like the texts
# it edits) and the JSON API, whose data and messages do not depend on the
# reader's language and whose addresses stay as published.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

# Every page, French at its unchanged address and English under /en/
# (concordance/languages.py: the address alone decides). Downloads (Word,
# PDF, spreadsheets, Akoma Ntoso) are here too: their labels follow the page
# they are linked from.
urlpatterns += i18n_patterns(
    # Signing in and out only: no password reset, which would need mail the
    # site does not send. Accounts come from `manage.py createcurator`, a
    # forgotten password from `manage.py changepassword` (the sign-in page says so).
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # PDF, handouts and the concordance as a spreadsheet (before mapping's pages).
    path("", include("concordance.exports.urls_pdf")),
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
    prefix_default_language=False,
)
