package io.jixiao.soap.internal;

import java.util.List;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/** Makes bad requests client faults: the caller, not the server, must change something. */
final class FaultInterceptors {
    private FaultInterceptors() {
    }

    /**
     * A body without a request element (empty, or only an unresolvable entity) never reaches the endpoint,
     * which would otherwise fail as a server error.
     */
    static final class RequestRequired extends AbstractPhaseInterceptor<Message> {
        RequestRequired() {
            super(Phase.PRE_INVOKE);
        }

        @Override
        public void handleMessage(Message message) {
            List<?> params = message.getContent(List.class);
            if (params == null || params.isEmpty() || params.get(0) == null) {
                Fault fault = new Fault(new IllegalArgumentException(
                        "the SOAP body must contain the operation's request element"));
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
                throw fault;
            }
        }
    }

    /** The API's typed errors (invalid input, forbidden, not found, conflict) are the client's to fix. */
    static final class TypedFaultsAreClientFaults extends AbstractPhaseInterceptor<Message> {
        private final Class<? extends Exception> typed;

        /** @param typed the contract's generated fault exception */
        TypedFaultsAreClientFaults(Class<? extends Exception> typed) {
            super(Phase.PRE_LOGICAL);
            this.typed = typed;
        }

        @Override
        public void handleMessage(Message message) {
            if (message.getContent(Exception.class) instanceof Fault fault
                    && typed.isInstance(fault.getCause())) {
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            }
        }
    }
}
