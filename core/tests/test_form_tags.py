from django import forms
from django.template import Context, Template


class FeedbackForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", help_text="We antwoorden binnen 5 werkdagen.")
    remark = forms.CharField(label="Opmerking", required=False)


def render(form):
    return Template("{% load form_tags %}{% form_field form.email %}{% form_field form.remark %}").render(
        Context({"form": form})
    )


def test_error_and_help_text_are_tied_to_the_field():
    form = FeedbackForm(data={"email": "geen-adres"})
    assert not form.is_valid()
    html = render(form)
    assert '<label for="id_email">E-mailadres</label>' in html
    assert 'aria-describedby="id_email-fout-1 id_email-hulp"' in html
    assert 'aria-invalid="true"' in html
    assert '<p class="field__error" id="id_email-fout-1">' in html
    assert '<p class="field__help" id="id_email-hulp">We antwoorden binnen 5 werkdagen.</p>' in html


def test_a_valid_field_has_no_error_and_optional_fields_say_so():
    html = render(FeedbackForm())
    assert "aria-invalid" not in html and "field__error" not in html
    assert 'aria-describedby="id_email-hulp"' in html
    assert "(niet verplicht)" in html.split('for="id_remark"')[1]
