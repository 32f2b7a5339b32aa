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

    /**
     * What the client must fix, said the way the contract's typed faults say it: a request the schema refuses or that
     * cannot be read at all, or another client fault without a detail (a body without its request element, a rate
     * limit), gets a {@code soap:Client} fault whose detail is common.xsd's {@code JixiaoFault} — {@code CODE}, and
     * for a schema violation a {@code VIOLATION} naming the element path and the rule.
     */
    static final class ClientFaultDetail extends AbstractPhaseInterceptor<Message> {
        ClientFaultDetail() {
            // after the typed faults have written their detail (PRE_PROTOCOL), before the fault is marshalled
            super(Phase.WRITE);
        }

        @Override
        public void handleMessage(Message message) {
            if (!(message.getContent(Exception.class) instanceof Fault fault)) {
                return;
            }
            if (fault.hasDetails()) {
                plain(fault.getDetail());
                return;
            }
            if (fault.getFaultCode() != null && UsernameTokenInterceptor.WSSE.equals(fault.getFaultCode().getNamespaceURI())) {
                return; // WS-Security's own fault codes are the contract for credentials
            }
            SchemaViolation violation = cause(fault, SchemaViolation.class);
            org.xml.sax.SAXParseException header = cause(fault, org.xml.sax.SAXParseException.class);
            if (violation == null && header != null && String.valueOf(fault.getMessage()).contains("soapheader")) {
                // the one header the contracts' schema declares: CXF validates it apart from the body
                violation = new SchemaViolation(RequestIds.HEADER.getLocalPart(), header);
            }
            String code;
            String text;
            String[] field = null;
            if (violation != null) {
                code = "INVALID_INPUT";
                text = violation.path() + ": " + violation.text();
                field = new String[] {violation.path(), violation.rule(), violation.text()};
            } else if (unreadable(fault)) {
                code = "INVALID_INPUT";
                text = "the request is not a readable SOAP envelope: " + firstLine(fault.getMessage());
                field = new String[] {"Envelope", "well-formed", firstLine(fault.getMessage())};
            } else if (Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())) {
                String m = fault.getMessage() == null ? "" : fault.getMessage();
                int colon = m.indexOf(':');
                boolean named = colon > 0 && m.substring(0, colon).matches("[A-Z_]+");
                code = named ? m.substring(0, colon) : "INVALID_INPUT";
                text = named ? m.substring(colon + 1).trim() : m;
            } else {
                return;
            }
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setMessage(code + ": " + text);
            org.w3c.dom.Element detail = fault.getOrCreateDetail();
            String ns = FaultContract.COMMON_NAMESPACE;
            org.w3c.dom.Document doc = detail.getOwnerDocument();
            org.w3c.dom.Element jixiao = doc.createElementNS(ns, "JixiaoFault");
            append(jixiao, ns, "CODE", code);
            append(jixiao, ns, "MESSAGE", text);
            if (field != null) {
                org.w3c.dom.Element v = doc.createElementNS(ns, "VIOLATION");
                append(v, ns, "FIELD", field[0]);
                append(v, ns, "RULE", field[1]);
                append(v, ns, "MESSAGE", field[2]);
                jixiao.appendChild(v);
            }
            detail.appendChild(jixiao);
        }

        /**
         * Writes a typed fault's detail the way the client faults above are written: common.xsd's namespace as the
         * default one on {@code JixiaoFault}, its elements without a prefix (JAXB would give them {@code ns2:}).
         */
        private static void plain(org.w3c.dom.Element parent) {
            for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e && FaultContract.COMMON_NAMESPACE.equals(e.getNamespaceURI())) {
                    org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
                    for (int i = attributes.getLength() - 1; i >= 0; i--) {
                        org.w3c.dom.Node a = attributes.item(i);
                        if (javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                            e.removeAttributeNode((org.w3c.dom.Attr) a);
                        }
                    }
                    e.setPrefix(null);
                    plain(e);
                }
            }
        }

        private static void append(org.w3c.dom.Element parent, String ns, String name, String text) {
            org.w3c.dom.Element child = parent.getOwnerDocument().createElementNS(ns, name);
            child.setTextContent(text);
            parent.appendChild(child);
        }
    }

    /** Whether a fault says the request could not be read as XML (random bytes, a broken envelope). */
    static boolean unreadable(Throwable fault) {
        if (cause(fault, javax.xml.stream.XMLStreamException.class) != null) {
            return true;
        }
        org.xml.sax.SAXParseException parse = cause(fault, org.xml.sax.SAXParseException.class);
        if (parse != null && !(parse instanceof SchemaViolation)) {
            return true;
        }
        String m = fault.getMessage() == null ? "" : fault.getMessage();
        return m.startsWith("Error reading XMLStreamReader") || m.startsWith("Couldn't parse stream")
                || m.startsWith("Unmarshalling Error");
    }

    static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof javax.xml.bind.JAXBException jaxb && jaxb.getLinkedException() != null) {
            return jaxb.getLinkedException();
        }
        if (t instanceof org.xml.sax.SAXException sax && sax.getException() != null && t.getCause() == null) {
            return sax.getException();
        }
        if (t instanceof javax.xml.stream.XMLStreamException xml && xml.getNestedException() != null
                && t.getCause() == null) {
            return xml.getNestedException();
        }
        return t.getCause();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim();
    }
}
