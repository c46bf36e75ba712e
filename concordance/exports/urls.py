"""The addresses of the exports.

Each kind of export keeps its routes in its own module (Word and Akoma Ntoso
here; PDF and handouts add theirs in their own urls module, included below)
so parallel work does not collide.
"""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
