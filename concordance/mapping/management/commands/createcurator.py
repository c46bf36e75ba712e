from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concordance.mapping.curators import curators_group


class Command(BaseCommand):
    help = "Create a curator account (or add an existing user to the curators)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="read the password from this environment variable instead of prompting",
        )

    def handle(self, *args, username: str, email: str, password_from_env: str | None, **options) -> None:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username, email=email)
            self.check_account(user)
            password = self.read_password(password_from_env)
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError("Password refused: " + " ".join(error.messages)) from None
            user.set_password(password)
        user.is_staff = True
        user.save()
        user.groups.add(curators_group())
        verb = "created" if created else "added to the curators"
        self.stdout.write(self.style.SUCCESS(f"Curator {username} {verb}."))

    def check_account(self, user) -> None:
        """Django's own username and e-mail validators, before any password is asked for."""
        try:
            user.full_clean(exclude=["password", "last_login", "date_joined"])
        except ValidationError as error:
            reasons = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
            raise CommandError(f"Account refused ({reasons}); no account was created.") from None

    def read_password(self, variable: str | None) -> str:
        if variable:
            password = os.environ.get(variable, "")
            if not password:
                raise CommandError(f"{variable} is empty or not set.")
            return password
        password = getpass.getpass("Mot de passe : ")
        if password != getpass.getpass("Confirmation : "):
            raise CommandError("The two passwords differ; no account was created.")
        return password
