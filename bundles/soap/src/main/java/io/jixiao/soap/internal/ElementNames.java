package io.jixiao.soap.internal;

import java.util.Map;

/**
 * The one mapping from a field as the API and the REST contract name it to the element the SOAP contracts name:
 * the same names everywhere, but that a JSON list is, in XML, an element repeated under its singular name. A broken
 * rule at {@code INDICATORS[2].WEIGHT} is at {@code INDICATOR[2].WEIGHT} in a SOAP fault (docs/api.md, "One rule,
 * two contracts").
 */
final class ElementNames {
    /** Each JSON list of a request and the repeated element that carries it in XML. */
    static final Map<String, String> LISTS = Map.of(
            "INDICATORS", "INDICATOR",
            "LINES", "LINE",
            "CRITERIA", "CRITERION",
            "SCORES", "SCORE",
            "OPINION_CODES", "OPINION_CODE",
            "PRO_CODES", "PRO_CODE",
            "MOF_DIV_CODES", "SUBJECT_DIV_CODE",
            "RULES", "RULE",
            "PROBLEMS", "PROBLEM");

    private ElementNames() {
    }

    /**
     * @param field a field path in the API's names, e.g. {@code LINES[0].AMOUNT}
     * @return the same path in the SOAP contracts' names, e.g. {@code LINE[0].AMOUNT}
     */
    static String of(String field) {
        int end = 0;
        while (end < field.length() && field.charAt(end) != '[' && field.charAt(end) != '.') {
            end++;
        }
        String element = LISTS.get(field.substring(0, end));
        return element == null ? field : element + field.substring(end);
    }
}
