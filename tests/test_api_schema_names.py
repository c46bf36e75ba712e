"""Each response shape of the API has its own name in the OpenAPI description.

django-ninja names a schema's component after its class: two classes of one
name (a quantity of /api/quantities/ and a quantity of a comparison) would
share one component, and one endpoint would be described with the other's shape.
"""

from collections import Counter

from ninja import Schema

import concordance.api  # noqa: F401 - registers every router and its schemas


def subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(subclasses(sub))
    return found


def test_no_two_api_schemas_share_a_name():
    ours = [cls for cls in subclasses(Schema) if cls.__module__.startswith("concordance.")]
    twice = {name: count for name, count in Counter(cls.__name__ for cls in ours).items() if count > 1}
    assert ours and twice == {}
