from django.urls import path

from ..views import team

urlpatterns = [
    path("team/", team.team_page, name="team"),
    path("team/invite/", team.invite_officer, name="invite_officer"),
    path("team/officers/<int:pk>/remove/", team.remove_officer, name="remove_officer"),
    path(
        "team/join/<uidb64>/<token>/",
        team.AcceptInvitationView.as_view(),
        name="accept_invitation",
    ),
]
