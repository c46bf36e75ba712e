import pytest
from django.test import Client


@pytest.fixture
def second_curator(db, django_user_model):
    """Another curator, signed in in a browser of their own."""
    from concordance.mapping.curators import curators_group

    user = django_user_model.objects.create_user("bertrand", password="un-autre-mot-de-passe", is_staff=True)
    user.groups.add(curators_group())
    client = Client()
    client.force_login(user)
    return client
