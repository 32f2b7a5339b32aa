package io.jixiao.hostclient.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.port.AllocationChange;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.api.port.RequestedAmount;
import io.jixiao.api.port.TransferAllocation;
import io.jixiao.api.port.TransferChange;
import io.jixiao.api.port.TransferPort;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The ports over the host's REST services (docs/contracts/host-ledger.openapi.json):
 * {@code GET <base>/ledger-lines}, {@code POST <base>/projects/lookup}, and the compilation module's
 * {@code POST <base>/allocations/requested-amounts}, {@code POST <base>/allocations/changes},
 * {@code POST <base>/transfers/allocated-amounts} and {@code POST <base>/transfers/changes}.
 */
@Component(enabled = false, configurationPid = HostClientConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {LedgerPort.class, MasterDataPort.class, AllocationPort.class, TransferPort.class})
public final class RestHost implements LedgerPort, MasterDataPort, AllocationPort, TransferPort {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String base;
    private final HostCall ledgerCall;
    private final HostCall masterCall;
    private final HostCall allocationCall;

    /** The component: enabled by {@code HostClientSelector} when the configured protocol is this one. */
    @Activate
    public RestHost(HostClientConfiguration config) {
        this(HostPorts.uri(config.url()).toString(), HostPorts.Calls.of(config));
    }

    RestHost(String base, HostPorts.Calls calls) {
        this(base, calls.ledger(), calls.masterData(), calls.allocation());
    }

