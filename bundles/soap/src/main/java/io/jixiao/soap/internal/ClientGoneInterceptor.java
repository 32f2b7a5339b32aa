package io.jixiao.soap.internal;

import io.jixiao.security.ClientAdmission;
import java.io.OutputStream;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Out and out-fault, as soon as the answer has its stream: a client that closed its connection is told about in one
 * INFO line and the rest of its answer is dropped, where CXF would log the failed write with stack traces. A request
 * whose envelope already ended early ({@link #CLOSED_EARLY}, logged then) sends nothing at all.
 */
final class ClientGoneInterceptor extends AbstractPhaseInterceptor<Message> {
    /** Exchange property: the client closed its connection before its request was read (logged then). */
    static final String CLOSED_EARLY = ClientGoneInterceptor.class.getName() + ".closedEarly";
    private static final Logger LOG = LoggerFactory.getLogger(ClientGoneInterceptor.class);
    private final ClientAdmission admission;

    ClientGoneInterceptor(ClientAdmission admission) {
        super(Phase.PREPARE_SEND);
        addAfter(MessageSenderInterceptor.class.getName());
        this.admission = admission;
    }

    @Override
    public void handleMessage(Message message) {
        OutputStream answer = message.getContent(OutputStream.class);
        if (answer != null) {
            Exchange exchange = message.getExchange();
            boolean closedEarly = exchange != null && Boolean.TRUE.equals(exchange.get(CLOSED_EARLY));
            message.setContent(OutputStream.class, closedEarly ? OutputStream.nullOutputStream()
                    : admission.toClient(answer, e -> LOG.info(
                            "A client closed its connection before its answer was sent ({}): {}", request(exchange),
                            e.toString())));
        }
    }

    private static String request(Exchange exchange) {
        Message in = exchange == null ? null : exchange.getInMessage();
        return in == null ? "?" : in.get(Message.HTTP_REQUEST_METHOD) + " " + in.get(Message.REQUEST_URI);
    }
}
