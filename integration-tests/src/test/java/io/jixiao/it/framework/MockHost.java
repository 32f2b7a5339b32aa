package io.jixiao.it.framework;

import io.jixiao.runtime.PublishedEndpoint;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.ws.Provider;
import javax.xml.ws.ServiceMode;
import javax.xml.ws.WebServiceException;
import javax.xml.ws.WebServiceProvider;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.jaxws.EndpointImpl;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The host platform's ledger and project services, mocked as the host's vendors would: real CXF endpoints on
 * loopback (REST at {@link #REST}, SOAP at {@link #SOAP}) serving the contract of docs/contracts, from data the tests
 * set, with knobs for the ways a host misbehaves: slow, failing, malformed.
 */
final class MockHost {
    static final String REST = Jixiao.BASE + "/mock-host/rest";
    static final String SOAP = Jixiao.BASE + "/mock-host/soap";
    static final String NS = "http://jixiao.io/ws/host-ledger/v1";

    /** A ledger line as the host holds it. */
    record Line(String proCode, String bgtId, String agencyCode, String kind, String budgeted, String paid) {
    }

    /** A project as the host's library holds it. */
    record Project(String proCode, String name, String agencyCode, String deptCode, boolean investment,
            String estimate, String invested) {
    }

    /** How the host answers the next calls. */
    enum Mode {
        NORMAL,
        /** answers after 3 s */
        SLOW,
        /** HTTP 503 / SOAP fault */
        FAILING,
        /** an answer that breaks the contract */
        MALFORMED
    }

    private static MockHost instance;
    final Map<String, List<Line>> ledgers = new ConcurrentHashMap<>();
    final Map<String, Project> projects = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile Mode mode = Mode.NORMAL;
    /** calls still to answer in {@link #mode} before the host recovers; negative: for good */
    final AtomicInteger modeCalls = new AtomicInteger(-1);

    /** The compilation drafts of the years open: "region/year" → project → requested amount. */
    final Map<String, Map<String, BigDecimal>> drafts = new ConcurrentHashMap<>();
    /** The transfer payments of the years open: "payer/year" → lower government → allocated amount. */
    final Map<String, Map<String, BigDecimal>> transfers = new ConcurrentHashMap<>();
    /** The change ids applied, with their amounts: a change id is applied once. */
    final Map<String, BigDecimal> appliedChanges = new ConcurrentHashMap<>();
    /** The CONTENT_HASH each applied change id came with (port contract 1.1.0), to answer CONFLICT for another. */
    final Map<String, String> appliedHashes = new ConcurrentHashMap<>();
    /** In each failing write-back: apply this many new changes, then fail (503 / SOAP fault). */
    final AtomicInteger failAfterChanges = new AtomicInteger(0);
    /** How many write-back calls still fail (after {@link #failAfterChanges} new changes each). */
    final AtomicInteger failingChangeCalls = new AtomicInteger(0);

    private MockHost() {
    }

    /** The requested amounts the draft holds of these projects: PRO_CODE, AGENCY_CODE, DEPT_CODE, REQUESTED_AMT. */
    List<Map<String, String>> requested(String region, String year, List<String> codes) {
        calls.incrementAndGet();
        Map<String, BigDecimal> draft = drafts.getOrDefault(region + "/" + year, Map.of());
        List<Map<String, String>> out = new ArrayList<>();
        for (String code : codes) {
            BigDecimal amount = draft.get(code);
            if (amount != null) {
                out.add(Map.of("PRO_CODE", code, "AGENCY_CODE", "101001", "DEPT_CODE", "101",
                        "REQUESTED_AMT", amount.toPlainString()));
            }
        }
        return out;
    }

    /**
     * Applies changes once each (by CHANGE_ID), as a compilation module would.
     *
     * @return CHANGE_ID → OUTCOME, or {@code null} when the host fails part-way (what it applied stays applied)
     */
    Map<String, String> applyChanges(String region, String year, List<Map<String, String>> changes) {
        return apply(drafts, "PRO_CODE", "UNKNOWN_PROJECT", region, year, changes);
    }

    /** The transfer payments the year allocates to these lower governments: RECIPIENT_DIV_CODE, ALLOCATED_AMT. */
    List<Map<String, String>> transfers(String payer, String year, List<String> recipients) {
        calls.incrementAndGet();
        Map<String, BigDecimal> allocated = transfers.getOrDefault(payer + "/" + year, Map.of());
        List<Map<String, String>> out = new ArrayList<>();
        for (String recipient : recipients) {
            BigDecimal amount = allocated.get(recipient);
            if (amount != null) {
                out.add(Map.of("RECIPIENT_DIV_CODE", recipient, "ALLOCATED_AMT", amount.toPlainString()));
            }
        }
        return out;
    }

    /** Applies transfer changes once each (by CHANGE_ID); {@code null} when the host fails part-way. */
    Map<String, String> applyTransferChanges(String payer, String year, List<Map<String, String>> changes) {
        return apply(transfers, "RECIPIENT_DIV_CODE", "UNKNOWN_RECIPIENT", payer, year, changes);
    }

    private synchronized Map<String, String> apply(Map<String, Map<String, BigDecimal>> amounts, String key,
            String unknown, String region, String year, List<Map<String, String>> changes) {
        calls.incrementAndGet();
        Map<String, BigDecimal> draft = amounts.getOrDefault(region + "/" + year, new ConcurrentHashMap<>());
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        int applied = 0;
        for (Map<String, String> c : changes) {
            if (failingChangeCalls.get() > 0 && applied == failAfterChanges.get()) {
                failingChangeCalls.decrementAndGet();
                return null;
            }
            String id = c.get("CHANGE_ID");
            String hash = c.get("CONTENT_HASH");
            if (appliedChanges.containsKey(id)) {
                String kept = appliedHashes.get(id);
                outcomes.put(id, kept != null && hash != null && !kept.equals(hash) ? "CONFLICT" : "DUPLICATE");
            } else if (!draft.containsKey(c.get(key))) {
                outcomes.put(id, unknown);
            } else {
                BigDecimal change = new BigDecimal(c.get("CHANGE_AMT"));
                draft.merge(c.get(key), change, BigDecimal::add);
                appliedChanges.put(id, change);
                if (hash != null) {
                    appliedHashes.put(id, hash);
                }
                outcomes.put(id, "APPLIED");
                applied++;
            }
        }
        return outcomes;
    }

    static synchronized MockHost start() {
        if (instance == null) {
            MockHost host = new MockHost();
            PublishedEndpoint.withContextClassLoader(MockHost.class.getClassLoader(), () -> {
                JAXRSServerFactoryBean rest = new JAXRSServerFactoryBean();
                rest.setBus(BusFactory.getDefaultBus(true));
                rest.setAddress("/mock-host/rest");
                rest.setResourceClasses(RestLedger.class, RestAllocation.class, RestTransfer.class);
                rest.setResourceProvider(RestLedger.class, new SingletonResourceProvider(new RestLedger(host)));
                rest.setResourceProvider(RestAllocation.class,
                        new SingletonResourceProvider(new RestAllocation(host)));
                rest.setResourceProvider(RestTransfer.class, new SingletonResourceProvider(new RestTransfer(host)));
                Server server = rest.create();
                EndpointImpl soap = new EndpointImpl(BusFactory.getDefaultBus(true), new SoapLedger(host));
                soap.publish("/mock-host/soap");
                return server;
            });
            instance = host;
        }
        return instance;
    }

    /** Misbehave for the next {@code n} calls (negative: until told otherwise). */
    void misbehave(Mode how, int n) {
        modeCalls.set(n);
        mode = how;
    }

    void recover() {
        mode = Mode.NORMAL;
        modeCalls.set(-1);
    }

    private Mode modeForThisCall() {
        calls.incrementAndGet();
        Mode now = mode;
        if (now != Mode.NORMAL && modeCalls.get() >= 0 && modeCalls.getAndDecrement() <= 0) {
            recover();
            return Mode.NORMAL;
        }
        if (now == Mode.SLOW) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return now;
    }

    /** The page after {@code after} (the index of the next line, as text) of a region's ledger. */
    private List<Line> page(String region, String after, int limit, int[] next) {
        List<Line> all = ledgers.getOrDefault(region, List.of());
        int from = after == null || after.isEmpty() ? 0 : Integer.parseInt(after);
        int to = Math.min(all.size(), from + limit);
        next[0] = to < all.size() ? to : -1;
        return all.subList(from, to);
    }

    /** GET /ledger-lines and POST /projects/lookup. */
    @Path("/")
    public static final class RestLedger {
        private final MockHost host;

        RestLedger(MockHost host) {
            this.host = host;
        }

        @GET
        @Path("ledger-lines")
        @Produces("application/json")
        public Response lines(@QueryParam("MOF_DIV_CODE") String region, @QueryParam("FISCAL_YEAR") int year,
                @QueryParam("AS_OF") String asOf, @QueryParam("AFTER") String after, @QueryParam("LIMIT") int limit) {
            Mode mode = host.modeForThisCall();
            if (mode == Mode.FAILING) {
                return Response.status(503).entity("{\"error\":\"ledger service restarting\"}").build();
            }
            if (mode == Mode.MALFORMED) {
                return Response.ok("{\"LINES\":[{\"PRO_CODE\":\"X\",\"BUDGET_AMT\":\"一百万\"}]}").build();
            }
            int[] next = new int[1];
            StringBuilder json = new StringBuilder("{\"LINES\":[");
            List<Line> page = host.page(region, after, limit, next);
            for (int i = 0; i < page.size(); i++) {
                Line l = page.get(i);
                json.append(i == 0 ? "" : ",").append("{\"PRO_CODE\":\"").append(l.proCode())
                        .append("\",\"BGT_ID\":\"").append(l.bgtId()).append("\",\"AGENCY_CODE\":\"")
                        .append(l.agencyCode()).append("\",\"EXP_KIND\":\"").append(l.kind())
                        .append("\",\"BUDGET_AMT\":").append(l.budgeted()).append(",\"PAID_AMT\":").append(l.paid())
                        .append('}');
            }
            json.append("],\"TOTAL\":").append(host.ledgers.getOrDefault(region, List.of()).size());
            if (next[0] >= 0) {
                json.append(",\"NEXT\":\"").append(next[0]).append('"');
            }
            return Response.ok(json.append('}').toString()).build();
        }

        @POST
        @Path("projects/lookup")
        @Consumes("application/json")
        @Produces("application/json")
        public Response lookup(String body) {
            host.calls.incrementAndGet();
            StringBuilder json = new StringBuilder("{\"PROJECTS\":[");
            boolean first = true;
            for (Project p : host.projects.values()) {
                if (body.contains("\"" + p.proCode() + "\"")) {
                    json.append(first ? "" : ",").append("{\"PRO_CODE\":\"").append(p.proCode())
                            .append("\",\"PRO_NAME\":\"").append(p.name()).append("\",\"AGENCY_CODE\":\"")
                            .append(p.agencyCode()).append("\",\"DEPT_CODE\":\"").append(p.deptCode())
                            .append("\",\"INVESTMENT\":").append(p.investment());
                    if (p.estimate() != null) {
                        json.append(",\"ESTIMATE_AMT\":").append(p.estimate()).append(",\"INVESTED_AMT\":")
                                .append(p.invested());
                    }
                    json.append('}');
                    first = false;
                }
            }
            return Response.ok(json.append("]}").toString()).build();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CHANGES_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The host's way of applying a list of changes of a region and year: CHANGE_ID → OUTCOME, null when it fails. */
    interface Changes {
        Map<String, String> apply(String region, String year, List<Map<String, String>> changes);
    }

    /** A REST write-back: the request's CHANGES applied, RESULTS answered, or 503 when the host fails part-way. */
    static Response applied(String body, Changes host) throws Exception {
        var json = CHANGES_JSON;
        var root = json.readTree(body);
        List<Map<String, String>> changes = new ArrayList<>();
        root.get("CHANGES").forEach(c -> {
            Map<String, String> m = new HashMap<>();
            c.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            changes.add(m);
        });
        Map<String, String> outcomes = host.apply(root.get("MOF_DIV_CODE").asText(), root.get("FISCAL_YEAR").asText(),
                changes);
        if (outcomes == null) {
            return Response.status(503).entity("{\"error\":\"connection to the budget database lost\"}").build();
        }
        var answer = json.createObjectNode();
        var results = answer.putArray("RESULTS");
        outcomes.forEach((id, outcome) -> results.addObject().put("CHANGE_ID", id).put("OUTCOME", outcome));
        return Response.ok(json.writeValueAsString(answer)).build();
    }

    /** The compilation module over REST: POST /allocations/requested-amounts and /allocations/changes. */
    @Path("/allocations")
    public static final class RestAllocation {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();
        private final MockHost host;

        RestAllocation(MockHost host) {
            this.host = host;
        }

        @POST
        @Path("requested-amounts")
        @Consumes("application/json")
        @Produces("application/json")
        public Response requested(String body) throws Exception {
            var root = JSON.readTree(body);
            List<String> codes = new ArrayList<>();
            root.get("PRO_CODES").forEach(c -> codes.add(c.asText()));
            var answer = JSON.createObjectNode();
            var projects = answer.putArray("PROJECTS");
            host.requested(root.get("MOF_DIV_CODE").asText(), root.get("FISCAL_YEAR").asText(), codes)
                    .forEach(p -> {
                        var o = projects.addObject();
                        p.forEach(o::put);
                    });
            return Response.ok(JSON.writeValueAsString(answer)).build();
        }

        @POST
        @Path("changes")
        @Consumes("application/json")
        @Produces("application/json")
        public Response changes(String body) throws Exception {
            return applied(body, host::applyChanges);
        }
    }

    /** The compilation module as payer of transfers over REST: POST /transfers/allocated-amounts and /transfers/changes. */
    @Path("/transfers")
    public static final class RestTransfer {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();
        private final MockHost host;

        RestTransfer(MockHost host) {
            this.host = host;
        }

        @POST
        @Path("allocated-amounts")
        @Consumes("application/json")
        @Produces("application/json")
        public Response allocated(String body) throws Exception {
            var root = JSON.readTree(body);
            List<String> codes = new ArrayList<>();
            root.get("RECIPIENT_DIV_CODES").forEach(c -> codes.add(c.asText()));
            var answer = JSON.createObjectNode();
            var transfers = answer.putArray("TRANSFERS");
            host.transfers(root.get("MOF_DIV_CODE").asText(), root.get("FISCAL_YEAR").asText(), codes)
                    .forEach(t -> {
                        var o = transfers.addObject();
                        t.forEach(o::put);
                    });
            return Response.ok(JSON.writeValueAsString(answer)).build();
        }

        @POST
        @Path("changes")
        @Consumes("application/json")
        @Produces("application/json")
        public Response changes(String body) throws Exception {
            return applied(body, host::applyTransferChanges);
        }
    }

    /** GetLedgerLines and GetProjects, document/literal, payload in and out. */
    @WebServiceProvider(serviceName = "HostLedgerService", portName = "HostLedgerPort",
            targetNamespace = NS)
    @ServiceMode(javax.xml.ws.Service.Mode.PAYLOAD)
    public static final class SoapLedger implements Provider<Source> {
        private final MockHost host;

        public SoapLedger() {
            this(null);
        }

        SoapLedger(MockHost host) {
            this.host = host;
        }

        @Override
        public Source invoke(Source request) {
            Element root;
            try {
                DOMResult dom = new DOMResult();
                TransformerFactory.newDefaultInstance().newTransformer().transform(request, dom);
                Node n = dom.getNode();
                root = n instanceof org.w3c.dom.Document d ? d.getDocumentElement() : (Element) n.getFirstChild();
            } catch (Exception e) {
                throw new WebServiceException(e);
            }
            String op = root.getLocalName();
            if (op.equals("GetRequestedAmounts")) {
                Map<String, String> f = children(root);
                List<String> codes = new ArrayList<>();
                NodeList nodes = root.getElementsByTagNameNS("*", "PRO_CODE");
                for (int i = 0; i < nodes.getLength(); i++) {
                    codes.add(nodes.item(i).getTextContent());
                }
                StringWriter xml = new StringWriter().append("<h:GetRequestedAmountsResponse xmlns:h=\"" + NS + "\">");
                for (Map<String, String> p : host.requested(f.get("MOF_DIV_CODE"), f.get("FISCAL_YEAR"), codes)) {
                    xml.append("<h:PROJECT>");
                    p.forEach((k, v) -> xml.append(el(k, v)));
                    xml.append("</h:PROJECT>");
                }
                return new StreamSource(new StringReader(xml.append("</h:GetRequestedAmountsResponse>").toString()));
            }
            if (op.equals("ApplyAllocationChanges")) {
                return applied(root, op, host::applyChanges);
            }
            if (op.equals("GetTransferAllocations")) {
                Map<String, String> f = children(root);
                List<String> codes = new ArrayList<>();
                NodeList nodes = root.getElementsByTagNameNS("*", "RECIPIENT_DIV_CODE");
                for (int i = 0; i < nodes.getLength(); i++) {
                    codes.add(nodes.item(i).getTextContent());
                }
                StringWriter xml = new StringWriter().append("<h:GetTransferAllocationsResponse xmlns:h=\"" + NS
                        + "\">");
                for (Map<String, String> t : host.transfers(f.get("MOF_DIV_CODE"), f.get("FISCAL_YEAR"), codes)) {
                    xml.append("<h:TRANSFER>");
                    t.forEach((k, v) -> xml.append(el(k, v)));
                    xml.append("</h:TRANSFER>");
                }
                return new StreamSource(new StringReader(xml.append("</h:GetTransferAllocationsResponse>")
                        .toString()));
            }
            if (op.equals("ApplyTransferChanges")) {
                return applied(root, op, host::applyTransferChanges);
            }
            if (op.equals("GetProjects")) {
                host.calls.incrementAndGet();
                return projects(root);
            }
            Mode mode = host.modeForThisCall();
            if (mode == Mode.FAILING) {
                throw new WebServiceException("ledger service restarting");
            }
            if (mode == Mode.MALFORMED) {
                return new StreamSource(new StringReader("<h:GetLedgerLinesResponse xmlns:h=\"" + NS
                        + "\"><h:LINE><h:PRO_CODE>X</h:PRO_CODE><h:BUDGET_AMT>一百万</h:BUDGET_AMT></h:LINE>"
                        + "</h:GetLedgerLinesResponse>"));
            }
            Map<String, String> f = children(root);
            int[] next = new int[1];
            List<Line> page = host.page(f.get("MOF_DIV_CODE"), f.get("AFTER"), Integer.parseInt(f.get("LIMIT")), next);
            StringWriter xml = new StringWriter().append("<h:GetLedgerLinesResponse xmlns:h=\"" + NS + "\">");
            for (Line l : page) {
                xml.append("<h:LINE>").append(el("PRO_CODE", l.proCode())).append(el("BGT_ID", l.bgtId()))
                        .append(el("AGENCY_CODE", l.agencyCode())).append(el("EXP_KIND", l.kind()))
                        .append(el("BUDGET_AMT", l.budgeted())).append(el("PAID_AMT", l.paid())).append("</h:LINE>");
            }
            if (next[0] >= 0) {
                xml.append(el("NEXT", String.valueOf(next[0])));
            }
            xml.append(el("TOTAL", String.valueOf(host.ledgers.getOrDefault(f.get("MOF_DIV_CODE"), List.of()).size())));
            return new StreamSource(new StringReader(xml.append("</h:GetLedgerLinesResponse>").toString()));
        }

        private Source projects(Element root) {
            List<String> codes = new ArrayList<>();
            NodeList nodes = root.getElementsByTagNameNS("*", "PRO_CODE");
            for (int i = 0; i < nodes.getLength(); i++) {
                codes.add(nodes.item(i).getTextContent());
            }
            StringWriter xml = new StringWriter().append("<h:GetProjectsResponse xmlns:h=\"" + NS + "\">");
            for (String code : codes) {
                Project p = host.projects.get(code);
                if (p != null) {
                    xml.append("<h:PROJECT>").append(el("PRO_CODE", p.proCode())).append(el("PRO_NAME", p.name()))
                            .append(el("AGENCY_CODE", p.agencyCode())).append(el("DEPT_CODE", p.deptCode()))
                            .append(el("INVESTMENT", String.valueOf(p.investment())));
                    if (p.estimate() != null) {
                        xml.append(el("ESTIMATE_AMT", p.estimate())).append(el("INVESTED_AMT", p.invested()));
                    }
                    xml.append("</h:PROJECT>");
                }
            }
            return new StreamSource(new StringReader(xml.append("</h:GetProjectsResponse>").toString()));
        }

        /** A SOAP write-back: the request's CHANGE elements applied, one RESULT each, a fault when the host fails. */
        private static Source applied(Element root, String op, Changes host) {
            Map<String, String> f = children(root);
            List<Map<String, String>> changes = new ArrayList<>();
            NodeList nodes = root.getElementsByTagNameNS("*", "CHANGE");
            for (int i = 0; i < nodes.getLength(); i++) {
                changes.add(children((Element) nodes.item(i)));
            }
            Map<String, String> outcomes = host.apply(f.get("MOF_DIV_CODE"), f.get("FISCAL_YEAR"), changes);
            if (outcomes == null) {
                throw new WebServiceException("connection to the budget database lost");
            }
            StringWriter xml = new StringWriter().append("<h:" + op + "Response xmlns:h=\"" + NS + "\">");
            outcomes.forEach((id, outcome) -> xml.append("<h:RESULT>").append(el("CHANGE_ID", id))
                    .append(el("OUTCOME", outcome)).append("</h:RESULT>"));
            return new StreamSource(new StringReader(xml.append("</h:" + op + "Response>").toString()));
        }

        private static Map<String, String> children(Element root) {
            Map<String, String> f = new HashMap<>();
            for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    f.put(e.getLocalName(), e.getTextContent());
                }
            }
            return f;
        }

        private static String el(String name, String value) {
            return "<h:" + name + ">" + value + "</h:" + name + ">";
        }
    }

    static Line line(String proCode, String bgtId, String kind, String budgeted, String paid) {
        return new Line(proCode, bgtId, "101001", kind, new BigDecimal(budgeted).toPlainString(),
                new BigDecimal(paid).toPlainString());
    }
}
