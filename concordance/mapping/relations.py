"""What each relation label of the concordance means, and the page that says it.

A correspondence is stored from its left provision to its right one; read
from the right, "plus large" becomes "plus étroit" and the reverse
(``articles.CONVERSE``), the other labels read the same both ways. Every badge
that shows a relation links to its definition here (``relation_badge``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from concordance.mapping.articles import CONVERSE
from concordance.mapping.models import Correspondence, Relation


@dataclass(frozen=True)
class RelationDefinition:
    code: str  # a ``Relation`` value
    # Translatable (``gettext_lazy``): read in the language of the page showing it.
    definition: str | Promise  # what the label says of the provision it is read from, against the other
    example: str | Promise  # a pair of the concordance that carries it, and why

    @property
    def label(self) -> str:
        return str(Relation(self.code).label)

    @property
    def converse(self) -> Relation:
        """The relation the same correspondence carries read from the other provision."""
        return Relation(CONVERSE.get(Relation(self.code), Relation(self.code)))

    @property
    def reads_the_same_both_ways(self) -> bool:
        return self.converse == Relation(self.code)


DEFINITIONS: tuple[RelationDefinition, ...] = (
    RelationDefinition(
        "equivalent",
        _(
            "Les deux dispositions disent la même chose en substance : mêmes actes, mêmes personnes, même force "
            "de l'obligation. Ce qui les sépare est terminologique (« État partie » / « Partie ») ou de pure "
            "rédaction ; la comparaison mot à mot le montre."
        ),
        _(
            "Convention des Nations Unies, art. 25 ↔ Convention de Budapest, art. 16 : la conservation rapide de "
            "données stockées, dans les mêmes termes et pour la même durée."
        ),
    ),
    RelationDefinition(
        "partial",
        _(
            "Les deux dispositions se recouvrent en partie : chacune contient quelque chose que l'autre n'a pas, "
            "ou elles règlent la même question autrement, sans que l'une englobe l'autre."
        ),
        _(
            "Convention des Nations Unies, art. 22 ↔ Convention de Budapest, art. 22 : la compétence fondée sur "
            "la nationalité est obligatoire dans Budapest et facultative dans la Convention des Nations Unies, "
            "qui ajoute d'autres chefs de compétence."
        ),
    ),
    RelationDefinition(
        "broader",
        _(
            "La disposition d'où on lit va plus loin que l'autre et la contient : elle vise davantage d'actes, de "
            "personnes ou de données, ou impose une obligation plus forte. Tout ce que dit l'autre s'y retrouve."
        ),
        _(
            "Convention des Nations Unies, art. 14 § 1 a) est plus large que Convention de Budapest, art. 9 § 1 b : "
            "produire, offrir, vendre, distribuer… contre la seule offre ou mise à disposition."
        ),
    ),
    RelationDefinition(
        "narrower",
        _(
            "La disposition d'où on lit reste en deçà de l'autre, qui la contient : moins d'actes, de personnes "
            "ou de données, ou une obligation plus faible."
        ),
        _(
            "Convention des Nations Unies, art. 45 et 46 sont plus étroits que leurs correspondants de Budapest : "
            "les États « s'efforcent » là où les Parties « s'accordent »."
        ),
    ),
    RelationDefinition(
        "related",
        _(
            "Les deux dispositions ne règlent pas la même chose mais se lisent ensemble : l'une touche la matière "
            "de l'autre (une garantie, une limite, une procédure voisine) sans lui correspondre."
        ),
        _(
            "Une disposition sans équivalent direct dans l'autre instrument, rapprochée de celle qui en traite "
            "le plus près."
        ),
    ),
)

DEFINITION_OF = {definition.code: definition for definition in DEFINITIONS}


def relations(request: HttpRequest) -> HttpResponse:
    """The relation labels defined, each with how it reads the other way and how often it is used (one query)."""
    counts = dict(
        Correspondence.objects.curated()
        .order_by()
        .values("relation")
        .annotate(count=Count("pk"))
        .values_list("relation", "count")
    )
    entries = [(definition, counts.get(definition.code, 0)) for definition in DEFINITIONS]
    return render(request, "mapping/relations.html", {"entries": entries})
