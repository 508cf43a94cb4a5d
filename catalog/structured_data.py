"""schema.org JSON-LD for service pages: a `GovernmentService` that search engines and assistants understand."""

from django.utils.html import strip_tags

CITY = {"@type": "City", "name": "Mechelen", "sameAs": "http://data.europa.eu/nuts/code/BE21212025"}


def _organisation(organisation):
    return {
        "@type": "GovernmentOrganization",
        "name": organisation.name,
        "identifier": organisation.ovo_id,
        "url": organisation.uri,
    }


def _channel(channel, contact_points):
    data = {"@type": "ServiceChannel", "name": channel.channel_type.label_nl}
    if channel.url:
        data["serviceUrl"] = channel.url
    if channel.channel_type.code == "Loket" and channel.location_name:
        data["serviceLocation"] = {"@type": "Place", "name": channel.location_name}
    if channel.channel_type.code == "Telefoon" and contact_points and contact_points[0].phone:
        data["servicePhone"] = {"@type": "ContactPoint", "telephone": contact_points[0].phone}
    if channel.description:
        data["description"] = channel.description
    return data


def service_json_ld(page, request, channels, costs, contact_points):
    """The GovernmentService of one service page, as a dict."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "areaServed": CITY,
        "availableLanguage": [language.label_nl for language in page.languages.all()],
        "audience": [{"@type": "Audience", "audienceType": audience.label_nl} for audience in page.audiences.all()],
        "availableChannel": [_channel(channel, contact_points) for channel in channels],
    }
    provider = page.executing_authority or page.competent_authority
    if provider:
        data["provider"] = _organisation(provider)
    if page.product_type:
        data["serviceType"] = page.product_type.label_nl
    offers = [
        {
            "@type": "Offer",
            "name": cost.label,
            "description": strip_tags(cost.description),
            "price": f"{cost.amount:.2f}",
            "priceCurrency": "EUR",
        }
        for cost in costs
        if cost.amount is not None
    ]
    if offers:
        data["offers"] = offers
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return data
