from django.urls import path

from newsroom.press import views

urlpatterns = [
    path("contacts/", views.contacts, name="press_contacts"),
    path("contacts/<int:pk>/vcard.vcf", views.contact_vcard, name="press_vcard"),
    path("login/", views.LoginView.as_view(), name="press_login"),
    path("logout/", views.logout, name="press_logout"),
    path("request-access/", views.request_access, name="press_request_access"),
    path("invitation/<str:token>/", views.accept_invite, name="press_invite"),
    path("embargoed/", views.embargoed, name="press_embargoed"),
    path("embargoed/<uslug:slug>/", views.embargoed_article, name="press_embargoed_article"),
]
