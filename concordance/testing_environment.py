"""Loaded by pytest before Django (see addopts in pyproject.toml).

The suite runs with development settings unless the environment says
otherwise; production settings are tested in a subprocess with their own
environment.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
