package io.jixiao.api.goal;

import io.jixiao.api.model.JixiaoException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A goal breaks its region's rules, so the step asked for (submission, approval) is refused and nothing changes.
 * REST answers 422 with the violations, SOAP a client fault listing them.
 */
public class RulesViolatedException extends JixiaoException {
    private static final long serialVersionUID = 1L;
    public static final String CODE = "RULES_VIOLATED";

    private final transient List<RuleViolation> violations;
    private final String ruleVersion;

    /**
     * @param violations the rules broken, at least one
     * @param ruleVersion the version of the rules that decided
     */
    public RulesViolatedException(List<RuleViolation> violations, String ruleVersion) {
        super(violations.stream().map(v -> v.code() + " (" + v.field() + "): " + v.messageEn())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
        this.ruleVersion = ruleVersion;
    }

    /** @return the rules broken */
    public List<RuleViolation> violations() {
        return violations;
    }

    /** @return the version of the rules that decided */
    public String ruleVersion() {
        return ruleVersion;
    }

    @Override
    public String code() {
        return CODE;
    }
}
