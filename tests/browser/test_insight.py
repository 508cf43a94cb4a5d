"""Page feedback in a real browser, with and without JavaScript, and the "Inzicht" dashboard through axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import run_manage

SERVICE = "/producten-en-diensten/identiteitskaart/"
SERIOUS = {"serious", "critical"}
COUNT_COMMENT = (
    "from insight.models import Feedback; "
    "print(Feedback.objects.filter(helpful=False, comment={comment!r}, page__url_path__endswith={path!r}).count())"
)


def stored(site_env, comment):
    return int(run_manage(site_env, "shell", "-c", COUNT_COMMENT.format(comment=comment, path=SERVICE)).split()[-1])


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_feedback_no_with_comment(browser, site_url, site_env, javascript):
    comment = f"Wat kost het {'met' if javascript else 'zonder'} script?"
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(site_url + SERVICE)
        page.get_by_role("button", name="Nee", exact=True).click()
        if javascript:
            # The answer is sent in the background: the question appears on the same page.
            page.get_by_label("Wat ontbrak er?").fill(comment)
            assert page.url == site_url + SERVICE
        else:
            page.wait_for_url(f"{site_url}/inzicht/feedback/")
            assert "Bedankt voor je feedback" in page.locator("h1").inner_text()
            page.get_by_label("Wat ontbrak er?").fill(comment)
        assert "persoonlijke gegevens" in page.locator("body").inner_text()
        page.get_by_role("button", name="Verstuur").click()
        page.get_by_text("Bedankt, we bekijken je opmerking.").wait_for()
        assert stored(site_env, comment) == 1
    finally:
        context.close()


def test_dashboard_passes_axe(browser, site_url, site_env):
    run_manage(
        site_env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.filter(username='inzicht').exists() or "
        "get_user_model().objects.create_superuser('inzicht', 'inzicht@mechelen.example', 'wachtwoord-inzicht-1')",
    )
    run_manage(site_env, "purge_insight")  # a snapshot, so the online-share chart has a bar
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + SERVICE)  # a page view; the headless browser's user agent counts as a bot, so none
        page.goto(site_url + "/admin/login/")
        page.fill("input[name=username]", "inzicht")
        page.fill("input[name=password]", "wachtwoord-inzicht-1")
        page.click("button[type=submit]")
        page.wait_for_url(f"{site_url}/admin/")
        page.goto(site_url + "/admin/inzicht/")
        assert "Inzicht" in page.locator("h1").inner_text()
        assert page.locator("svg[role=img]").count() >= 1
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        report = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
        assert not serious, report
    finally:
        context.close()
