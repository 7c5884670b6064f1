"""The form staff invite an authority officer with."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kizuna.registry.models import Authority


class AuthorityChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, authority: Authority) -> str:
        return str(authority)  # both names: 'Yoichi 余市町'


class InviteOfficerForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        # Also their username (Django's user model needs one), which holds 150 characters.
        max_length=get_user_model()._meta.get_field("username").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    authorities = AuthorityChoiceField(
        label=_("Authorities"),
        queryset=Authority.objects.current().by_name(),
        help_text=_(
            "UK authorities first, then Japanese, by English name. Type a name to jump to it; "
            "hold Ctrl (⌘ on a Mac) to choose more than one."
        ),
        widget=forms.SelectMultiple(attrs={"size": 12}),
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # as the site's other forms: no colon
        super().__init__(*args, **kwargs)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()
