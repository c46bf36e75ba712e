"""A source file with characters no source prints is refused by `ingest`,
naming the file and the line, and the database is left as it was (D10 of
the reliability review: a NUL reached PostgreSQL as a bare DataError)."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from concordance.corpus.models import Provision

UN = "un-resolution-79-243-fr.txt"
LINE = 475


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(settings.SOURCES_DIR, folder, copy_function=shutil.copyfile)
    return folder


def corrupt(path, line: int, character: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    middle = len(lines[line - 1]) // 2
    lines[line - 1] = lines[line - 1][:middle] + character + lines[line - 1][middle:]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "character, code",
    [("\x00", "U+0000"), ("\x1b[31m", "U+001B"), ("\r", "U+000D"), ("\x7f", "U+007F")],
    ids=["nul", "escape", "carriage-return", "delete"],
)
def test_ingest_names_file_and_line_of_a_control_character(sources, character, code):
    corrupt(sources / UN, LINE, character)
    before = sorted(Provision.objects.values_list("pk", "text"))
    with pytest.raises(CommandError) as error:
        call_command("ingest", "--force", "--sources", str(sources), stdout=StringIO())
    message = str(error.value)
    assert f"{UN}, line {LINE}" in message and code in message
    assert sorted(Provision.objects.values_list("pk", "text")) == before
