package io.jixiao.api.goal;

import io.jixiao.api.model.Violations;
import java.util.List;

/**
 * Why a reviewer returned a goal: the standard opinion codes 1–11 and a text.
 * 1 incomplete indicators, 2 not specific or quantified enough, 3 weak relevance, 4 value does not match the
 * indicator, 5 split it, 6 wrong level-1 type, 7 wrong level-2 type, 8 add benefit indicators, 9 add output
 * indicators, 10 add satisfaction indicators, 11 other.
 *
 * @param codes one or more codes 1–11
 * @param text the reviewer's explanation, required with code 11
 * @throws io.jixiao.api.model.InvalidInputException for codes outside 1–11 or a missing text
 */
public record ReviewOpinion(List<Integer> codes, String text) {
    public ReviewOpinion {
        Violations v = new Violations();
        codes = codes == null ? List.of() : List.copyOf(codes);
        text = text == null ? "" : text.strip();
        if (codes.isEmpty()) {
            v.add("OPINION_CODES", "required", "name at least one opinion code 1–11");
        }
        for (Integer code : codes) {
            if (code == null || code < 1 || code > 11) {
                v.add("OPINION_CODES", "range", "opinion codes are 1 to 11, got " + code);
            }
        }
        if (codes.contains(11) && text.isEmpty()) {
            v.add("OPINION_TEXT", "required", "code 11 (other) needs a text");
        }
        if (text.length() > 2000) {
            v.add("OPINION_TEXT", "length", "at most 2000 characters");
        }
        v.throwIfAny();
    }

    /**
     * Builds an opinion from the fields of a remote request ({@code OPINION_CODES} / {@code OPINION_CODE} repeated,
     * {@code OPINION_TEXT}): the text's character rule ({@link Violations#text}) and this record's own.
     *
     * @param v collects every broken rule
     * @return the opinion, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static ReviewOpinion from(Violations v, List<Integer> codes, String text) {
        int before = v.count();
        v.text("OPINION_TEXT", text, 2000, false);
        ReviewOpinion opinion = v.check(() -> new ReviewOpinion(codes, text));
        return v.count() > before ? null : opinion;
    }
}
