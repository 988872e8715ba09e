package org.tunebook.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.tunebook.study.FrozenTrial;
import org.tunebook.study.Study;
import org.tunebook.util.Json;

/**
 * The summary {@code optimize --json} prints: {@code {"best_value": v, "best_params": {...}, "trials":
 * [{"number": n, "value": v, "params": {...}, "state": "COMPLETE"}, ...]}} over every trial of the study
 * (a resumed study includes its earlier trials). Without a COMPLETE trial best_value and best_params are null;
 * a trial without a value has "value": null.
 */
final class JsonReport {
    private JsonReport() {
    }

    static String of(Study study) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        Optional<FrozenTrial> best = study.bestTrialIfAny();
        if (best.isPresent()) {
            root.put("best_value", best.get().value());
            root.set("best_params", Json.MAPPER.valueToTree(best.get().params()));
        } else {
            root.putNull("best_value");
            root.putNull("best_params");
        }
        ArrayNode trials = root.putArray("trials");
        for (FrozenTrial t : study.trials()) {
            ObjectNode n = trials.addObject();
            n.put("number", t.number());
            if (t.values().size() == 1) n.put("value", t.value());
            else n.putNull("value");
            n.set("params", Json.MAPPER.valueToTree(t.params()));
            n.put("state", t.state().name());
        }
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON summary: " + e.getOriginalMessage(), e);
        }
    }
}
