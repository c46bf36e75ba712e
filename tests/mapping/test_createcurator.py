from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_createcurator_makes_an_account_that_can_write(monkeypatch):
    monkeypatch.setenv("CURATOR_PASSWORD", "une-phrase-de-passe-longue")
    call_command("createcurator", "juriste", "--password-from-env", "CURATOR_PASSWORD", stdout=StringIO())
    user = get_user_model().objects.get(username="juriste")
    assert user.check_password("une-phrase-de-passe-longue")
    assert user.is_staff
    assert user.has_perms(["mapping.add_correspondence", "mapping.change_correspondence"])


def test_a_weak_password_creates_nothing(monkeypatch):
    monkeypatch.setenv("CURATOR_PASSWORD", "123")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("createcurator", "faible", "--password-from-env", "CURATOR_PASSWORD", stdout=StringIO())
    assert not get_user_model().objects.filter(username="faible").exists()


@pytest.mark.parametrize("username", ["bad name!", "x" * 151, ""])
def test_an_invalid_username_is_refused_with_the_reason(monkeypatch, username):
    monkeypatch.setenv("CURATOR_PASSWORD", "une-phrase-de-passe-longue")
    with pytest.raises(CommandError, match="Account refused \\(username: "):
        call_command("createcurator", username, "--password-from-env", "CURATOR_PASSWORD", stdout=StringIO())
    assert not get_user_model().objects.filter(username=username).exists()


def test_an_invalid_email_is_refused(monkeypatch):
    monkeypatch.setenv("CURATOR_PASSWORD", "une-phrase-de-passe-longue")
    with pytest.raises(CommandError, match="email"):
        call_command(
            "createcurator",
            "juriste",
            "--email",
            "pas-une-adresse",
            "--password-from-env",
            "CURATOR_PASSWORD",
            stdout=StringIO(),
        )
    assert not get_user_model().objects.filter(username="juriste").exists()
