"""Demo news from home/demo_data/pages.yaml: the news index at /nieuws/ and its articles."""

import datetime

from news.models import NewsIndexPage, NewsPage
from pages.demo import prose_stream_data, publish_child, read_demo_pages


def load_news(home, data=None):
    """Create the news index under the home page (in the main menu) with the demo articles; return the index."""
    data = data if data is not None else read_demo_pages()
    index = publish_child(
        home,
        NewsIndexPage(
            title="Nieuws",
            slug="nieuws",
            intro="Nieuws van Stad Mechelen over de dienstverlening aan burgers en ondernemers.",
            show_in_menus=True,
        ),
    )
    for item in data.get("news", []):
        publish_child(
            index,
            NewsPage(
                title=item["title"],
                slug=item["slug"],
                date=datetime.date.fromisoformat(item["date"]),
                intro=item["intro"],
                body=prose_stream_data(item.get("body")),
            ),
        )
    return index
