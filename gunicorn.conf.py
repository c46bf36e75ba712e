"""gunicorn's settings for every server of the project: make serve, the benches, the tests' servers.

gunicorn reads ``gunicorn.conf.py`` from the folder it is started in (the
project's, for the benches and tests); scripts/serve.sh names it. The
command lines give the rest (bind, workers, logs).
"""

from __future__ import annotations

from typing import Any


def post_worker_init(worker: Any) -> None:
    """Each worker opens its database connection before its first request (concordance/warm_up.py)."""
    from concordance.warm_up import in_worker

    in_worker()
