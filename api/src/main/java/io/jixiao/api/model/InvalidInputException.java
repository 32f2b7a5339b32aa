package io.jixiao.api.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request broke one or more input rules; nothing was changed.
 */
public class InvalidInputException extends JixiaoException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "INVALID_INPUT";

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation is required");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String rule, String message) {
        return new InvalidInputException(List.of(new Violation(field, rule, message)));
    }

    /**
     * @return the broken rules, at least one
     */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return CODE;
    }
}
