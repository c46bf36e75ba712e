"""Two curators create the same pair at the same instant, in threads of one process (review D7).

Run by tests/ops/test_faults.py in a process of its own, on its throw-away
cluster (development settings, DATABASE_URL from the environment), so that
each thread has its own database connection and every write is committed as
on the site, without touching the test database:

    python -m tests.ops.create_race --pairs 20             # new pairs, as JSON
    python -m tests.ops.create_race --rounds 20 --pause 0.05

Each round two curators post one new pair through Django's whole request
stack, released together by a barrier. With ``--pause`` each request waits
that long between the form's validation and its save, so that both are
validated before either saves and the database's unique index refuses the
loser (the path of the review's 500s). Prints the outcomes as JSON: each
round's two answers and the number of rows of the pair afterwards, and how
many losers the database refused.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")


def new_pairs(count: int) -> list[tuple[str, str]]:
    """UN and Budapest articles not linked yet, neither recorded as without counterpart in the other."""
    from concordance.corpus.models import Provision
    from concordance.mapping.models import Correspondence, MissingCounterpart

    gaps = set(MissingCounterpart.objects.values_list("article__edition__instrument__slug", "article__eid"))
    articles = {
        slug: [
            (article.pk, article.eid)
            for article in Provision.objects.filter(
                kind="article", edition__is_primary=True, edition__instrument__slug=slug
            ).order_by("position")
            if (slug, article.eid) not in gaps
        ]
        for slug in ("un", "budapest")
    }
    linked = {frozenset(pair) for pair in Correspondence.objects.values_list("left_id", "right_id")}
    pairs = [
        (un_eid, budapest_eid)
        for un_pk, un_eid in articles["un"]
        for budapest_pk, budapest_eid in articles["budapest"]
        if frozenset((un_pk, budapest_pk)) not in linked
    ]
    # Spread over many articles rather than twenty links of one.
    return pairs[:: max(1, len(pairs) // count)][:count]


def curators():
    from django.contrib.auth import get_user_model
    from django.test import Client

    from concordance.mapping.curators import curators_group

    clients = []
    for name in ("course-alice", "course-bertrand"):
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"is_staff": True})
        user.groups.add(curators_group())
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    return clients


def post_at_once(clients, form: dict) -> list[str]:
    """Each client posts ``form`` from its own thread (its own connection), released together."""
    from django.db import connections

    barrier = threading.Barrier(len(clients))
    answers = [""] * len(clients)

    def curator(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            response = clients[index].post("/concordance/correspondences/new/", form)
            text = response.content.decode()
            answers[index] = str(response.status_code)
            if response.status_code == 200:
                answers[index] = "form error" if "Cette correspondance existe déjà." in text else "200 without it"
        except Exception as error:  # noqa: BLE001 — the round's answer, reported
            answers[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=curator, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(answers)


def race(rounds: int, pause: float) -> dict:
    from django.db.models import Q

    from concordance.mapping import curation, forms
    from concordance.mapping.models import Correspondence

    refused = []

    def counted(error):
        message = curation.refusal(error)
        refused.append(message)
        return message

    # Counted in this process only (run for this purpose by the test).
    forms.refusal = counted
    if pause:
        validate = forms.CorrespondenceForm.clean

        def validated_then_held(self):
            cleaned = validate(self)
            time.sleep(pause)
            return cleaned

        forms.CorrespondenceForm.clean = validated_then_held  # type: ignore[method-assign]

    clients = curators()
    outcomes = []
    for number, (un, budapest) in enumerate(new_pairs(rounds)):
        form = {
            "left_instrument": "un",
            "left_provision": un,
            "right_instrument": "budapest",
            "right_provision": budapest,
            "relation": "related",
            "note": f"Course {number}",
            "status": "proposed",
        }
        answers = post_at_once(clients, form)
        un_side = {"edition__instrument__slug": "un", "edition__is_primary": True, "eid": un}
        budapest_side = {"edition__instrument__slug": "budapest", "edition__is_primary": True, "eid": budapest}
        rows = Correspondence.objects.filter(
            Q(**prefixed("left", un_side), **prefixed("right", budapest_side))
            | Q(**prefixed("left", budapest_side), **prefixed("right", un_side))
        ).count()
        outcomes.append({"pair": [un, budapest], "answers": answers, "rows": rows})
    return {"outcomes": outcomes, "refused_by_the_database": refused.count("Cette correspondance existe déjà.")}


def prefixed(side: str, lookups: dict) -> dict:
    return {f"{side}__{name}": value for name, value in lookups.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, help="only print this many new pairs")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between validation and saving")
    args = parser.parse_args()
    import django

    django.setup()
    result = new_pairs(args.pairs) if args.pairs else race(args.rounds, args.pause)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
