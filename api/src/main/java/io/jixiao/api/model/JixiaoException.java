package io.jixiao.api.model;

/**
 * Base of the typed errors a hook or service throws for input or state it cannot accept. Adapters map each
 * subtype to one HTTP status and one SOAP fault code; {@link #code()} is that stable code.
 */
public abstract class JixiaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected JixiaoException(String message) {
        super(message);
    }

    /**
     * @return the stable machine-readable error code, e.g. {@code INVALID_INPUT}
     */
    public abstract String code();
}
