"""gunicorn's settings for every server of the project: make serve, the benches, the tests' servers.

gunicorn reads ``gunicorn.conf.py`` from the folder it is started in (the
project's, for the benches and tests); scripts/serve.sh names it. The
command lines give the rest (bind, workers, logs).

The warm-up (concordance/warm_up.py) runs here, not when the application is
imported: ``manage.py runserver`` imports it too, and would pay a second of
warm-up on every reload for no fork to share it with.
"""

from __future__ import annotations

from typing import Any


def when_ready(server: Any) -> None:
    """With ``--preload`` (make serve) the master has loaded the application: warm it before the fork."""
    if server.cfg.preload_app:
        from concordance.warm_up import before_fork

        before_fork()


def post_worker_init(worker: Any) -> None:
    """Each worker opens its database connection before its first request; without ``--preload``
    it loaded the application itself, and warms it first."""
    from concordance.warm_up import before_fork, in_worker

    if not worker.cfg.preload_app:
        before_fork()
    in_worker()
