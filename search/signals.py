"""Keep the search index in step with the pages: index on publish, remove on unpublish (deletion cascades)."""

from search.indexing import index_page, remove_page


def page_published(sender, instance, **kwargs):
    index_page(instance)


def page_unpublished(sender, instance, **kwargs):
    remove_page(instance)
