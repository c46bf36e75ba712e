from django.urls import path

from concordance.mapping import relations, views

urlpatterns = [
    path("concordance/", views.concordance, name="concordance"),
    path("concordance/correspondences/new/", views.correspondence_new, name="correspondence-new"),
    path("concordance/correspondences/<int:pk>/", views.correspondence_edit, name="correspondence-edit"),
    path("concordance/correspondences/<int:pk>/accept/", views.correspondence_accept, name="correspondence-accept"),
    path("concordance/correspondences/<int:pk>/delete/", views.correspondence_delete, name="correspondence-delete"),
    path("concordance/correspondences/<int:pk>/history/", views.correspondence_history, name="correspondence-history"),
    path(
        "concordance/correspondences/<int:pk>/history/<int:history_id>/restore/",
        views.correspondence_restore,
        name="correspondence-restore",
    ),
    path("concordance/deleted/", views.deleted_correspondences, name="correspondences-deleted"),
    path("relations/", relations.relations, name="relations"),
    path("themes/", views.themes, name="themes"),
    path("themes/<slug:slug>/", views.theme, name="theme"),
]
