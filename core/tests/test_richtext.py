from core.richtext import prose_to_html


def test_paragraphs_are_separated_by_blank_lines():
    assert prose_to_html("Eerste zin.\nNog een zin.\n\nTweede alinea.") == (
        "<p>Eerste zin. Nog een zin.</p><p>Tweede alinea.</p>"
    )


def test_bullets_and_numbered_lists():
    html = prose_to_html("Breng mee:\n\n- je eID\n- een foto\n\n1. Maak een afspraak.\n2. Kom langs.")
    assert html == (
        "<p>Breng mee:</p><ul><li>je eID</li><li>een foto</li></ul>"
        "<ol><li>Maak een afspraak.</li><li>Kom langs.</li></ol>"
    )


def test_a_list_right_after_a_paragraph_line_starts_a_new_block():
    assert prose_to_html("Open:\n- maandag\n- dinsdag\nDaarna dicht.") == (
        "<p>Open:</p><ul><li>maandag</li><li>dinsdag</li></ul><p>Daarna dicht.</p>"
    )


def test_html_is_escaped():
    html = prose_to_html('<script>alert("x")</script> & <b>vet</b>\n\n- <img src=x onerror=alert(1)>')
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_web_and_mail_addresses_become_links():
    html = prose_to_html("Ga naar https://eloket.mechelen.example/afspraak. Of mail info@mechelen.example.")
    assert '<a href="https://eloket.mechelen.example/afspraak">https://eloket.mechelen.example/afspraak</a>.' in html
    assert '<a href="mailto:info@mechelen.example">info@mechelen.example</a>' in html


def test_empty_prose_gives_empty_html():
    assert prose_to_html("") == ""
    assert prose_to_html("  \n\n ") == ""
    assert prose_to_html(None) == ""
