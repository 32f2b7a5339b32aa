package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.ws.Dispatch;
import javax.xml.ws.Service;
import javax.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.headers.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Apache CXF's own JAX-WS client, set up as docs/api.md shows: a {@code Dispatch} in payload mode with the
 * UsernameToken put into the request context as a SOAP header (CXF's WS-Security module is not needed for a
 * PasswordText token with Nonce and Created).
 */
class CxfClientIT {
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    /** The Security header of one call: a fresh Nonce and Created each time. */
    static Header usernameToken(String account, String password) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().newDocument();
        Element security = doc.createElementNS(WSSE, "wsse:Security");
        Element token = doc.createElementNS(WSSE, "wsse:UsernameToken");
        security.appendChild(token);
        Element user = doc.createElementNS(WSSE, "wsse:Username");
        user.setTextContent(account);
        Element pass = doc.createElementNS(WSSE, "wsse:Password");
        pass.setAttribute("Type", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
                + "#PasswordText");
        pass.setTextContent(password);
        Element nonce = doc.createElementNS(WSSE, "wsse:Nonce");
        nonce.setTextContent(Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()));
        Element created = doc.createElementNS(WSU, "wsu:Created");
        created.setTextContent(java.time.Instant.now().toString());
        token.appendChild(user);
        token.appendChild(pass);
        token.appendChild(nonce);
        token.appendChild(created);
        return new Header(new QName(WSSE, "Security"), security);
    }

    private static String call(String service, String operation, String account, String payload) throws Exception {
        String ns = "http://jixiao.io/ws/" + service + "/v1";
        Service client = Service.create(new java.net.URL(Jixiao.BASE + "/soap/" + service + "?wsdl"),
                new QName(ns, serviceName(service)));
        Dispatch<Source> dispatch = client.createDispatch(new QName(ns, portName(service)), Source.class,
                Service.Mode.PAYLOAD);
        List<Header> headers = new ArrayList<>();
        headers.add(usernameToken(account, Jixiao.PASSWORD));
        dispatch.getRequestContext().put(Header.HEADER_LIST, headers);
        dispatch.getRequestContext().put(javax.xml.ws.BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        dispatch.getRequestContext().put(javax.xml.ws.BindingProvider.SOAPACTION_URI_PROPERTY, ns + "/" + operation);
        Source answer = dispatch.invoke(new StreamSource(new StringReader(payload.replace("{ns}", ns))));
        StringWriter out = new StringWriter();
        TransformerFactory.newDefaultInstance().newTransformer().transform(answer, new StreamResult(out));
        return out.toString();
    }

    private static String serviceName(String service) {
        return switch (service) {
            case "payment-guard" -> "PaymentGuardService";
            case "goals" -> "GoalsService";
            case "library" -> "LibraryService";
            case "monitoring" -> "MonitoringService";
            default -> "EvaluationService";
        };
    }

    private static String portName(String service) {
        return serviceName(service).replace("Service", "Port");
    }

    @Test
    void cxfsClientCallsEveryService() throws Exception {
        assertThat(call("payment-guard", "CheckPayment", "pay-module", "<CheckPaymentRequest xmlns=\"{ns}\">"
                + "<MOF_DIV_CODE>440100000</MOF_DIV_CODE><FISCAL_YEAR>2026</FISCAL_YEAR><PAY_APP_NO>CXF-1</PAY_APP_NO>"
                + "<AGENCY_CODE>101001</AGENCY_CODE><PRO_CODE>P-CXF</PRO_CODE><BGT_ID>B-CXF</BGT_ID>"
                + "<PAY_APP_AMT>1000.00</PAY_APP_AMT><EXP_KIND>PROJECT</EXP_KIND><OPERATOR>teller1</OPERATOR>"
                + "</CheckPaymentRequest>")).contains("<DECISION>PASS</DECISION>");
        assertThat(call("goals", "GetGoalRules", "finance01", "<GetGoalRulesRequest xmlns=\"{ns}\"><MOF_DIV_CODE>"
                + "440100000</MOF_DIV_CODE><FISCAL_YEAR>2026</FISCAL_YEAR></GetGoalRulesRequest>"))
                .contains("<RULE_VERSION>440100000/2020#1");
        assertThat(call("library", "SearchLibrary", "finance01", "<SearchLibraryRequest xmlns=\"{ns}\"><MOF_DIV_CODE>"
                + "440100000</MOF_DIV_CODE></SearchLibraryRequest>")).contains("<TOTAL>");
        assertThat(call("evaluation", "ListEvaluationTasks", "finance01", "<ListEvaluationTasksRequest xmlns=\"{ns}\">"
                + "<MOF_DIV_CODE>440100000</MOF_DIV_CODE><FISCAL_YEAR>2026</FISCAL_YEAR></ListEvaluationTasksRequest>"))
                .contains("ListEvaluationTasksResult");
        try {
            call("monitoring", "GetMonitoringRound", "finance01", "<GetMonitoringRoundRequest xmlns=\"{ns}\">"
                    + "<ROUND_ID>999999</ROUND_ID></GetMonitoringRoundRequest>");
            throw new AssertionError("a round that does not exist was answered");
        } catch (SOAPFaultException fault) {
            assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("Client");
            assertThat(fault.getFault().getDetail().getTextContent()).contains("NOT_FOUND");
        }
    }
}
