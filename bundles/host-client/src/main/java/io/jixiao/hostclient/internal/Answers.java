package io.jixiao.hostclient.internal;

import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.ProjectRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns the fields of one answered line or project (as text, whatever the protocol) into values, and anything that
 * is not what the contract says into a {@link PortUnavailableException} naming the element.
 */
final class Answers {
    private Answers() {
    }

    static LedgerLine line(String port, String at, Map<String, String> f) {
        try {
            return new LedgerLine(ProCode.of(required(f, "PRO_CODE")), BgtId.of(required(f, "BGT_ID")),
                    AgencyCode.of(required(f, "AGENCY_CODE")), ExpenditureKind.valueOf(required(f, "EXP_KIND")),
                    amount(f, "BUDGET_AMT", true), amount(f, "PAID_AMT", true));
        } catch (RuntimeException e) {
            throw malformed(port, at, e);
        }
    }

    static ProjectRecord project(String port, String at, Map<String, String> f) {
        try {
            String cls = f.get("PROJECT_CLASS");
            String investment = f.getOrDefault("INVESTMENT", "false");
            if (!investment.equals("true") && !investment.equals("false")) {
                throw new IllegalArgumentException("INVESTMENT must be true or false, got '" + investment + "'");
            }
            return new ProjectRecord(ProCode.of(required(f, "PRO_CODE")), f.get("PRO_NAME"),
                    AgencyCode.of(required(f, "AGENCY_CODE")), f.get("DEPT_CODE"),
                    cls == null || cls.isBlank() ? null : ProjectClass.valueOf(cls), Boolean.parseBoolean(investment),
                    amount(f, "ESTIMATE_AMT", false), amount(f, "INVESTED_AMT", false));
        } catch (RuntimeException e) {
            throw malformed(port, at, e);
        }
    }

    static io.jixiao.api.port.RequestedAmount requested(String port, String at, Map<String, String> f) {
        try {
            return new io.jixiao.api.port.RequestedAmount(ProCode.of(required(f, "PRO_CODE")),
                    AgencyCode.of(required(f, "AGENCY_CODE")), f.get("DEPT_CODE"), amount(f, "REQUESTED_AMT", true));
        } catch (RuntimeException e) {
            throw malformed(port, at, e);
        }
    }

    /**
     * The host's outcomes, checked against the changes sent: every outcome names a change sent, once.
     *
     * @return the outcome of each change the host reported on
     */
    static <E extends Enum<E>> Map<String, E> outcomes(String port, Class<E> type, List<String> sent,
            List<Map<String, String>> results) {
        java.util.Set<String> ids = new java.util.HashSet<>(sent);
        Map<String, E> out = new java.util.HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            String at = "RESULTS[" + i + "]";
            try {
                String id = required(results.get(i), "CHANGE_ID");
                if (!ids.contains(id) || out.containsKey(id)) {
                    throw new IllegalArgumentException("CHANGE_ID " + id + " was not sent, or is reported twice");
                }
                out.put(id, Enum.valueOf(type, required(results.get(i), "OUTCOME")));
            } catch (RuntimeException e) {
                throw malformed(port, at, e);
            }
        }
        return out;
    }

    static io.jixiao.api.port.TransferAllocation transfer(String port, String at, Map<String, String> f) {
        try {
            return new io.jixiao.api.port.TransferAllocation(MofDivCode.of(required(f, "RECIPIENT_DIV_CODE")),
                    amount(f, "ALLOCATED_AMT", true));
        } catch (RuntimeException e) {
            throw malformed(port, at, e);
        }
    }

    static PortUnavailableException malformed(String port, String at, Exception e) {
        String message = e instanceof io.jixiao.api.model.InvalidInputException invalid
                ? invalid.violations().stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b)
                        .orElse(e.getMessage())
                : e.getMessage();
        return new PortUnavailableException(port, "malformed answer at " + at + ": " + message, e);
    }

    private static String required(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return v.strip();
    }

    private static BigDecimal amount(Map<String, String> f, String name, boolean required) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(name + " is missing");
            }
            return null;
        }
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not an amount: '" + v + "'");
        }
    }
}
