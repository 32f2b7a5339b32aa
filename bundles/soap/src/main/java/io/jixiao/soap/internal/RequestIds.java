package io.jixiao.soap.internal;

import io.jixiao.security.Principal;
import io.jixiao.api.model.JixiaoException;
import io.jixiao.api.call.IdempotencyKeys;
import io.jixiao.api.call.IdempotencyRepository;
import io.jixiao.api.call.IdempotencyRepository.Entry;
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
 * and a replay while the first call still runs (within its lease) gets {@code IDEMPOTENCY_IN_PROGRESS} naming the
 * seconds left. The operation runs as one unit of work whose changes are committed with its answer, so a crash keeps
 * both or neither; after the lease a retry performs a call that died unanswered. A call that fails with an
 * unexpected error changes nothing and frees its id for a retry. Keys live in the same store, scoped per account,
 * as REST's.
 */
final class RequestIds {
    /** The header element carrying the id. */
    static final QName HEADER = new QName(FaultContract.COMMON_NAMESPACE, "RequestId");
    private static final int RESULT = 200;
    private static final int FAULT = 400;
    private static final String XML = "application/xml";

    private final IdempotencyRepository keys;
    private final Duration retention;
    private final Duration lease;
    private final Clock clock;

    RequestIds(IdempotencyRepository keys, Duration retention, Duration lease, Clock clock) {
        this.keys = keys;
        this.retention = retention;
        this.lease = lease;
        this.clock = clock;
    }

    static RequestIds of(IdempotencyRepository keys, SoapConfiguration config) {
        return new RequestIds(keys, Duration.ofHours(config.idempotency_retentionHours()),
                IdempotencyKeys.lease(config.idempotency_leaseSeconds()), Clock.systemUTC());
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
                marshal(jaxb, request).getBytes(StandardCharsets.UTF_8)), now, now.plus(retention), lease);
        switch (entry.state()) {
            case ANSWERED -> {
                if (entry.status() == RESULT) {
                    return resultType.cast(unmarshal(jaxb, entry.body()));
                }
                throw faults.replay(unmarshal(jaxb, commonFault(entry.body())));
            }
            case IN_PROGRESS -> throw fault(faults, "IDEMPOTENCY_IN_PROGRESS",
                    "a request with this RequestId is still running; retry in " + entry.retryAfter().toSeconds()
                            + " s", "in-progress", "a request with this id is still running");
            case CONFLICT -> throw fault(faults, "IDEMPOTENCY_KEY_REUSED", "this RequestId was used for a different request",
                    "same-request", "was used for a different request");
            case RESERVED -> {
                // the first call under this id: run it below and keep its answer
            }
        }
        IdempotencyRepository.Call call = entry.call();
        T result;
        try {
            result = body.run();
        } catch (JixiaoException error) {
            F typed = faults.of(error);
            answer(call, faults, FAULT, marshal(jaxb, faults.info(typed)));
            throw typed;
        } catch (RuntimeException | Error unexpected) {
            call.abandon();
            throw unexpected;
        }
        String answer;
        try {
            answer = marshal(jaxb, result);
        } catch (RuntimeException unexpected) {
            call.abandon();
            throw unexpected;
        }
        answer(call, faults, RESULT, answer);
        return result;
    }

    /** Commits the call with its answer; a retry that took the key over after the lease answers instead. */
    private static <F extends Exception> void answer(IdempotencyRepository.Call call, FaultContract<F> faults,
            int status, String body) throws F {
        try {
            call.answer(status, XML, null, body);
        } catch (IdempotencyRepository.LeaseLostException lost) {
            throw fault(faults, "IDEMPOTENCY_IN_PROGRESS", "this call outlived its lease and a retry with the same "
                    + "RequestId performed it; nothing of this call was kept", "in-progress", lost.getMessage());
        }
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

    /**
     * A fault kept before the services shared common.xsd's {@code JixiaoFault} (each answered its own, in its own
     * namespace, with the same elements) is read as the shared one.
     */
    static String commonFault(String kept) {
        return kept.contains(FaultContract.COMMON_NAMESPACE) ? kept
                : kept.replaceAll("http://jixiao\\.io/ws/[a-z-]+/v1", FaultContract.COMMON_NAMESPACE);
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
