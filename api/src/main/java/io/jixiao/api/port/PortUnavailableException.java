package io.jixiao.api.port;

/**
 * The host did not answer a port call in time, refused it, or answered with something that is not what the contract
 * says. Reads have already been retried where that is safe; the caller decides what to do next (a monitoring round
 * stops as FAILED and can be resumed where it stopped).
 */
public class PortUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String port;

    /**
     * @param port which port ({@code ledger}, {@code master-data})
     * @param message what happened, for the log and the round's status
     * @param cause the underlying failure, or {@code null}
     */
    public PortUnavailableException(String port, String message, Throwable cause) {
        super(port + ": " + message, cause);
        this.port = port;
    }

    /** @return which port failed */
    public String port() {
        return port;
    }
}
