package io.jixiao.soap.internal;

import io.jixiao.security.Principal;
import io.jixiao.api.model.JixiaoException;
import io.jixiao.store.IdempotencyKeys;
import io.jixiao.store.IdempotencyRepository;
import io.jixiao.store.IdempotencyRepository.Entry;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBException;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxb.JAXBDataBinding;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.w3c.dom.Element;

/**
 * The SOAP side of the one idempotency scheme: a state-changing operation may carry a {@code RequestId} header
 * (the REST adapter's {@code Idempotency-Key}); the first answer, result or typed fault, is kept, a replay of the
 * same request gets it again, the same id with a different request gets the fault {@code IDEMPOTENCY_KEY_REUSED},
 * and a replay while the first call still runs gets {@code IDEMPOTENCY_IN_PROGRESS}. A call that fails with an
 * unexpected error frees its id for a retry. Keys live in the same store, scoped per account, as REST's.
 */
final class RequestIds {
    /** The header element carrying the id. */
    static final QName HEADER = new QName("http://jixiao.io/ws/common/v1", "RequestId");
    private static final int RESULT = 200;
    private static final int FAULT = 400;
    private static final String XML = "application/xml";

    private final IdempotencyRepository keys;
    private final Duration retention;
    private final Clock clock;

    RequestIds(IdempotencyRepository keys, Duration retention, Clock clock) {
        this.keys = keys;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Runs a state-changing operation once per request id.
     *
     * @param operation the operation's name
     * @param request the unmarshalled request element
     * @param resultType the result element's class
     * @param faults the contract's fault
     * @param body the operation
     * @return the operation's result, or the first result under this request's id
     * @throws F the operation's typed fault, the first fault under this id, or a key fault
     */
    <T, F extends Exception> T once(String operation, Object request, Class<T> resultType, FaultContract<F> faults,
            FaultContract.Body<T> body) throws F {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        String id = requestId(message);
        if (id == null) {
            return faults.run(body);
        }
        if (!IdempotencyKeys.KEY.matcher(id).matches()) {
            throw fault(faults, "INVALID_INPUT", "RequestId: malformed request id", "pattern", IdempotencyKeys.KEY_RULE);
        }
        JAXBContext jaxb = ((JAXBDataBinding) message.getExchange().getService().getDataBinding()).getContext();
        Principal caller = UsernameTokenInterceptor.principal(message);
        String key = IdempotencyKeys.scoped(caller.account(), id);
        Instant now = clock.instant();
        Entry entry = keys.begin(key, IdempotencyKeys.requestHash("SOAP " + operation,
                marshal(jaxb, request).getBytes(StandardCharsets.UTF_8)), now, now.plus(retention));
        switch (entry.state()) {
            case ANSWERED -> {
                if (entry.status() == RESULT) {
                    return resultType.cast(unmarshal(jaxb, entry.body()));
                }
                throw faults.replay(unmarshal(jaxb, entry.body()));
            }
            case IN_PROGRESS -> throw fault(faults, "IDEMPOTENCY_IN_PROGRESS",
                    "a request with this RequestId is still running; retry later", "in-progress",
                    "a request with this id is still running");
            case CONFLICT -> throw fault(faults, "IDEMPOTENCY_KEY_REUSED", "this RequestId was used for a different request",
                    "same-request", "was used for a different request");
            case RESERVED -> {
                // the first call under this id: run it below and keep its answer
            }
        }
        T result;
        try {
            result = body.run();
        } catch (JixiaoException error) {
            F typed = faults.of(error);
            keys.complete(key, FAULT, XML, null, marshal(jaxb, faults.info(typed)));
            throw typed;
        } catch (RuntimeException | Error unexpected) {
            keys.abandon(key);
            throw unexpected;
        }
        keys.complete(key, RESULT, XML, null, marshal(jaxb, result));
        return result;
    }

    private static String requestId(Message message) {
        if (!(message instanceof SoapMessage soap)) {
            return null;
        }
        Header header = soap.getHeader(HEADER);
        if (header == null) {
            return null;
        }
        return header.getObject() instanceof Element element ? element.getTextContent().strip() : "";
    }

    private static <F extends Exception> F fault(FaultContract<F> faults, String code, String message, String rule,
            String ruleMessage) {
        return faults.fault(code, message, List.of(new FaultContract.Violation("RequestId", rule, ruleMessage)));
    }

    private static String marshal(JAXBContext jaxb, Object element) {
        try {
            StringWriter out = new StringWriter();
            jaxb.createMarshaller().marshal(element, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot serialise " + element.getClass().getSimpleName(), e);
        }
    }

    private static Object unmarshal(JAXBContext jaxb, String xml) {
        try {
            return jaxb.createUnmarshaller().unmarshal(new StringReader(xml));
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot read a kept answer", e);
        }
    }
}
