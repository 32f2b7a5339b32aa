package io.jixiao.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the violations of several fields so that one error names every broken rule of a request.
 * Not thread-safe; use one per request.
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /**
     * Builds one value, remembering its violations instead of throwing.
     *
     * @param <T> the value type
     * @param builder builds the value, may throw {@link InvalidInputException}
     * @return the value, or {@code null} if it broke a rule
     */
    public <T> T check(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidInputException e) {
            found.addAll(e.violations());
            return null;
        }
    }

    /**
     * Parses an optional value: {@code null} stays {@code null}.
     *
     * @param <T> the value type
     * @param raw the raw input
     * @param builder builds the value from a non-null input
     * @return the value, or {@code null} if absent or broken
     */
    public <T> T optional(String raw, java.util.function.Function<String, T> builder) {
        return raw == null ? null : check(() -> builder.apply(raw));
    }

    /**
     * Parses an enum constant by name.
     *
     * @param <E> the enum
     * @param field element name
     * @param raw the raw input
     * @param type the enum class
     * @return the constant, or {@code null} if missing or unknown
     */
    public <E extends Enum<E>> E oneOf(String field, String raw, Class<E> type) {
        if (raw == null) {
            add(field, "required", "is required");
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        add(field, "enum", "must be one of " + names);
        return null;
    }

    /**
     * Records a violation found by the caller.
     *
     * @param field element name
     * @param rule rule identifier
     * @param message explanation
     */
    public void add(String field, String rule, String message) {
        found.add(new Violation(field, rule, message));
    }

    /**
     * @return whether any violation was collected
     * @since 1.1.0
     */
    public boolean hasAny() {
        return !found.isEmpty();
    }

    /**
     * @return how many violations were collected (to tell whether a part of the input added any)
     * @since 1.1.0
     */
    public int count() {
        return found.size();
    }

    /**
     * @throws InvalidInputException naming every collected violation, if there is any
     */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
