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
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the host URL must be http(s), got '" + url + "'");
        }
        HostCall ledgerCall = new HostCall("ledger", connectTimeout, timeout, attempts, backoff, user, password,
                maxAnswerBytes);
        HostCall masterCall = masterData ? new HostCall("master-data", connectTimeout, timeout, attempts, backoff,
                user, password, maxAnswerBytes) : null;
        HostCall allocationCall = new HostCall("allocation", connectTimeout, timeout, attempts, backoff, user,
                password, maxAnswerBytes);
        String p = protocol.strip().toUpperCase(Locale.ROOT);
        return switch (p) {
            case "REST" -> {
                RestHost host = new RestHost(uri.toString(), ledgerCall, masterCall, allocationCall);
                yield new HostPorts(p, host, host, host, host);
            }
            case "SOAP" -> {
                SoapHost host = new SoapHost(uri.toString(), ledgerCall, masterCall, allocationCall);
                yield new HostPorts(p, host, host, host, host);
            }
            default -> throw new IllegalArgumentException("protocol must be REST or SOAP, got '" + protocol + "'");
        };
    }
}
