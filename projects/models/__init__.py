from projects.models.durations import StatedDuration
from projects.models.exchange_rates import ExchangeRate
from projects.models.figures import Figure, JobType, Kind, Period, Qualifier
from projects.models.gallery import ProjectImage
from projects.models.links import ArticleProject, ProjectOrganization, ProjectRedirect
from projects.models.milestones import Designation, Milestone
from projects.models.organizations import Organization
from projects.models.people import Attendance, Event, Person
from projects.models.programmes import Programme
from projects.models.projects import Project
from projects.models.sources import Source
from projects.models.status import Status

__all__ = [
    "ArticleProject",
    "Attendance",
    "Designation",
    "Event",
    "ExchangeRate",
    "Figure",
    "JobType",
    "Kind",
    "Milestone",
    "Organization",
    "Period",
    "Person",
    "Programme",
    "Project",
    "ProjectImage",
    "ProjectOrganization",
    "ProjectRedirect",
    "Qualifier",
    "Source",
    "StatedDuration",
    "Status",
]
