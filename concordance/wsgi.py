import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")
application = get_wsgi_application()

# Under ``gunicorn --preload`` (make serve) this module is imported by the
# master: what the warm-up fills (see concordance/warm_up.py) is then shared by
# the forked workers, whose first request costs little more than a warm one.
# Each worker's own database connection is opened by gunicorn.conf.py's hook.
if os.environ.get("CONCORDANCE_WARM_UP", "1") == "1":
    from concordance.warm_up import before_fork

    before_fork()
