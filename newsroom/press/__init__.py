"""The press office: press contacts, the company boilerplate, journalists' accounts and their
access to embargoed stories, preview-link openings and media coverage (app label "press")."""
