"""StreamField blocks for content pages, reusable by every page type (news, events, and later services).

Each block has a template in pages/templates/pages/blocks/, a description and a preview value for the block picker in the
admin. `ContentStreamBlock` is the body of a standard page; `heading_anchors()` gives the in-page table of contents.
"""

from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Rich text in the body: no headings (the heading block makes the table of contents), no embeds, no images (the image block
# asks for alt text).
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

# Element ids that the page layout itself uses; headings never get these as anchors.
RESERVED_IDS = {"inhoud", "zoekterm", "zoekterm-404", "op-deze-pagina"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "pages/blocks/paragraph.html"
        description = _("Gewone tekst met opsommingen en links.")
        preview_value = (
            "<p>Je kan je aanvraag online doen in het e-loket. Lukt dat niet, kom dan langs in het Huis van de "
            "Mechelaar.</p><ul><li>Breng je identiteitskaart mee.</li><li>Betaal met Bancontact of Payconiq.</li></ul>"
        )


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2). Every heading appears in the table of contents at the top of the page."""

    text = blocks.CharBlock(label=_("tekst"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Tussentitel")
        template = "pages/blocks/heading.html"
        description = _("Een tussentitel. Alle tussentitels samen vormen de inhoudstafel bovenaan de pagina.")
        preview_value = {"text": "Wat moet je meebrengen?"}
        form_classname = "struct-block heading-block"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for what a reader must not miss."""

    tone = blocks.ChoiceBlock(
        label=_("soort"),
        choices=[("info", _("Informatie")), ("warning", _("Let op"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("titel"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("tekst"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Kader")
        template = "pages/blocks/callout.html"
        description = _("Een opvallend kader voor iets wat de lezer zeker moet weten, zoals een uitzondering.")
        preview_value = {
            "tone": "warning",
            "title": "Dringend?",
            "text": "<p>Bel 112 voor de brandweer of een ziekenwagen. Bel 101 voor de politie.</p>",
        }


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("vraag"), max_length=200)
    answer = blocks.RichTextBlock(label=_("antwoord"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Vraag en antwoord")


class AccordionBlock(blocks.StructBlock):
    """Questions that open on click: <details>/<summary>, so they work without JavaScript."""

    title = blocks.CharBlock(
        label=_("titel"), max_length=120, required=False, help_text=_("Bijvoorbeeld 'Veelgestelde vragen'.")
    )
    items = blocks.ListBlock(FaqItemBlock(), label=_("vragen"), min_num=1, max_num=30)

    class Meta:
        icon = "list-ul"
        label = _("Veelgestelde vragen")
        template = "pages/blocks/accordion.html"
        description = _("Vragen die openklappen als je erop klikt. Werkt ook zonder JavaScript.")
        preview_value = {
            "title": "Veelgestelde vragen",
            "items": [
                {"question": "Is het nummer 0800 20 800 gratis?", "answer": "<p>Ja, ook met een gsm.</p>"},
                {"question": "Moet ik een afspraak maken?", "answer": "<p>In de voormiddag niet.</p>"},
            ],
        }


class ImageBlock(blocks.StructBlock):
    """An image with the text a screen reader reads instead (required) and an optional caption."""

    image = ImageChooserBlock(label=_("afbeelding"))
    alt_text = blocks.CharBlock(
        label=_("alternatieve tekst"),
        max_length=250,
        help_text=_("Beschrijf wat er op de afbeelding te zien is, voor wie ze niet kan zien. Verplicht."),
    )
    caption = blocks.CharBlock(label=_("bijschrift"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "pages/blocks/image.html"
        description = _("Een afbeelding met een beschrijving voor schermlezers en een optioneel bijschrift.")
        preview_value = {"alt_text": "Het stadhuis op de Grote Markt", "caption": "Het Huis van de Mechelaar"}


class TableBlock(WagtailTableBlock):
    """A table of text with a caption; the header row is marked up for screen readers."""

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "pages/blocks/table.html"
        description = _("Een tabel met een titel, bijvoorbeeld tarieven of openingsuren.")
        preview_value = {
            "table_caption": "Zo bereik je Stad Mechelen",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
            "data": [
                ["Kanaal", "Gegevens"],
                ["Telefoon", "0800 20 800 (gratis)"],
                ["E-mail", "info@mechelen.example"],
            ],
        }


class DocumentBlock(blocks.StructBlock):
    """A download link that says the file type and size, so people know what they get before they click."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("titel"),
        max_length=200,
        required=False,
        help_text=_("Laat leeg om de titel van het document te tonen."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "pages/blocks/document.html"
        description = _("Een document om te downloaden, met het bestandstype en de grootte erbij.")
        preview_value = {"title": "Reglement bewonersparkeren (PDF)"}


class LinkCardBlock(blocks.StructBlock):
    """A card linking to a page of this site or to another website. No embedded content: nothing loads from elsewhere."""

    title = blocks.CharBlock(label=_("titel"), max_length=120)
    text = blocks.TextBlock(label=_("tekst"), max_length=300, required=False)
    page = blocks.PageChooserBlock(label=_("pagina op deze website"), required=False)
    url = blocks.URLBlock(label=_("of een webadres"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Kies een pagina op deze website of vul een webadres in, niet allebei.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Linkkaart")
        template = "pages/blocks/link_card.html"
        description = _("Een kaart met titel en tekst die naar een pagina of een andere website linkt.")
        preview_value = {
            "title": "Het e-loket",
            "text": "Vraag attesten, vergunningen en premies online aan.",
            "url": "https://eloket.mechelen.example/",
        }


class ContentStreamBlock(blocks.StreamBlock):
    """The body of a content page. Headings get unique anchors, so the table of contents can link to them."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
    faq = AccordionBlock()
    image = ImageBlock()
    table = TableBlock()
    document = DocumentBlock()
    link_card = LinkCardBlock()

    def render_basic(self, value, context=None):
        anchors = heading_anchors(value)
        parts = []
        for index, child in enumerate(value):
            child_context = dict(context or {})
            if index in anchors:
                child_context["anchor"] = anchors[index]
            parts.append(child.render(context=child_context))
        return mark_safe("".join(parts))

    class Meta:
        block_counts = {"heading": {"max_num": 40}, "faq": {"max_num": 5}}


def heading_anchors(stream_value):
    """Map the position of each heading block in a StreamValue to a unique, readable anchor ("wat-moet-je-meebrengen")."""
    anchors = {}
    used = set(RESERVED_IDS)
    for index, child in enumerate(stream_value):
        if child.block_type != "heading":
            continue
        base = slugify(child.value["text"])[:60].strip("-") or "sectie"
        anchor, number = base, 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        used.add(anchor)
        anchors[index] = anchor
    return anchors


def table_of_contents(stream_value):
    """The headings of a StreamValue as (anchor, text) pairs, in order."""
    anchors = heading_anchors(stream_value)
    return [(anchors[index], child.value["text"]) for index, child in enumerate(stream_value) if index in anchors]
