"""Users in each role (issue 9's matrix): staff editor, authority officer, public visitor."""

import factory
from django.contrib.auth import get_user_model

from ..models import Officer


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@council.test")
    password = factory.PostGenerationMethodCall("set_password", "a long test passphrase")


class StaffFactory(UserFactory):
    is_staff = True


class OfficerFactory(factory.django.DjangoModelFactory):
    """An officer of one authority (give `authority=`)."""

    class Meta:
        model = Officer

    user = factory.SubFactory(UserFactory)
