"""The forms of the feedback widget: the answer (Ja/Nee), and the comment asked afterwards."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from insight.models import COMMENT_MAX_LENGTH

HONEYPOT_FIELD = "website"
TOKEN_SALT = "insight.feedback"
TOKEN_MAX_AGE = 60 * 60  # a comment may follow its answer for an hour


class FeedbackForm(forms.Form):
    """The answer; the comment is optional and may come with it (the script sends both at once)."""

    page = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.ChoiceField(choices=[("ja", _("Ja")), ("nee", _("Nee"))])
    comment = forms.CharField(
        label=_("Wat ontbrak er?"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_("Typ geen persoonlijke gegevens, zoals je naam, adres, rijksregisternummer of e-mailadres."),
    )
    website = forms.CharField(required=False)  # honeypot: hidden from people, filled in by bots


class CommentForm(forms.Form):
    """The comment asked after a "Nee", tied to that answer by a signed token."""

    token = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Wat ontbrak er?"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_("Typ geen persoonlijke gegevens, zoals je naam, adres, rijksregisternummer of e-mailadres."),
        error_messages={"required": _("Schrijf wat er ontbrak, of sluit deze pagina.")},
    )
    website = forms.CharField(required=False)

    def clean_token(self):
        try:
            return signing.loads(self.cleaned_data["token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature as error:
            raise forms.ValidationError(_("Deze vraag is verlopen. Geef je feedback opnieuw op de pagina.")) from error


def make_token(feedback):
    return signing.dumps(feedback.pk, salt=TOKEN_SALT)
