"""The concordance as CSV, for negotiators who paste it into their documents."""

from __future__ import annotations

import csv
import io

from concordance.csv_cells import BOM, neutralised
from concordance.mapping.interchange.export import export_document

COLUMNS = [
    "kind",
    "left_instrument",
    "left_eid",
    "right_instrument",
    "right_eid",
    "relation",
    "note",
    "themes",
    "status",
    "origin",
    "reason",
]


def concordance_csv() -> str:
    """The curated correspondences, then the articles without counterpart.

    For an article without counterpart, ``right_instrument`` names the
    instrument it has no counterpart in.
    """
    document = export_document()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    rows = [
        {
            "kind": "correspondence",
            "left_instrument": entry["left"]["instrument"],
            "left_eid": entry["left"]["eid"],
            "right_instrument": entry["right"]["instrument"],
            "right_eid": entry["right"]["eid"],
            "relation": entry["relation"],
            "note": entry["note"],
            "themes": ";".join(entry["themes"]),
            "status": entry["status"],
            "origin": entry["origin"],
        }
        for entry in document["correspondences"]
    ] + [
        {
            "kind": "without_counterpart",
            "left_instrument": entry["instrument"],
            "left_eid": entry["eid"],
            "right_instrument": entry["other_instrument"],
            "reason": entry["reason"],
        }
        for entry in document["without_counterpart"]
    ]
    for row in rows:
        writer.writerow({name: neutralised(value) for name, value in row.items()})
    return BOM + buffer.getvalue()
