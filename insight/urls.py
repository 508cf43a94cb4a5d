"""The public endpoints of the insight app, under /inzicht/."""

from django.urls import path

from insight import views

app_name = "insight"
urlpatterns = [
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/opmerking/", views.feedback_comment, name="feedback_comment"),
    path("teller/", views.beacon, name="beacon"),
]
