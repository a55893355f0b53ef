from projects.models.figures import Capacity, Jobs, Money, Qualifier
from projects.models.milestones import Designation, Milestone
from projects.models.organizations import Organization
from projects.models.projects import ArticleProject, Project, ProjectOrganization, Status
from projects.models.sources import Source

__all__ = [
    "ArticleProject",
    "Capacity",
    "Designation",
    "Jobs",
    "Milestone",
    "Money",
    "Organization",
    "Project",
    "ProjectOrganization",
    "Qualifier",
    "Source",
    "Status",
]
