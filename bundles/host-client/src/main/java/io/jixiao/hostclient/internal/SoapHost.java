package io.jixiao.hostclient.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.api.port.TransferAllocation;
import io.jixiao.api.port.TransferChange;
import io.jixiao.api.port.TransferPort;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The ports over the host's SOAP 1.1 service (docs/contracts/host-ledger.wsdl, document/literal, namespace
 * {@value #NS}): {@code GetLedgerLines}, {@code GetProjects}, {@code GetRequestedAmounts},
 * {@code ApplyAllocationChanges}, {@code GetTransferAllocations} and {@code ApplyTransferChanges}. Requests are written as text, answers read with
 * StAX, DTDs and external entities refused.
 */
@Component(enabled = false, configurationPid = HostClientConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {LedgerPort.class, MasterDataPort.class, AllocationPort.class, TransferPort.class})
public final class SoapHost implements LedgerPort, MasterDataPort, io.jixiao.api.port.AllocationPort, TransferPort {
    static final String NS = "http://jixiao.io/ws/host-ledger/v1";
    private static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private final URI endpoint;
    private final HostCall ledgerCall;
    private final HostCall masterCall;
    private final HostCall allocationCall;

    /** The component: enabled by {@code HostClientSelector} when the configured protocol is this one. */
    @Activate
    public SoapHost(HostClientConfiguration config) {
        this(HostPorts.uri(config.url()).toString(), HostPorts.Calls.of(config));
    }

    SoapHost(String endpoint, HostPorts.Calls calls) {
        this(endpoint, calls.ledger(), calls.masterData(), calls.allocation());
    }

    SoapHost(String endpoint, HostCall ledgerCall, HostCall masterCall, HostCall allocationCall) {
        this.endpoint = URI.create(endpoint);
        this.ledgerCall = ledgerCall;
        this.masterCall = masterCall;
        this.allocationCall = allocationCall;
    }

    @Override
    public Map<ProCode, io.jixiao.api.port.RequestedAmount> requested(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        if (proCodes.isEmpty()) {
            return Map.of();
        }
        StringBuilder body = new StringBuilder("<GetRequestedAmounts xmlns=\"").append(NS).append("\">");
        element(body, "MOF_DIV_CODE", mofDivCode.value());
        element(body, "FISCAL_YEAR", String.valueOf(fiscalYear.value()));
        proCodes.forEach(c -> element(body, "PRO_CODE", c.value()));
        body.append("</GetRequestedAmounts>");
        Answer answer = call(allocationCall, "allocation", "GetRequestedAmounts", body, "PROJECT");
        Map<ProCode, io.jixiao.api.port.RequestedAmount> found = new HashMap<>();
        for (int i = 0; i < answer.items.size(); i++) {
            io.jixiao.api.port.RequestedAmount r = Answers.requested("allocation", "PROJECT[" + i + "]",
                    answer.items.get(i));
            found.put(r.proCode(), r);
        }
        return found;
    }

    @Override
    public Map<String, Outcome> apply(MofDivCode mofDivCode, FiscalYear fiscalYear,
            List<io.jixiao.api.port.AllocationChange> changes) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        StringBuilder body = new StringBuilder("<ApplyAllocationChanges xmlns=\"").append(NS).append("\">");
        element(body, "MOF_DIV_CODE", mofDivCode.value());
        element(body, "FISCAL_YEAR", String.valueOf(fiscalYear.value()));
        for (io.jixiao.api.port.AllocationChange c : changes) {
            body.append("<CHANGE>");
            element(body, "CHANGE_ID", c.changeId());
            element(body, "PRO_CODE", c.proCode().value());
            element(body, "ACTION", c.action());
            element(body, "CUT_PERCENT", c.cutPercent().toPlainString());
            element(body, "CHANGE_AMT", c.change().toPlainString());
            element(body, "REASON", c.reason());
            element(body, "CONTENT_HASH", c.contentHash());
            body.append("</CHANGE>");
        }
        body.append("</ApplyAllocationChanges>");
        Answer answer = call(allocationCall, "allocation", "ApplyAllocationChanges", body, "RESULT");
        return Answers.outcomes("allocation", Outcome.class,
                changes.stream().map(io.jixiao.api.port.AllocationChange::changeId).toList(), answer.items);
    }

    @Override
    public Map<MofDivCode, TransferAllocation> allocated(MofDivCode payer, FiscalYear fiscalYear,
            Collection<MofDivCode> recipients) {
        if (recipients.isEmpty()) {
            return Map.of();
        }
        StringBuilder body = new StringBuilder("<GetTransferAllocations xmlns=\"").append(NS).append("\">");
        element(body, "MOF_DIV_CODE", payer.value());
        element(body, "FISCAL_YEAR", String.valueOf(fiscalYear.value()));
        recipients.forEach(c -> element(body, "RECIPIENT_DIV_CODE", c.value()));
        body.append("</GetTransferAllocations>");
        Answer answer = call(allocationCall, "transfer", "GetTransferAllocations", body, "TRANSFER");
        Map<MofDivCode, TransferAllocation> found = new HashMap<>();
        for (int i = 0; i < answer.items.size(); i++) {
            TransferAllocation t = Answers.transfer("transfer", "TRANSFER[" + i + "]", answer.items.get(i));
            found.put(t.recipient(), t);
        }
        return found;
    }

    @Override
    public Map<String, TransferOutcome> applyTransfers(MofDivCode payer, FiscalYear fiscalYear,
            List<TransferChange> changes) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        StringBuilder body = new StringBuilder("<ApplyTransferChanges xmlns=\"").append(NS).append("\">");
        element(body, "MOF_DIV_CODE", payer.value());
        element(body, "FISCAL_YEAR", String.valueOf(fiscalYear.value()));
        for (TransferChange c : changes) {
            body.append("<CHANGE>");
            element(body, "CHANGE_ID", c.changeId());
            element(body, "RECIPIENT_DIV_CODE", c.recipient().value());
            element(body, "ACTION", c.action());
            element(body, "CUT_PERCENT", c.cutPercent().toPlainString());
            element(body, "CHANGE_AMT", c.change().toPlainString());
            element(body, "REASON", c.reason());
            element(body, "CONTENT_HASH", c.contentHash());
            body.append("</CHANGE>");
        }
        body.append("</ApplyTransferChanges>");
        Answer answer = call(allocationCall, "transfer", "ApplyTransferChanges", body, "RESULT");
        return Answers.outcomes("transfer", TransferOutcome.class,
                changes.stream().map(TransferChange::changeId).toList(), answer.items);
    }

    @Override
    public LedgerPage lines(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate asOf, String after, int limit) {
        StringBuilder body = new StringBuilder("<GetLedgerLines xmlns=\"").append(NS).append("\">");
        element(body, "MOF_DIV_CODE", mofDivCode.value());
        element(body, "FISCAL_YEAR", String.valueOf(fiscalYear.value()));
        element(body, "AS_OF", asOf.toString());
        if (after != null) {
            element(body, "AFTER", after);
        }
        element(body, "LIMIT", String.valueOf(limit));
        body.append("</GetLedgerLines>");
        Answer answer = call(ledgerCall, "ledger", "GetLedgerLines", body, "LINE");
        List<LedgerLine> lines = new ArrayList<>(answer.items.size());
        for (int i = 0; i < answer.items.size(); i++) {
            lines.add(Answers.line("ledger", "LINE[" + i + "]", answer.items.get(i)));
        }
        String total = answer.top.get("TOTAL");
        long count = -1;
        if (total != null) {
            try {
                count = Long.parseLong(total.strip());
            } catch (NumberFormatException e) {
                throw Answers.malformed("ledger", "TOTAL", new IllegalArgumentException("not a number: " + total));
            }
        }
        return new LedgerPage(lines, answer.top.get("NEXT"), count);
    }

    @Override
    public Map<ProCode, ProjectRecord> projects(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        if (masterCall == null || proCodes.isEmpty()) {
            return Map.of();
        }
        StringBuilder body = new StringBuilder("<GetProjects xmlns=\"").append(NS).append("\">");
        element(body, "MOF_DIV_CODE", mofDivCode.value());
        element(body, "FISCAL_YEAR", String.valueOf(fiscalYear.value()));
        proCodes.forEach(c -> element(body, "PRO_CODE", c.value()));
        body.append("</GetProjects>");
        Answer answer = call(masterCall, "master-data", "GetProjects", body, "PROJECT");
        Map<ProCode, ProjectRecord> found = new HashMap<>();
        for (int i = 0; i < answer.items.size(); i++) {
            ProjectRecord p = Answers.project("master-data", "PROJECT[" + i + "]", answer.items.get(i));
            found.put(p.proCode(), p);
        }
        return found;
    }

    private Answer call(HostCall call, String port, String operation, StringBuilder payload, String item) {
        byte[] envelope = ("<soap:Envelope xmlns:soap=\"" + ENVELOPE + "\"><soap:Body>" + payload
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        byte[] body = call.send(endpoint, () -> HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"" + operation + "\""));
        try {
            return read(body, operation + "Response", item);
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw Answers.malformed(port, operation + "Response", e);
        }
    }

    /** The response element's simple children ({@code top}) and its repeated items' children. */
    private static final class Answer {
        final Map<String, String> top = new HashMap<>();
        final List<Map<String, String>> items = new ArrayList<>();
    }

    private static Answer read(byte[] body, String responseName, String item) throws XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            boolean inBody = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (ENVELOPE.equals(r.getNamespaceURI()) && r.getLocalName().equals("Body")) {
                    inBody = true;
                } else if (inBody && r.getLocalName().equals("Fault")) {
                    throw new PortUnavailableException("host", "the host answered a SOAP fault", null);
                } else if (inBody && r.getLocalName().equals(responseName) && NS.equals(r.getNamespaceURI())) {
                    return response(r, item);
                } else if (inBody) {
                    throw new IllegalArgumentException("expected " + responseName + ", got " + r.getLocalName());
                }
            }
            throw new IllegalArgumentException("no " + responseName + " in the SOAP body");
        } finally {
            r.close();
        }
    }

    private static Answer response(XMLStreamReader r, String item) throws XMLStreamException {
        Answer answer = new Answer();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if (name.equals(item)) {
                Map<String, String> fields = new HashMap<>();
                while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    fields.put(r.getLocalName(), r.getElementText());
                }
                answer.items.add(fields);
            } else {
                answer.top.put(name, r.getElementText());
            }
        }
        return answer;
    }

    private static void element(StringBuilder b, String name, String value) {
        b.append('<').append(name).append('>');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
        b.append("</").append(name).append('>');
    }
}
