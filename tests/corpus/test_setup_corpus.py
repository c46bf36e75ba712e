from io import StringIO

import pytest
from django.core.management import call_command

from concordance.mapping.models import Correspondence

pytestmark = pytest.mark.django_db


def test_setup_runs_every_step_and_keeps_curators_work():
    link = Correspondence.objects.get(left__eid="art_25", right__eid="art_16")
    link.note = "Note revue par une curatrice"
    link.save()
    out = StringIO()
    call_command("setup_corpus", stdout=out)
    for step in (
        "[1/5] loading the corpus",
        "[2/5]",
        "[3/5] recording the accuracy review's corrections",
        "[4/5]",
        "[5/5] warming the analysis pages",
    ):
        assert step in out.getvalue()
    link.refresh_from_db()
    assert link.note == "Note revue par une curatrice"
