package io.jixiao.hostclient.internal;

import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The host's ports over one protocol, built from the client's settings.
 *
 * @param protocol REST or SOAP
 * @param ledger the ledger port
 * @param masterData the master-data port (answers nothing if the host offers no lookup)
 * @param allocation the compilation module's port: requested amounts and the write-back of evaluation results
 * @param transfer the compilation module's transfer payments to lower governments and the write-back of their
 *        comprehensive evaluations
 */
public record HostPorts(String protocol, LedgerPort ledger, MasterDataPort masterData,
        io.jixiao.api.port.AllocationPort allocation, io.jixiao.api.port.TransferPort transfer) {

    /**
     * @throws IllegalArgumentException for an unknown protocol or a URL that is not http(s)
     */
    public static HostPorts create(String protocol, String url, boolean masterData, Duration connectTimeout,
            Duration timeout, int attempts, Duration backoff, String user, String password, long maxAnswerBytes) {
        String base = uri(url).toString();
        Calls calls = Calls.of(masterData, connectTimeout, timeout, attempts, backoff, user, password,
                maxAnswerBytes);
        String p = protocol(protocol);
        if (p.equals("REST")) {
            RestHost host = new RestHost(base, calls);
            return new HostPorts(p, host, host, host, host);
        }
        SoapHost host = new SoapHost(base, calls);
        return new HostPorts(p, host, host, host, host);
    }

    /**
     * @return the protocol of a configuration, upper case, once its URL is checked too
     * @throws IllegalArgumentException for an unknown protocol or a URL that is not http(s)
     */
    public static String checked(String protocol, String url) {
        uri(url);
        return protocol(protocol);
    }

    /**
     * @return the protocol, upper case
     * @throws IllegalArgumentException unless REST or SOAP
     */
    static String protocol(String protocol) {
        String p = protocol.strip().toUpperCase(Locale.ROOT);
        if (!p.equals("REST") && !p.equals("SOAP")) {
            throw new IllegalArgumentException("protocol must be REST or SOAP, got '" + protocol + "'");
        }
        return p;
    }

    /**
     * @return the host's URL
     * @throws IllegalArgumentException unless http(s)
     */
    static URI uri(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the host URL must be http(s), got '" + url + "'");
        }
        return uri;
    }

    /**
     * The calls a host client makes, each with its own name in logs and errors.
     *
     * @param masterData the project lookup, or {@code null} when the host offers none
     */
    record Calls(HostCall ledger, HostCall masterData, HostCall allocation) {
        static Calls of(boolean masterData, Duration connectTimeout, Duration timeout, int attempts,
                Duration backoff, String user, String password, long maxAnswerBytes) {
            return new Calls(new HostCall("ledger", connectTimeout, timeout, attempts, backoff, user, password,
                    maxAnswerBytes), masterData ? new HostCall("master-data", connectTimeout, timeout, attempts,
                    backoff, user, password, maxAnswerBytes) : null, new HostCall("allocation", connectTimeout,
                    timeout, attempts, backoff, user, password, maxAnswerBytes));
        }

        static Calls of(HostClientConfiguration config) {
            return of(config.masterData(), Duration.ofMillis(config.connectTimeoutMillis()),
                    Duration.ofMillis(config.timeoutMillis()), config.attempts(),
                    Duration.ofMillis(config.backoffMillis()), config.user(), config._password(),
                    config.maxAnswerBytes());
        }
    }
}
