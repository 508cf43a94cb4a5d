from core.richtext import prose_to_html


def test_paragraphs_and_lists():
    text = "Eerste alinea\nloopt door.\n\nJe hebt nodig:\n- je eID\n- een foto\n\n1. Maak een afspraak.\n2. Kom langs."
    assert prose_to_html(text) == (
        "<p>Eerste alinea loopt door.</p>"
        "<p>Je hebt nodig:</p><ul><li>je eID</li><li>een foto</li></ul>"
        "<ol><li>Maak een afspraak.</li><li>Kom langs.</li></ol>"
    )


def test_markup_is_escaped():
    assert prose_to_html("<script>alert(1)</script> & co") == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"


def test_empty_text_gives_nothing():
    assert prose_to_html("") == ""
    assert prose_to_html(None) == ""
