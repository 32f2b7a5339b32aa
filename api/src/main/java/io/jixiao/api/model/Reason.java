package io.jixiao.api.model;

/**
 * Free text explaining a decision (why a hold was placed or released), required wherever money is blocked
 * or unblocked; at most {@value #MAX_LENGTH} characters, no control characters.
 *
 * @param text the explanation
 */
public record Reason(String text) {
    public static final int MAX_LENGTH = 500;

    public Reason {
        Checks.text("REASON", text, MAX_LENGTH);
    }

    public static Reason of(String text) {
        return new Reason(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
