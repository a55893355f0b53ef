from django.db.models import Case, Prefetch, When
from django.views.generic import DetailView, ListView

from newsroom.models import Article
from projects.models import (
    ArticleProject,
    ExchangeRate,
    Milestone,
    Organization,
    Project,
    ProjectOrganization,
)


def published_links():
    """Article links whose article the public may see: announcements, updates, mentions."""
    link_order = Case(
        *(When(link=link, then=n) for n, link in enumerate(ArticleProject.Link.values)),
    )
    return (
        ArticleProject.objects.filter(article__in=Article.objects.published())
        .select_related("article__category")
        .order_by(link_order, "-article__publish_at")
    )


class ProjectListView(ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 24

    def get_queryset(self):
        return Project.objects.published().with_facts()


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return (
            Project.objects.published()
            .with_facts()
            .select_related("status_source__article")
            .prefetch_related(
                Prefetch(
                    "milestones", queryset=Milestone.objects.select_related("source__article")
                ),
                "designations",
                Prefetch(
                    "roles", queryset=ProjectOrganization.objects.select_related("organization")
                ),
                Prefetch("article_links", queryset=published_links(), to_attr="news_links"),
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(rates=ExchangeRate.objects.latest_by_currency(), **kwargs)


class OrganizationDetailView(DetailView):
    template_name = "projects/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        projects = Project.objects.published().filter(roles__organization=self.object).distinct()
        news = (
            Article.objects.published()
            .filter(projects__in=projects)
            .distinct()
            .select_related("category")[:20]
        )
        return super().get_context_data(projects=projects.with_facts(), news=news, **kwargs)
