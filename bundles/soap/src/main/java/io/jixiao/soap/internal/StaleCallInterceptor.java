package io.jixiao.soap.internal;

import io.jixiao.api.call.IdempotencyRepository;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Runs first for every request of every service: rolls back a call an earlier request left bound to this pooled
 * thread ({@link IdempotencyRepository#discardStale}), so that this request's writes never join it.
 */
final class StaleCallInterceptor extends AbstractPhaseInterceptor<Message> {
    private final IdempotencyRepository calls;

    StaleCallInterceptor(IdempotencyRepository calls) {
        super(Phase.RECEIVE);
        addBefore(AdmissionInterceptors.Admit.class.getName());
        this.calls = calls;
    }

    @Override
    public void handleMessage(Message message) {
        calls.discardStale();
    }
}
