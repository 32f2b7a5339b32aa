package io.jixiao.soap.internal;

import javax.xml.ws.Provider;
import javax.xml.ws.Service;
import javax.xml.ws.ServiceMode;
import javax.xml.ws.WebServiceProvider;
import java.io.StringReader;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.StaxUtils;

/**
 * The baseline of the SOAP load tool: a bare CXF JAX-WS endpoint (payload mode) that reads the request's body to
 * its end and answers a fixed PASS, with no WSDL, JAXB binding, schema validation, authentication or guard — what
 * the SOAP stack and the transport alone cost.
 */
@WebServiceProvider(serviceName = "EchoService", portName = "EchoPort", targetNamespace = SoapEcho.NS)
@ServiceMode(Service.Mode.PAYLOAD)
public final class SoapEcho implements Provider<Source> {
    static final String NS = "http://jixiao.io/ws/payment-guard/v1";
    private static final String PASS = "<CheckPaymentResult xmlns=\"" + NS + "\"><DECISION>PASS</DECISION>"
            + "<REASON_CODE>NO_ACTIVE_HOLD</REASON_CODE></CheckPaymentResult>";

    @Override
    public Source invoke(Source request) {
        try {
            XMLStreamReader reader = StaxUtils.createXMLStreamReader(request);
            while (reader.hasNext()) {
                reader.next();
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e);
        }
        return new StreamSource(new StringReader(PASS));
    }

    /** Declares the security header understood (mustUnderstand="1") without reading it: the echo is bare. */
    static final class IgnoresSecurityHeader extends AbstractSoapInterceptor {
        IgnoresSecurityHeader() {
            super(Phase.PRE_PROTOCOL);
        }

        @Override
        public Set<QName> getUnderstoodHeaders() {
            return Set.of(new QName("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
                    "Security"));
        }

        @Override
        public void handleMessage(SoapMessage message) {
            // nothing: the baseline does not authenticate
        }
    }
}
