"""A curator's edit form as the tests open and submit it."""

from __future__ import annotations

import re

from concordance.mapping.models import Correspondence


def edit_url(correspondence: Correspondence) -> str:
    return f"/concordance/correspondences/{correspondence.pk}/"


def opened_form(client, correspondence: Correspondence) -> dict:
    """The edit form as a curator's browser would submit it unchanged, with the version it was read at."""
    response = client.get(edit_url(correspondence))
    assert response.status_code == 200
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields if name != "themes"}
    data["themes"] = [theme.pk for theme in form.initial["themes"]]
    version = re.search(r'name="version" value="(\d+)"', response.content.decode())
    assert version is not None
    data["version"] = version.group(1)
    return data
