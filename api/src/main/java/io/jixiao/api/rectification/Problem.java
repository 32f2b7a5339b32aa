package io.jixiao.api.rectification;

import io.jixiao.api.model.Violations;
import java.util.Objects;

/**
 * A problem a case asks the unit to rectify.
 *
 * @param text what is wrong, 1–1,000 characters
 * @param indicator the indicator it concerns (三级指标 name), or {@code null}
 */
public record Problem(String text, String indicator) {
    /** Most characters of a problem's text. */
    public static final int MAX_TEXT = 1000;
    /** Most characters of an indicator's name. */
    public static final int MAX_INDICATOR = 200;

    public Problem {
        Violations v = new Violations();
        v.text("TEXT", text, MAX_TEXT, true);
        if (text != null && text.isBlank()) {
            v.add("TEXT", "required", "must not be blank");
        }
        v.text("INDICATOR", indicator, MAX_INDICATOR, false);
        v.throwIfAny();
        Objects.requireNonNull(text, "text");
        indicator = indicator == null || indicator.isBlank() ? null : indicator;
    }

    /**
     * A problem from the fields of a remote request ({@code TEXT}, {@code INDICATOR}).
     *
     * @param v collects every broken rule, named from the part's prefix
     * @return the problem, or {@code null} if a rule was broken
     */
    public static Problem from(Violations v, String text, String indicator) {
        int before = v.count();
        v.text("TEXT", text, MAX_TEXT, true);
        if (text != null && text.isBlank()) {
            v.add("TEXT", "required", "must not be blank");
        }
        v.text("INDICATOR", indicator, MAX_INDICATOR, false);
        return v.count() > before ? null : new Problem(text, indicator);
    }
}
