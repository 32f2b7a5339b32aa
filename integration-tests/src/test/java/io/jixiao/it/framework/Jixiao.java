package io.jixiao.it.framework;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The framework under test: configures it once as config/ does in the distribution (with its own H2 database
 * and port) and talks to it over loopback HTTP.
 */
final class Jixiao {
    static final String BASE = "http://127.0.0.1:18181/jixiao";
    static final String REST = BASE + "/api/v1";
    static final String SOAP = BASE + "/soap/payment-guard";
    static final String NS = "http://jixiao.io/ws/payment-guard/v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean started;
    private static String jdbcUrl;

    private Jixiao() {
    }

    static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        BundleContext context = FrameworkUtil.getBundle(Jixiao.class).getBundleContext();
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin cm = context.getService(ref);
        Path data = Files.createTempDirectory("jixiao-it");
        configure(cm, "org.apache.cxf.osgi", "org.apache.cxf.servlet.context", "/jixiao",
                "org.apache.cxf.servlet.service-list-path", "/soap");
        jdbcUrl = "jdbc:h2:" + data.resolve("jixiao") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
        configure(cm, "io.jixiao.store", "url", jdbcUrl, "user", "sa");
        configure(cm, "io.jixiao.monitoring.guard", "journal.flushIntervalMillis", "50");
        awaitOk(SOAP + "?wsdl");
        awaitOk(REST + "/openapi.json");
        started = true;
    }

    /** The H2 database the framework under test uses. */
    static String jdbcUrl() {
        return jdbcUrl;
    }

    static void configure(ConfigurationAdmin cm, String pid, String... keyValues) throws IOException {
        Configuration c = cm.getConfiguration(pid, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        c.update(props);
    }

    static void awaitOk(String url) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(url + " did not answer 200 within 60 s");
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(REST + path, "application/json", json);
    }

    static HttpResponse<String> post(String url, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> soap(String operation, String bodyXml) throws IOException, InterruptedException {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:pg=\""
                + NS + "\"><soapenv:Body>" + bodyXml + "</soapenv:Body></soapenv:Envelope>";
        return HTTP.send(HttpRequest.newBuilder(URI.create(SOAP)).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + NS + "/" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Builds {@code <pg:NAME>value</pg:NAME>} elements from name/value pairs, skipping null values. */
    static String elements(String... nameValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                sb.append("<pg:").append(nameValues[i]).append('>').append(nameValues[i + 1]).append("</pg:")
                        .append(nameValues[i]).append('>');
            }
        }
        return sb.toString();
    }

    static String checkJson(String payAppNo, String proCode, String bgtId, String amount, String kind) {
        return "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"" + payAppNo + "\","
                + "\"AGENCY_CODE\":\"101001\"," + (proCode == null ? "" : "\"PRO_CODE\":\"" + proCode + "\",")
                + "\"BGT_ID\":\"" + bgtId + "\",\"PAY_APP_AMT\":" + amount + ",\"EXP_KIND\":\"" + kind + "\","
                + "\"CALLER_SYSTEM\":\"PAY-MODULE\",\"OPERATOR\":\"zhang.san\"}";
    }

    static String checkSoap(String payAppNo, String proCode, String bgtId, String amount, String kind) {
        return "<pg:CheckPaymentRequest>" + elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026",
                "PAY_APP_NO", payAppNo, "AGENCY_CODE", "101001", "PRO_CODE", proCode, "BGT_ID", bgtId,
                "PAY_APP_AMT", amount, "EXP_KIND", kind, "CALLER_SYSTEM", "PAY-MODULE", "OPERATOR", "zhang.san")
                + "</pg:CheckPaymentRequest>";
    }
}
