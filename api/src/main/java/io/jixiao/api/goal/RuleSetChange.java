package io.jixiao.api.goal;

import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
import java.util.Map;

/**
 * A change to a region's goal rule set.
 *
 * @param mofDivCode the region
 * @param fromYear the first budget year the change applies to
 * @param baseRevision the revision of the region's rule set for that year the change was made against (0 if the
 *        region has none yet): a change made against an older revision is refused, not merged
 * @param changes rule keys (and {@code source.<key>} citations) with their new values; an empty value removes
 *        the key from the region's set
 * @param reason why (a document number, a decision), kept with the revision and in the audit trail
 */
public record RuleSetChange(MofDivCode mofDivCode, int fromYear, int baseRevision, Map<String, String> changes,
        String reason) {
    /** The most keys one change may carry. */
    public static final int MAX_CHANGES = 100;

    public RuleSetChange {
        Violations v = new Violations();
        if (mofDivCode == null) {
            v.add(MofDivCode.FIELD, "required", "is required");
        }
        if (fromYear < 2000 || fromYear > 2099) {
            v.add("FROM_YEAR", "range", "a budget year from 2000 to 2099");
        }
        if (baseRevision < 0) {
            v.add("BASE_REVISION", "range", "0 or the revision in force");
        }
        if (changes == null || changes.isEmpty() || changes.size() > MAX_CHANGES) {
            v.add("RULES", "size", "1 to " + MAX_CHANGES + " rule keys");
        } else {
            changes.forEach((key, value) -> {
                if (key == null || value == null || key.length() > 100 || value.length() > 2000
                        || (key + value).chars().anyMatch(c -> c < 0x20)) {
                    v.add("RULES", "entry", "keys up to 100 and values up to 2,000 characters, no control characters");
                }
            });
        }
        if (reason == null || reason.isBlank() || reason.length() > 500
                || reason.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            v.add("REASON", "required", "why the rules change, 1 to 500 characters without control characters");
        }
        v.throwIfAny();
        changes = Map.copyOf(changes);
    }
}
