"""How complete a service is: what a citizen needs and the Single Digital Gateway asks for, as a score and a to-do list.

The score never blocks a save; it tells the editor what is still missing. Fewer fields are required when they make no
sense for a service:

- an *automatic* service (channel "Automatisch": granted without an application) needs no procedure, costs or
  processing time;
- an *online-only* service (only online channels) needs no separate procedure: the e-loket form guides the citizen;
- an English title and summary are required only when Your Europe is a publication channel.
"""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

ONLINE = "Online"
AUTOMATIC = "Automatisch"
YOUR_EUROPE = "YourEurope"


@dataclass
class Check:
    key: str
    label: str
    done: bool


@dataclass
class Completeness:
    checks: list = field(default_factory=list)

    @property
    def missing(self):
        return [check for check in self.checks if not check.done]

    @property
    def score(self):
        """Percentage of the required items that are filled in (100 when nothing is required)."""
        if not self.checks:
            return 100
        return round(100 * sum(check.done for check in self.checks) / len(self.checks))

    @property
    def is_complete(self):
        return not self.missing

    @property
    def missing_text(self):
        return "; ".join(str(check.label) for check in self.missing)


def _has_text(html):
    return bool(strip_tags(html or "").strip())


def channel_codes(page):
    return {channel.channel_type.code for channel in page.channels.all() if channel.channel_type_id}


def completeness(page):
    """The completeness of a service page, also of an unsaved one in the editor (child objects held in memory)."""
    codes = channel_codes(page)
    automatic = AUTOMATIC in codes
    online_only = bool(codes) and codes == {ONLINE}
    publication_codes = {concept.code for concept in page.publication_channels.all()}

    checks = []
    if not (automatic or online_only):
        checks.append(Check("procedure", _("procedure"), _has_text(page.procedure)))
    if not automatic:
        checks.append(Check("costs", _("kosten"), bool(list(page.costs.all()))))
    checks.append(Check("contact", _("contactpunt"), bool(list(page.contact_points.all()))))
    if not automatic:
        checks.append(
            Check(
                "processing_time",
                _("behandeltermijn"),
                bool(page.processing_time is not None or page.processing_time_text.strip()),
            )
        )
    checks.append(
        Check("legal_basis", _("regelgeving"), _has_text(page.legal_basis) or bool(list(page.legal_resources.all())))
    )
    checks.append(Check("channels", _("kanalen"), bool(codes)))
    if YOUR_EUROPE in publication_codes:
        checks.append(Check("title_en", _("Engelse titel"), bool(page.title_en.strip())))
        checks.append(Check("summary_en", _("Engelse samenvatting"), bool(page.summary_en.strip())))
    return Completeness(checks)
