package io.jixiao.soap.internal;

import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.JixiaoException;
import java.util.List;

/**
 * The typed fault of one SOAP contract (each WSDL declares its own {@code JixiaoFault} element): how the API's
 * errors become that fault, and how {@link RequestIds} keeps a fault and answers it again.
 *
 * @param <F> the generated fault exception
 */
interface FaultContract<F extends Exception> {

    /** One broken input rule: field, rule and message. */
    record Violation(String field, String rule, String message) {
    }

    /** @return the fault for a code, a message and the input rules broken */
    F fault(String code, String message, List<Violation> violations);

    /** @return the fault element an answer carries, to be kept */
    Object info(F fault);

    /** @return the fault again, from a kept fault element */
    F replay(Object info);

    /** @return the fault of one of the API's typed errors; contracts with richer faults add to it */
    default F of(JixiaoException e) {
        List<Violation> violations = e instanceof InvalidInputException invalid
                ? invalid.violations().stream().map(v -> new Violation(v.field(), v.rule(), v.message())).toList()
                : List.of();
        return fault(e.code(), e.getMessage(), violations);
    }

    /**
     * Runs an operation, turning the API's typed errors into this contract's fault, and a database that cannot be
     * reached into the fault {@code STORE_UNAVAILABLE} (nothing was changed: try again later), logged in one line.
     */
    default <T> T run(Body<T> body) throws F {
        try {
            return body.run();
        } catch (JixiaoException e) {
            throw of(e);
        } catch (RuntimeException e) {
            String unavailable = io.jixiao.store.StoreUnavailable.reason(e);
            if (unavailable == null) {
                throw e;
            }
            org.slf4j.LoggerFactory.getLogger(FaultContract.class).warn(
                    "Answered STORE_UNAVAILABLE: the database cannot be reached ({})", unavailable);
            throw fault("STORE_UNAVAILABLE", "the database cannot be reached; nothing was changed: try again in "
                    + io.jixiao.store.StoreUnavailable.RETRY_AFTER_SECONDS + " s", List.of());
        }
    }

    /** An operation's body, which may throw the API's typed errors. */
    @FunctionalInterface
    interface Body<T> {
        T run();
    }
}
