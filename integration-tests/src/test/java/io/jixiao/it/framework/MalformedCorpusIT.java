package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.HoldService;
import io.jixiao.it.framework.Endpoints.Endpoint;
import io.jixiao.store.DecisionRepository;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A generated corpus of more than 1,000 malformed requests against every registered endpoint, each broken so
 * that no validation may accept it: no server error, no acceptance, no state change (the region's audit chain,
 * the corpus application's decisions and the corpus project's holds stay as they were).
 */
@ExtendWith(ServiceExtension.class)
class MalformedCorpusIT {
    private static final int PER_ENDPOINT = 135;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values no field accepts: control characters, and a length beyond every field's limit. */
    /** Values no field accepts: control characters, and a text longer than any field's limit. */
    private static final String[] BREAKERS = {"\u0001\u0002", "9".repeat(5000)};

    @InjectService(timeout = 60_000)
    HoldService holds;

    @InjectService(timeout = 60_000)
    DecisionRepository decisions;

    @InjectService(timeout = 60_000)
    AuditService audit;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void malformedRequestsAreRefusedWithoutServerErrorsOrStateChanges() throws Exception {
        UnchangedState state = UnchangedState.capture(holds, audit);
        Random random = new Random(20261123L);
        int sent = 0;
        List<String> failures = new ArrayList<>();

        for (Endpoint endpoint : Endpoints.all()) {
            if (endpoint.account() == null) {
                continue; // the public OpenAPI document takes no input
            }
            int count = endpoint.hasBody() ? PER_ENDPOINT : 25;
            for (int i = 0; i < count; i++) {
                boolean restUpload = endpoint.fileBody() && endpoint.adapter().equals("rest");
                String body = restUpload ? endpoint.validBody()
                        : endpoint.hasBody() ? Endpoints.resolve(mutate(endpoint, random), state) : null;
                String path;
                if (restUpload) {
                    // an upload: any bytes may be a file (the import judges it); its query is what is malformed
                    path = endpoint.contractPath() + "?" + badQuery(endpoint, random);
                } else if (endpoint.hasBody()) {
                    path = Endpoints.resolve(endpoint.path(), state);
                } else if (endpoint.path().contains("{")) {
                    // a GET of an object: a malformed id in its first placeholder
                    path = Endpoints.resolve(endpoint.path().replaceFirst("\\{\\w+}", badId(random)), state);
                } else {
                    path = endpoint.contractPath() + "?" + badQuery(endpoint, random);
                }
                HttpResponse<String> response;
                try {
                    response = Endpoints.call(endpoint, endpoint.account(), path, body);
                } catch (java.io.IOException stale) {
                    // the client may have sent on a kept-alive connection the server had just closed: once more,
                    // on a fresh one; no answer then is a finding
                    try {
                        response = Endpoints.call(endpoint, endpoint.account(), path, body);
                    } catch (java.io.IOException closed) {
                        failures.add(endpoint + " #" + i + ": no answer (" + closed.getMessage() + ")\n  request: "
                                + abbreviate(body));
                        continue;
                    }
                }
                sent++;
                String problem = judge(endpoint, response);
                if (problem != null) {
                    failures.add(endpoint + " #" + i + ": " + problem + "\n  request: " + abbreviate(body)
                            + "\n  answer: " + abbreviate(response.body()));
                }
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(1000);
        assertThat(failures).isEmpty();
        state.assertUnchanged(holds, decisions, audit);
    }

    /** A reason to fail the answer, or null when it is a proper refusal. */
    private static String judge(Endpoint endpoint, HttpResponse<String> response) throws Exception {
        if (endpoint.adapter().equals("rest")) {
            int status = response.statusCode();
            return status >= 500 ? "server error " + status : status < 400 ? "accepted " + status
                    : Contract.undeclared(endpoint, status);
        }
        if (response.statusCode() == 200) {
            return "accepted";
        }
        return response.body().contains("<faultcode>soap:Server</faultcode>") ? "server fault" : null;
    }

    private static String mutate(Endpoint endpoint, Random random) throws Exception {
        String valid = endpoint.validBody();
        int kind = random.nextInt(8);
        if (kind == 0) {
            return valid.substring(0, 1 + random.nextInt(valid.length() - 2)); // truncated
        }
        if (kind == 1) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            return new String(garbage, StandardCharsets.ISO_8859_1);
        }
        return endpoint.adapter().equals("rest") ? mutateJson(valid, kind, random) : mutateXml(valid, kind, random);
    }

    private static String mutateJson(String valid, int kind, Random random) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(valid);
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        switch (kind) {
            case 2 -> node.remove(field);
            case 3 -> node.putNull(field);
            case 4 -> node.putObject(field).put("x", 1);
            case 5 -> node.put("UNEXPECTED_" + random.nextInt(1000), "x");
            case 6 -> node.putArray(field).add(1);
            default -> node.put(field, BREAKERS[random.nextInt(BREAKERS.length)]);
        }
        return JSON.writeValueAsString(node);
    }

    private static String mutateXml(String valid, int kind, Random random) {
        Matcher m = Pattern.compile("<pg:(\\w+)>([^<]*)</pg:\\1>").matcher(valid);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("FILE")) { // any bytes may be a file: the import judges it (LibraryIT)
                spans.add(new int[] {m.start(), m.end(), m.start(2), m.end(2)});
            }
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return switch (kind) {
            case 2, 3 -> valid.substring(0, span[0]) + valid.substring(span[1]); // element removed
            // longer than any text element allows, the goal overview's 4,000 characters included
            case 4 -> valid.substring(0, span[2]) + "9".repeat(5000) + valid.substring(span[3]);
            case 5 -> valid.substring(0, span[1]) + "<pg:UNEXPECTED>1</pg:UNEXPECTED>" + valid.substring(span[1]);
            case 6 -> "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + valid.replace("corpus", "&e;");
            default -> valid.substring(0, span[2]) + "\u0001" + valid.substring(span[3]);
        };
    }

    private static String badId(Random random) {
        String[] ids = {"abc", "-1", "0", "99999999999999999999", "1.5", "%00", "1%20OR%201=1"};
        return ids[random.nextInt(ids.length)];
    }

    /**
     * A query derived from the endpoint's valid one that no endpoint may accept: nothing, the first (required)
     * parameter missing, one value that is no valid code, number or time, an unknown or a repeated parameter.
     */
    private static String badQuery(Endpoint endpoint, Random random) {
        String valid = endpoint.path().substring(endpoint.path().indexOf('?') + 1);
        List<String> params = List.of(valid.split("&"));
        String[] values = {"%00", "x".repeat(300), "a%20b%27--", "-1x%3C", "%E4%BD", ""};
        return switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> String.join("&", params.subList(1, params.size()));
            case 2 -> {
                int at = random.nextInt(params.size());
                List<String> broken = new ArrayList<>(params);
                String name = broken.get(at).substring(0, broken.get(at).indexOf('='));
                broken.set(at, name + "=" + values[random.nextInt(values.length)]);
                yield String.join("&", broken);
            }
            case 3 -> valid + "&NO_SUCH_PARAMETER=1";
            default -> valid + "&" + params.get(0);
        };
    }

    private static String abbreviate(String s) {
        return s == null ? "-" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
