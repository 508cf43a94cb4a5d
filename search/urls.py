"""URLs of the public search, mounted at /zoeken/."""

from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("suggesties/", views.suggestions, name="suggestions"),
    path("klik/", views.click, name="click"),
]
