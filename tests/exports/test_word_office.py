"""The Word export opens in an office suite: LibreOffice, headless, converts it to PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def soffice() -> str | None:
    found = subprocess.run(["bash", str(ROOT / "scripts" / "office.sh"), "path"], capture_output=True, text=True)
    return found.stdout.strip() or None


def test_libreoffice_converts_the_word_export_to_pdf(client, tmp_path):
    binary = soffice()
    if binary is None:
        pytest.skip(
            "LibreOffice is not installed and could not be (scripts/office.sh ensure, run by make test, "
            "installs libreoffice-writer-nogui as root): the Word export was not opened in an office suite"
        )
    response = client.get("/compare/un/art_25/budapest/art_16/comparison.docx")
    source = tmp_path / "comparison.docx"
    source.write_bytes(response.content)
    # A private profile: a second soffice would otherwise wait on the user's lock.
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    done = subprocess.run(
        [binary, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "comparison.pdf"
    assert pdf.exists(), done.stdout + done.stderr
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Conservation rapide de données informatiques stockées" in " ".join(text.split())
