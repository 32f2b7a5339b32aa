package io.jixiao.soap.internal;

import io.jixiao.security.ClientAdmission;
import java.io.InputStream;
import javax.servlet.http.HttpServletRequest;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits each SOAP request by its client's address as it is received, before its envelope is read (the UsernameToken
 * is inside it): an address, or all clients, with as many requests in progress as allowed get a Server fault with
 * HTTP 503 at once, and an envelope that arrives slower than the minimum rate ends its request
 * ({@link ClientAdmission}). The admission ends when the answer (or fault) is sent.
 */
final class AdmissionInterceptors {
    private static final String TICKET = AdmissionInterceptors.class.getName() + ".ticket";
    private static final String SERVER_BUSY = "SERVER_BUSY";
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionInterceptors.class);

    private AdmissionInterceptors() {
    }

    /** In, first: admit, and keep the body to its minimum rate. */
    static final class Admit extends AbstractPhaseInterceptor<Message> {
        private final ClientAdmission admission;

        Admit(ClientAdmission admission) {
            super(Phase.RECEIVE);
            this.admission = admission;
        }

        @Override
        public void handleMessage(Message message) {
            // CXF would read what is left of the body before answering (a fault to a slow client included): without
            // this handle it does not, and the server closes a connection whose request was not read to its end
            message.removeContent(org.apache.cxf.io.DelegatingInputStream.class);
            ClientAdmission.Ticket ticket = admission.admit(address(message));
            if (ticket == null) {
                SoapFault busy = new SoapFault(SERVER_BUSY + ": too many requests in progress from your address, or "
                        + "from all clients; retry in a second", Fault.FAULT_CODE_SERVER);
                busy.setStatusCode(503);
                throw busy;
            }
            message.getExchange().put(TICKET, ticket);
            InputStream body = message.getContent(InputStream.class);
            if (body != null) {
                message.setContent(InputStream.class, admission.minimumRate(body));
            }
        }
    }

    /**
     * What a client's connection did, told in one line instead of CXF's stack trace ({@link FaultListener}, an endpoint
     * property): refused admission (503), a body too slow (408, a client fault {@code BODY_TOO_SLOW}), a client that
     * closed its connection early. Every other failure keeps CXF's own logging.
     */
    static final class QuietConnectionFaults implements FaultListener {
        @Override
        public boolean faultOccurred(Exception exception, String description, Message message) {
            if (exception instanceof SoapFault fault && String.valueOf(fault.getMessage()).startsWith(SERVER_BUSY)) {
                return false; // counted by the admission; the client is told to retry
            }
            ClientAdmission.SlowBodyException slow = ClientAdmission.SlowBodyException.in(exception);
            if (slow != null) {
                LOG.info("Answered 408: {}", slow.getMessage());
                SoapFault tooSlow = new SoapFault("BODY_TOO_SLOW: " + slow.getMessage(), Fault.FAULT_CODE_CLIENT);
                tooSlow.setStatusCode(408);
                message.setContent(Exception.class, tooSlow);
                return false;
            }
            if (ClientAdmission.ToClient.closedByClient(exception)) {
                org.apache.cxf.message.Exchange exchange = message.getExchange();
                if (exchange != null && exchange.put(ClientGoneInterceptor.CLOSED_EARLY, Boolean.TRUE) != null) {
                    return false; // told already: the answer to it failed the same way
                }
                LOG.info("A client closed its connection before its {} ({}): {}",
                        org.apache.cxf.message.MessageUtils.isOutbound(message) ? "answer was sent"
                                : "request was read", description.strip(), exception.getMessage());
                return false;
            }
            // after a client gone: a body cut short is not a malformed request
            if (exception instanceof Fault fault && clientFault(fault)
                    || FaultInterceptors.cause(exception, SchemaViolation.class) != null
                    || FaultInterceptors.unreadable(exception)) {
                if (probe(message)) {
                    return false; // the runtime's readiness probe, answered as documented
                }
                // the client's mistake (credentials, a replay, its rate, a request it cannot have meant): one line,
                // never a stack trace
                String code = exception instanceof Fault f && f.getFaultCode() != null
                        && !FaultInterceptors.unreadable(exception) ? f.getFaultCode().getLocalPart() : "Client";
                LOG.info("Refused a SOAP request ({}): {}", code,
                        String.valueOf(exception.getMessage()).replaceAll("\\s+", " "));
                return false;
            }
            return true;
        }
    }

    /** The client's address of a CXF message (the admission's and the failed-login throttle's key). */
    static String address(Message message) {
        Object http = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest servlet ? servlet.getRemoteAddr() : "unknown";
    }

    private static boolean probe(Message message) {
        Object http = message.getExchange() == null ? null
                : message.getExchange().getInMessage() == null ? null
                : message.getExchange().getInMessage().get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest servlet
                && servlet.getHeader(io.jixiao.runtime.PublishedEndpoint.PROBE_HEADER) != null
                && ("127.0.0.1".equals(servlet.getRemoteAddr()) || "0:0:0:0:0:0:0:1".equals(servlet.getRemoteAddr()));
    }

    /** A fault the client caused: {@code soap:Client}, or a WS-Security code such as FailedAuthentication. */
    static boolean clientFault(Fault fault) {
        javax.xml.namespace.QName code = fault.getFaultCode();
        return code != null && (Fault.FAULT_CODE_CLIENT.getLocalPart().equals(code.getLocalPart())
                || "Sender".equals(code.getLocalPart()) || "VersionMismatch".equals(code.getLocalPart())
                || UsernameTokenInterceptor.WSSE.equals(code.getNamespaceURI()));
    }

    /** Out and out-fault: the request ends with its answer. */
    static final class Release extends AbstractPhaseInterceptor<Message> {
        Release() {
            super(Phase.SETUP_ENDING);
        }

        @Override
        public void handleMessage(Message message) {
            release(message.getExchange());
        }

        @Override
        public void handleFault(Message message) {
            release(message.getExchange());
        }

        private static void release(Exchange exchange) {
            if (exchange != null && exchange.remove(TICKET) instanceof ClientAdmission.Ticket ticket) {
                ticket.close();
            }
        }
    }
}
