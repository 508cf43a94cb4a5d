from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("catalogus.jsonld", views.catalogue_jsonld, name="catalogue_jsonld"),
    path("ipdc/diensten/<slug:key>", views.ipdc_snapshot, name="ipdc_snapshot"),
    path("ipdc/feed", views.ipdc_feed, name="ipdc_feed"),
    path("ipdc/feed/<int:page>", views.ipdc_feed, name="ipdc_feed_page"),
]
