from django.urls import path

from newsroom.alerts import views

app_name = "alerts"
urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
