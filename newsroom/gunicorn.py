"""gunicorn's configuration for Newsroom, safe when started as it is:

    gunicorn -c python:newsroom.gunicorn newsroom.wsgi

It listens on the loopback interface only (127.0.0.1:8000), or where GUNICORN_BIND says (a
unix socket such as ``unix:/run/newsroom/gunicorn.sock``), so that visitors reach it only
through the buffering proxy in front (README, "Deploying"). gunicorn's sync workers give a
request their whole attention until it is read and answered; a client that sends its
request slowly would hold one for as long as it likes, so slow clients must meet nginx
(which reads the whole request before passing it on), never gunicorn. The limits below
bound what one request may cost a worker even so.
"""

import os

from newsroom.core.env import LOOPBACK_NETWORKS, env_int, env_list, env_networks

# Loopback unless told otherwise: a gunicorn on 0.0.0.0 is reachable by slow clients and by
# anyone writing X-Forwarded-For headers the proxy never saw.
bind = env_list("GUNICORN_BIND") or [f"127.0.0.1:{env_int('PORT', 8000, minimum=1)}"]

# Two per core and one more, gunicorn's rule of thumb for sync workers (WEB_CONCURRENCY, as
# gunicorn and hosting platforms name it, overrides).
workers = env_int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1, minimum=1)
worker_class = "sync"

# A worker that has not finished a request within `timeout` seconds (reading it included)
# is killed and replaced, so a stuck or slow request frees its worker within that time.
timeout = env_int("GUNICORN_TIMEOUT", 30, minimum=1)
graceful_timeout = 30
# Behind a proxy, connections are the proxy's and short; sync workers do not keep them open.
keepalive = 2

# The request line is not limited by gunicorn (0 is "unlimited" in its documentation; its
# ceiling, 8190 bytes, is under 1,000 Chinese characters once URL-encoded): a long search
# must reach the search page, which refuses it with a message, instead of being a bare 414.
# The proxy in front bounds it (nginx: large_client_header_buffers), and the timeout below
# bounds what reading it may cost. Header fields keep gunicorn's own defaults, stated here
# so that they are visible and tested: 100 fields of at most 8 KB each.
limit_request_line = 0
limit_request_fields = 100
limit_request_field_size = 8190

# gunicorn itself believes X-Forwarded-Proto (wsgi.url_scheme) only from the same proxies
# the app believes (TRUSTED_PROXIES, read the same way as newsroom/settings.py does).
forwarded_allow_ips = ",".join(
    str(network) for network in env_networks("TRUSTED_PROXIES", LOOPBACK_NETWORKS)
)

# Access log to stdout for the service manager; errors too.
accesslog = "-"
errorlog = "-"
