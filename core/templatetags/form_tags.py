"""`{% form_field field %}`: a form field with its label, help text and errors, tied together for screen readers.

The input gets `aria-describedby` pointing at the help text and at each error message, and `aria-invalid="true"` when it
has errors, so a screen reader reads the error when the field gets focus.
"""

from django import template

register = template.Library()


@register.inclusion_tag("components/form_field.html")
def form_field(field):
    field_id = field.auto_id or f"veld-{field.html_name}"
    help_id = f"{field_id}-hulp" if field.help_text else None
    error_ids = [f"{field_id}-fout-{number}" for number in range(1, len(field.errors) + 1)]
    attrs = {"id": field_id}
    described_by = " ".join([*error_ids, *([help_id] if help_id else [])])
    if described_by:
        attrs["aria-describedby"] = described_by
    if field.errors:
        attrs["aria-invalid"] = "true"
    return {
        "field": field,
        "field_id": field_id,
        "help_id": help_id,
        "errors": list(zip(error_ids, field.errors, strict=True)),
        "widget": field.as_widget(attrs=attrs),
    }
