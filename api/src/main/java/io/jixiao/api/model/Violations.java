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
     * Checks a text field: present when required, at most {@code max} characters, no control characters but line
     * breaks and tabs. The one rule of every free-text field a request carries.
     *
     * @param field element name
     * @param value the text, or {@code null}
     * @param max the most characters it may have
     * @param required whether it must be present
     * @since 1.4.0
     */
    public void text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "required", "is required");
            }
        } else if (value.length() > max) {
            add(field, "length", "at most " + max + " characters");
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "characters", "must not contain control characters");
        }
    }

    /**
     * Checks a part of a request (an element of a list, a nested record) whose fields are named from the part: its
     * violations are collected here with {@code prefix} before each field, e.g. {@code INDICATORS[2].} before
     * {@code WEIGHT}.
     *
     * @param <T> what the part becomes
     * @param prefix the part's path, ending in {@code .}
     * @param part checks the part into the violations it is given and returns its value, or {@code null}
     * @return the part's value, or {@code null} if it broke a rule
     * @since 1.4.0
     */
    public <T> T within(String prefix, java.util.function.Function<Violations, T> part) {
        Violations inner = new Violations();
        T value = part.apply(inner);
        for (Violation violation : inner.found) {
            add(prefix + violation.field(), violation.rule(), violation.message());
        }
        return inner.hasAny() ? null : value;
    }

    /**
     * Checks each element of a request's list through {@link #within}, named {@code <list>[i].<field>}; a missing
     * element is named {@code <list>[i]}. How many elements a list may have is the caller's rule.
     *
     * @param <T> the adapter's shape of an element
     * @param <R> what an element becomes
     * @param listField the list as the contract names it
     * @param raw the elements as received, not {@code null}
     * @param reader checks one element, not {@code null}, into the violations it is given
     * @return the elements that broke no rule, in order
     * @since 1.4.0
     */
    public <T, R> List<R> each(String listField, List<T> raw,
            java.util.function.BiFunction<Violations, T, R> reader) {
        List<R> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            T element = raw.get(i);
            if (element == null) {
                add(listField + "[" + i + "]", "required", "is required");
                continue;
            }
            R value = within(listField + "[" + i + "].", x -> reader.apply(x, element));
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /**
     * Reads a request's list of values (codes): each broken value is named {@code <list>[i]} with its rule.
     *
     * @param <T> the value type
     * @param listField the list as the contract names it
     * @param raw the values as received, not {@code null}
     * @param parser builds one value, may throw {@link InvalidInputException}
     * @return the values that broke no rule, in order
     * @since 1.4.0
     */
    public <T> List<T> values(String listField, List<String> raw, java.util.function.Function<String, T> parser) {
        List<T> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i);
            try {
                out.add(parser.apply(value));
            } catch (InvalidInputException e) {
                String at = listField + "[" + i + "]";
                e.violations().forEach(x -> add(at, x.rule(), x.message()));
            }
        }
        return out;
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
