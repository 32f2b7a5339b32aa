package io.jixiao.soap.internal;

import io.jixiao.api.goal.RulesViolatedException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.JixiaoException;
import io.jixiao.soap.internal.common.JixiaoFault;
import io.jixiao.soap.internal.common.RuleViolation;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one typed fault of every SOAP contract: the {@code JixiaoFault} element of {@code common.xsd}, carried by each
 * service's generated fault exception. How the API's errors become that fault, and how {@link RequestIds} keeps a
 * fault and answers it again.
 *
 * @param <F> a service's generated fault exception
 */
final class FaultContract<F extends Exception> {
    /** The namespace of {@code common.xsd}: the RequestId header's and the JixiaoFault's. */
    static final String COMMON_NAMESPACE = "http://jixiao.io/ws/common/v1";

    /** One broken input rule: field, rule and message. */
    record Violation(String field, String rule, String message) {
    }

    private final BiFunction<String, JixiaoFault, F> exception;
    private final Function<F, JixiaoFault> detail;

    /**
     * @param exception the generated exception's constructor (message, detail)
     * @param detail the generated exception's {@code getFaultInfo}
     */
    FaultContract(BiFunction<String, JixiaoFault, F> exception, Function<F, JixiaoFault> detail) {
        this.exception = exception;
        this.detail = detail;
    }

    /** @return the fault for a code, a message and the input rules broken */
    F fault(String code, String message, List<Violation> violations) {
        JixiaoFault fault = new JixiaoFault();
        fault.setCODE(code);
        fault.setMESSAGE(message);
        violations.forEach(violation -> {
            JixiaoFault.VIOLATION item = new JixiaoFault.VIOLATION();
            item.setFIELD(violation.field());
            item.setRULE(violation.rule());
            item.setMESSAGE(violation.message());
            fault.getVIOLATION().add(item);
        });
        return replay(fault);
    }

    /** @return the fault element an answer carries, to be kept */
    Object info(F fault) {
        return detail.apply(fault);
    }

    /** @return the fault again, from a kept fault element */
    F replay(Object info) {
        JixiaoFault fault = (JixiaoFault) info;
        return exception.apply(fault.getCODE() + ": " + fault.getMESSAGE(), fault);
    }

    /**
     * @return the fault of one of the API's typed errors: a refused step lists every broken rule, as REST's 422 does;
     *         a broken input rule names its field in this contract's element names ({@link ElementNames})
     */
    F of(JixiaoException e) {
        List<Violation> violations = e instanceof InvalidInputException invalid
                ? invalid.violations().stream()
                        .map(v -> new Violation(ElementNames.of(v.field()), v.rule(), v.message())).toList()
                : List.of();
        F fault = fault(e.code(), e.getMessage(), violations);
        if (e instanceof RulesViolatedException rules) {
            JixiaoFault info = detail.apply(fault);
            rules.violations().forEach(v -> {
                RuleViolation item = new RuleViolation();
                item.setCODE(v.code());
                item.setFIELD(v.field());
                item.setMESSAGEZH(v.messageZh());
                item.setMESSAGEEN(v.messageEn());
                item.setSOURCE(v.source());
                info.getRULEVIOLATION().add(item);
            });
            info.setRULEVERSION(rules.ruleVersion());
        }
        return fault;
    }

    /**
     * Runs an operation, turning the API's typed errors into this contract's fault, and a database that cannot be
     * reached into the fault {@code STORE_UNAVAILABLE} (nothing was changed: try again later), logged in one line.
     */
    <T> T run(Body<T> body) throws F {
        try {
            return body.run();
        } catch (JixiaoException e) {
            throw of(e);
        } catch (RuntimeException e) {
            String unavailable = io.jixiao.api.call.StoreUnavailable.reason(e);
            if (unavailable == null) {
                throw e;
            }
            org.slf4j.LoggerFactory.getLogger(FaultContract.class).warn(
                    "Answered STORE_UNAVAILABLE: the database cannot be reached ({})", unavailable);
            throw fault("STORE_UNAVAILABLE", "the database cannot be reached; nothing was changed: try again in "
                    + io.jixiao.api.call.StoreUnavailable.RETRY_AFTER_SECONDS + " s", List.of());
        }
    }

    /** An operation's body, which may throw the API's typed errors. */
    @FunctionalInterface
    interface Body<T> {
        T run();
    }
}