    RestHost(String base, HostCall ledgerCall, HostCall masterCall, HostCall allocationCall) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.ledgerCall = ledgerCall;
        this.masterCall = masterCall;
        this.allocationCall = allocationCall;
    }

    @Override
    public Map<ProCode, RequestedAmount> requested(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        if (proCodes.isEmpty()) {
            return Map.of();
        }
        ObjectNode request = JSON.createObjectNode().put("MOF_DIV_CODE", mofDivCode.value())
                .put("FISCAL_YEAR", fiscalYear.value());
        ArrayNode codes = request.putArray("PRO_CODES");
        proCodes.forEach(c -> codes.add(c.value()));
        JsonNode projects = parse("allocation", post(allocationCall, "/allocations/requested-amounts", request))
                .get("PROJECTS");
        if (projects == null || !projects.isArray()) {
            throw Answers.malformed("allocation", "PROJECTS", new IllegalArgumentException("PROJECTS is not a list"));
        }
        Map<ProCode, RequestedAmount> found = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            RequestedAmount r = Answers.requested("allocation", "PROJECTS[" + i + "]", fields(projects.get(i)));
            found.put(r.proCode(), r);
        }
        return found;
    }

    @Override
    public Map<String, Outcome> apply(MofDivCode mofDivCode, FiscalYear fiscalYear, List<AllocationChange> changes) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        ObjectNode request = JSON.createObjectNode().put("MOF_DIV_CODE", mofDivCode.value())
                .put("FISCAL_YEAR", fiscalYear.value());
        ArrayNode list = request.putArray("CHANGES");
        for (AllocationChange c : changes) {
            list.addObject().put("CHANGE_ID", c.changeId()).put("PRO_CODE", c.proCode().value())
                    .put("ACTION", c.action()).put("CUT_PERCENT", c.cutPercent()).put("CHANGE_AMT", c.change())
                    .put("REASON", c.reason()).put("CONTENT_HASH", c.contentHash());
        }
        JsonNode results = parse("allocation", post(allocationCall, "/allocations/changes", request)).get("RESULTS");
        if (results == null || !results.isArray()) {
            throw Answers.malformed("allocation", "RESULTS", new IllegalArgumentException("RESULTS is not a list"));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        results.forEach(r -> rows.add(fields(r)));
        return Answers.outcomes("allocation", Outcome.class,
                changes.stream().map(AllocationChange::changeId).toList(), rows);
    }

    @Override
    public Map<MofDivCode, TransferAllocation> allocated(MofDivCode payer, FiscalYear fiscalYear,
            Collection<MofDivCode> recipients) {
        if (recipients.isEmpty()) {
            return Map.of();
        }
        ObjectNode request = JSON.createObjectNode().put("MOF_DIV_CODE", payer.value())
                .put("FISCAL_YEAR", fiscalYear.value());
        ArrayNode codes = request.putArray("RECIPIENT_DIV_CODES");
        recipients.forEach(c -> codes.add(c.value()));
        JsonNode transfers = parse("transfer", post(allocationCall, "/transfers/allocated-amounts", request))
                .get("TRANSFERS");
        if (transfers == null || !transfers.isArray()) {
            throw Answers.malformed("transfer", "TRANSFERS", new IllegalArgumentException("TRANSFERS is not a list"));
        }
        Map<MofDivCode, TransferAllocation> found = new HashMap<>();
        for (int i = 0; i < transfers.size(); i++) {
            TransferAllocation t = Answers.transfer("transfer", "TRANSFERS[" + i + "]", fields(transfers.get(i)));
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
        ObjectNode request = JSON.createObjectNode().put("MOF_DIV_CODE", payer.value())
                .put("FISCAL_YEAR", fiscalYear.value());
        ArrayNode list = request.putArray("CHANGES");
        for (TransferChange c : changes) {
            list.addObject().put("CHANGE_ID", c.changeId()).put("RECIPIENT_DIV_CODE", c.recipient().value())
                    .put("ACTION", c.action()).put("CUT_PERCENT", c.cutPercent()).put("CHANGE_AMT", c.change())
                    .put("REASON", c.reason()).put("CONTENT_HASH", c.contentHash());
        }
        JsonNode results = parse("transfer", post(allocationCall, "/transfers/changes", request)).get("RESULTS");
        if (results == null || !results.isArray()) {
            throw Answers.malformed("transfer", "RESULTS", new IllegalArgumentException("RESULTS is not a list"));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        results.forEach(r -> rows.add(fields(r)));
        return Answers.outcomes("transfer", TransferOutcome.class,
                changes.stream().map(TransferChange::changeId).toList(), rows);
    }

    private byte[] post(HostCall call, String path, ObjectNode request) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return call.send(URI.create(base + path), () -> HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).header("Content-Type", "application/json")
                .header("Accept", "application/json"));
    }

    @Override
    public LedgerPage lines(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate asOf, String after, int limit) {
        StringBuilder q = new StringBuilder(base).append("/ledger-lines?MOF_DIV_CODE=").append(mofDivCode.value())
                .append("&FISCAL_YEAR=").append(fiscalYear.value()).append("&AS_OF=").append(asOf)
                .append("&LIMIT=").append(limit);
        if (after != null) {
            q.append("&AFTER=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        byte[] body = ledgerCall.send(URI.create(q.toString()),
                () -> HttpRequest.newBuilder().GET().header("Accept", "application/json"));
        JsonNode root = parse("ledger", body);
        JsonNode lines = root.get("LINES");
        if (lines == null || !lines.isArray()) {
            throw Answers.malformed("ledger", "LINES", new IllegalArgumentException("LINES is not a list"));
        }
        List<LedgerLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(Answers.line("ledger", "LINES[" + i + "]", fields(lines.get(i))));
        }
        JsonNode next = root.get("NEXT");
        JsonNode total = root.get("TOTAL");
        if (next != null && !next.isNull() && !next.isTextual()) {
            throw Answers.malformed("ledger", "NEXT", new IllegalArgumentException("NEXT is not text"));
        }
        return new LedgerPage(out, next == null || next.isNull() ? null : next.asText(),
                total != null && total.canConvertToLong() ? total.asLong() : -1);
    }

    @Override
    public Map<ProCode, ProjectRecord> projects(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        if (masterCall == null || proCodes.isEmpty()) {
            return Map.of();
        }
        ObjectNode request = JSON.createObjectNode().put("MOF_DIV_CODE", mofDivCode.value())
                .put("FISCAL_YEAR", fiscalYear.value());
        ArrayNode codes = request.putArray("PRO_CODES");
        proCodes.forEach(c -> codes.add(c.value()));
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] body = masterCall.send(URI.create(base + "/projects/lookup"), () -> HttpRequest.newBuilder()
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).header("Content-Type", "application/json")
                .header("Accept", "application/json"));
        JsonNode projects = parse("master-data", body).get("PROJECTS");
        if (projects == null || !projects.isArray()) {
            throw Answers.malformed("master-data", "PROJECTS", new IllegalArgumentException("PROJECTS is not a list"));
        }
        Map<ProCode, ProjectRecord> found = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            ProjectRecord p = Answers.project("master-data", "PROJECTS[" + i + "]", fields(projects.get(i)));
            found.put(p.proCode(), p);
        }
        return found;
    }

    private static JsonNode parse(String port, byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            return root;
        } catch (IOException | IllegalArgumentException e) {
            throw Answers.malformed(port, "the body", e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? new IllegalArgumentException("not JSON: " + j.getOriginalMessage())
                    : e instanceof IOException ? new IllegalArgumentException("not JSON: " + e.getMessage()) : e);
        }
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> f = new HashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull() && e.getValue().isValueNode()) {
                    f.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return f;
    }
}
