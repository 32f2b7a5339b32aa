package io.jixiao.it.framework;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    static final String GOALS_SOAP = BASE + "/soap/goals";
    static final String GOALS_NS = "http://jixiao.io/ws/goals/v1";
    static final String LIBRARY_SOAP = BASE + "/soap/library";
    static final String LIBRARY_NS = "http://jixiao.io/ws/library/v1";
    static final String MONITORING_SOAP = BASE + "/soap/monitoring";
    static final String MONITORING_NS = "http://jixiao.io/ws/monitoring/v1";
    static final String EVALUATION_SOAP = BASE + "/soap/evaluation";
    static final String RECTIFICATION_SOAP = BASE + "/soap/rectification";
    static final String RECTIFICATION_NS = "http://jixiao.io/ws/rectification/v1";
    static final String EVALUATION_NS = "http://jixiao.io/ws/evaluation/v1";
    /** Password of every test account; its stored form below is what an operator puts in an account file. */
    static final String PASSWORD = "jixiao-test";
    private static final String PASSWORD_HASH = "pbkdf2-sha256$120000$/wdGysG4QnP73jM73PbGXw==$2k9pn3jEqe0YAd6uliRarEfUuiEj/XmjmRdeZPMg0OI=";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ISSUER = "https://idp.it.example";
    private static boolean started;
    private static RSAKey tokenKey;
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
        jdbcUrl = "jdbc:h2:" + data.resolve("jixiao")
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        configure(cm, "io.jixiao.store", "url", jdbcUrl, "user", "sa");
        // the known project-expenditure projects are read every reconcile: every 2 s here, so tests see new goals;
        // a HOLD is committed before its answer however busy the machine (these proofs are about what is decided and
        // recorded: the answer budget has its own tests, GuardAnswerBudgetTest, and the fault tool)
        configure(cm, "io.jixiao.monitoring.guard", "journal.flushIntervalMillis", "50", "reconcileSeconds", "2",
                "answerBudgetMillis", "10000");
        tokenKey = new RSAKeyGenerator(2048).keyID("it-1").generate();
        Path jwks = data.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(tokenKey.toPublicJWK()).toString());
        configure(cm, "io.jixiao.security", "jwt.jwksFile", jwks.toString(), "jwt.issuer", ISSUER,
                "jwt.audience", "jixiao", "regions.parents", "440106001>440106000, 654300000>654000000, 140400000>140000000, "
                        // RectificationIT's district of Changzhi: its deadlines pass on a rehearsal clock there only
                        + "140402000>140400000, "
                        // lower governments: the corpus's evaluated county, and ComprehensiveEvaluationIT's
                        + "440199000>440100000, 450801000>450800000, 450802000>450800000, 450803000>450800000, "
                        + "450901000>450900000",
                // ConnectionsIT's slow clients come from 127.0.0.3, which may have 2 requests in progress
                "admission.addresses", "127.0.0.3=2",
                // every test calls from loopback: the per-address limit of failed logins would couple them
                "login.failuresPerAddress", "0",
                // the test accounts' 120,000-iteration hashes stay as they are (a re-hash costs 600,000 and
                // changes the account mid-test); PasswordRehashIT's own account is stored at 100,000
                "login.rehashBelowIterations", "110000");
        goalRules(cm, Path.of(context.getProperty("jixiao.it.config")));
        account(cm, "finance01", "FINANCE");
        account(cm, "pay-module", "HOST_SYSTEM");
        account(cm, "auditor01", "AUDITOR");
        account(cm, "unit01", "UNIT");
        account(cm, "evaluator01", "EVALUATOR");
        // another district's accounts, for the BOLA matrix: region 440106000 (and 440106001 under it)
        scopedAccount(cm, "finance02", "FINANCE", "");
        scopedAccount(cm, "host02", "HOST_SYSTEM", "606001");
        scopedAccount(cm, "auditor02", "AUDITOR", "");
        scopedAccount(cm, "unit02", "UNIT", "606001");
        scopedAccount(cm, "dept02", "DEPARTMENT", "606001");
        scopedAccount(cm, "evaluator02", "EVALUATOR", "");
        scopedAccount(cm, "public02", "PUBLIC", "");
        // a county's finance bureau, below city 450800000 (ComprehensiveEvaluationIT)
        scopedAccount(cm, "county01", "FINANCE", "450801000", "");
        // one account per role in region 440100000 itself and the library region 654300000 (the agency-limited ones for
        // the corpus agency 101001), for
        // the role matrix (RoleMatrixIT)
        scopedAccount(cm, "finance03", "FINANCE", "440100000, 654300000", "");
        scopedAccount(cm, "dept03", "DEPARTMENT", "440100000, 654300000", "101001");
        scopedAccount(cm, "unit03", "UNIT", "440100000, 654300000", "101001");
        scopedAccount(cm, "evaluator03", "EVALUATOR", "440100000, 654300000", "");
        scopedAccount(cm, "auditor03", "AUDITOR", "440100000, 654300000", "");
        scopedAccount(cm, "public03", "PUBLIC", "440100000, 654300000", "");
        scopedAccount(cm, "host03", "HOST_SYSTEM", "440100000, 654300000", "");
        // guessed at by FailedLoginIT (its own account: a throttled account stays throttled for the window)
        scopedAccount(cm, "guess01", "FINANCE", "440100000", "");
        scopedAccount(cm, "guess02", "FINANCE", "440100000", "");
        // an account file that names no regions: refused, not national
        scopedAccount(cm, "noscope01", "FINANCE", "", "");
        Configuration limited = cm.getFactoryConfiguration("io.jixiao.security.account", "burst01", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "burst01");
        props.put("passwordHash", PASSWORD_HASH);
        props.put("roles", "FINANCE");
        props.put("regions", "*");
        props.put("rateLimit.perSecond", "0.2");
        props.put("rateLimit.burst", "3");
        limited.update(props);
        awaitOk(SOAP + "?wsdl");
        awaitOk(REST + "/openapi.json");
        awaitConfigured();
        started = true;
    }

    /** The H2 database the framework under test uses. */
    static String jdbcUrl() {
        return jdbcUrl;
    }

    /** The goal rule presets shipped in config/, configured as File Install does in the distribution. */
    private static void goalRules(ConfigurationAdmin cm, Path config) throws IOException {
        try (var files = Files.newDirectoryStream(config, "io.jixiao.goals.rules-*.cfg")) {
            for (Path file : files) {
                java.util.Properties p = new java.util.Properties();
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                String name = file.getFileName().toString().replace("io.jixiao.goals.rules-", "").replace(".cfg", "");
                Hashtable<String, Object> props = new Hashtable<>();
                p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
                cm.getFactoryConfiguration("io.jixiao.goals.rules", name, "?").update(props);
            }
        }
    }

    private static void scopedAccount(ConfigurationAdmin cm, String name, String role, String agencies)
            throws IOException {
        scopedAccount(cm, name, role, "440106000", agencies);
    }

    private static void scopedAccount(ConfigurationAdmin cm, String name, String role, String region,
            String agencies) throws IOException {
        Configuration c = cm.getFactoryConfiguration("io.jixiao.security.account", name, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("passwordHash", PASSWORD_HASH);
        props.put("roles", role);
        props.put("regions", region);
        props.put("agencies", agencies);
        c.update(props);
    }

    private static void account(ConfigurationAdmin cm, String name, String role) throws IOException {
        Configuration c = cm.getFactoryConfiguration("io.jixiao.security.account", name, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("passwordHash", PASSWORD_HASH);
        props.put("roles", role);
        props.put("regions", "*");
        c.update(props);
    }

    /** A bearer token signed with the key the framework under test trusts. */
    static String bearer(String subject, String role, long expiresInSeconds) throws Exception {
        return bearer(tokenKey, subject, role, expiresInSeconds);
    }

    /** A bearer token of the trusted key with this {@code regions} claim ({@code null}: none). */
    static String bearer(String subject, String role, java.util.List<String> regions) throws Exception {
        return bearer(tokenKey, subject, role, regions, 300);
    }

    static String bearer(RSAKey key, String subject, String role, long expiresInSeconds) throws Exception {
        return bearer(key, subject, role, java.util.List.of("*"), expiresInSeconds);
    }

    /** @param regions the token's {@code regions} claim, or {@code null} for a token without one */
    static String bearer(RSAKey key, String subject, String role, java.util.List<String> regions,
            long expiresInSeconds) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience("jixiao")
                .issueTime(new java.util.Date())
                .expirationTime(new java.util.Date(System.currentTimeMillis() + expiresInSeconds * 1000))
                .claim("roles", java.util.List.of(role));
        JWTClaimsSet claims = (regions == null ? builder : builder.claim("regions", regions)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    /**
     * Waits until every payment decision answered before this call is written: the decision journal writes in the
     * order the decisions were made, so once a check answered after them is in the database, any of theirs would be
     * too. Lets a test assert that a refused request wrote nothing without guessing how long a flush takes.
     */
    static void journalBarrier(io.jixiao.store.DecisionRepository decisions) throws Exception {
        String app = "BARRIER-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> check = post(REST + "/payment-guard/checks", "application/json",
                "{\"MOF_DIV_CODE\":\"654300000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"" + app + "\","
                        + "\"AGENCY_CODE\":\"101001\",\"BGT_ID\":\"B-BARRIER\",\"PAY_APP_AMT\":1.00,"
                        + "\"EXP_KIND\":\"BASIC\",\"OPERATOR\":\"barrier\"}", "Authorization", basic("pay-module"));
        if (check.statusCode() != 200) {
            throw new AssertionError("the barrier's check was refused: " + check.body());
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (decisions.findByApplication(io.jixiao.api.model.MofDivCode.of("654300000"),
                io.jixiao.api.model.FiscalYear.of(2026), io.jixiao.api.model.PayAppNo.of(app)).isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the decision journal wrote nothing within 30 s");
            }
            Thread.sleep(20);
        }
    }

    /** HTTP Basic credentials of a test account. */
    static String basic(String account) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((account + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
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

    /**
     * Configuration reaches the components asynchronously, and a changed configuration restarts the adapters
     * (a brief 404). Ready means: a bearer token (the key set configured above) and a configured account are
     * accepted on both adapters, ten times in a row.
     */
    static void awaitConfigured() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        int inARow = 0;
        String last = "";
        while (inARow < 10) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the test configuration did not take effect within 20 s: " + last);
            }
            boolean ready;
            try {
                HttpResponse<String> rest = post(REST + "/audit/verifications", "application/json",
                        "{\"MOF_DIV_CODE\":\"440100000\"}", "Authorization", bearer("it-ready", "AUDITOR", 60));
                HttpResponse<String> soap = soapAs("finance01", PASSWORD, "GetHold",
                        "<pg:GetHoldRequest><pg:HOLD_ID>999999999</pg:HOLD_ID></pg:GetHoldRequest>");
                HttpResponse<String> rules = post(REST + "/goals/checks", "application/json", Goals.declaration(
                        "440100000", "READY-1", 8), "Authorization", basic("unit01"));
                HttpResponse<String> goals = soapAs("unit01", PASSWORD, GOALS_SOAP, "CheckGoal", Goals.soap(
                        "CheckGoalRequest", Goals.soapProject("440100000", "READY-1", "2000000.00", false),
                        Goals.soapGoal(8)));
                HttpResponse<String> library = soapAs("finance01", PASSWORD, LIBRARY_SOAP, "SearchLibrary",
                        "<pg:SearchLibraryRequest><pg:MOF_DIV_CODE>440100000</pg:MOF_DIV_CODE></pg:SearchLibraryRequest>");
                ready = rest.statusCode() == 200 && soap.body().contains("NOT_FOUND") && rules.statusCode() == 200
                        && rules.body().contains("440100000/2020") && goals.body().contains("440100000/2020")
                        && library.body().contains("<TOTAL>");
                last = rest.statusCode() + " " + rest.body() + " / " + soap.body() + " / " + goals.body();
            } catch (IOException e) {
                ready = false;
                last = e.toString();
            }
            inARow = ready ? inARow + 1 : 0;
            Thread.sleep(100);
        }
    }

    /** A service of the framework under test. */
    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Jixiao.class).getBundleContext();
        return context.getService(context.getServiceReference(type));
    }

    /** GET as finance01 (public documents ignore the credentials). */
    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic("finance01")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a binary answer with the given header. */
    static HttpResponse<byte[]> getBytes(String url, String header, String value)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET with the given headers (name, value, …) and nothing else. */
    static HttpResponse<String> get(String url, String header, String value) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts JSON as a test account. For brevity the test bodies say who sends them the way callers did before
     * authentication: {@code OPERATOR_ROLE} picks the account (FINANCE finance01, UNIT unit01, AUDITOR auditor01,
     * HOST_SYSTEM pay-module; none: pay-module), and this helper removes {@code OPERATOR_ROLE} and
     * {@code CALLER_SYSTEM}, and {@code OPERATOR} for people, who act as themselves.
     */
    static HttpResponse<String> postJson(String path, String json, String... headers)
            throws IOException, InterruptedException {
        String account = accountOf(json);
        String body = json.replaceAll(",?\\s*\"(CALLER_SYSTEM|OPERATOR_ROLE)\"\\s*:\\s*\"[^\"]*\"", "")
                .replace("{,", "{");
        if (!account.equals("pay-module")) {
            body = body.replaceAll(",?\\s*\"OPERATOR\"\\s*:\\s*\"[^\"]*\"", "").replace("{,", "{");
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = basic(account);
        return post(REST + path, "application/json", body, all);
    }

    static String accountOf(String request) {
        Matcher m = Pattern.compile("OPERATOR_ROLE\\W+([A-Z_]+)").matcher(request);
        String role = m.find() ? m.group(1) : "HOST_SYSTEM";
        return switch (role) {
            case "FINANCE" -> "finance01";
            case "UNIT" -> "unit01";
            case "AUDITOR" -> "auditor01";
            default -> "pay-module";
        };
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

    /** Posts a SOAP request as a test account, chosen and cleaned up as {@link #postJson} does. */
    static HttpResponse<String> soap(String operation, String bodyXml) throws IOException, InterruptedException {
        String account = accountOf(bodyXml);
        String body = bodyXml.replaceAll("<pg:(CALLER_SYSTEM|OPERATOR_ROLE)>[^<]*</pg:\\1>", "");
        if (!account.equals("pay-module")) {
            body = body.replaceAll("<pg:OPERATOR>[^<]*</pg:OPERATOR>", "");
        }
        return soapAs(account, PASSWORD, operation, body);
    }

    static HttpResponse<String> soapAs(String account, String password, String operation, String bodyXml)
            throws IOException, InterruptedException {
        return soapAs(account, password, SOAP, operation, bodyXml);
    }

    /** Calls an operation of the SOAP service at {@code service} ({@link #SOAP} or {@link #GOALS_SOAP}). */
    static HttpResponse<String> soapAs(String account, String password, String service, String operation,
            String bodyXml) throws IOException, InterruptedException {
        return soapWithHeader(service, usernameToken(account, password, java.util.UUID.randomUUID().toString(),
                java.time.Instant.now().toString()), operation, bodyXml);
    }

    static String usernameToken(String account, String password, String nonce, String created) {
        return "<wsse:Security soapenv:mustUnderstand=\"1\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-secext-1.0.xsd\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>" + account
                + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-"
                + "username-token-profile-1.0#PasswordText\">" + password + "</wsse:Password><wsse:Nonce>"
                + java.util.Base64.getEncoder().encodeToString(nonce.getBytes(StandardCharsets.UTF_8))
                + "</wsse:Nonce><wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    static HttpResponse<String> soapWithHeader(String header, String operation, String bodyXml)
            throws IOException, InterruptedException {
        return soapWithHeader(SOAP, header, operation, bodyXml);
    }

    /** Posts an envelope to a SOAP service; the prefix {@code pg:} is bound to that service's namespace. */
    static HttpResponse<String> soapWithHeader(String service, String header, String operation, String bodyXml)
            throws IOException, InterruptedException {
        String ns = service.equals(GOALS_SOAP) ? GOALS_NS : service.equals(LIBRARY_SOAP) ? LIBRARY_NS
                : service.equals(MONITORING_SOAP) ? MONITORING_NS : service.equals(EVALUATION_SOAP) ? EVALUATION_NS
                : service.equals(RECTIFICATION_SOAP) ? RECTIFICATION_NS : NS;
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:pg=\""
                + ns + "\"><soapenv:Header>" + header + "</soapenv:Header><soapenv:Body>" + bodyXml
                + "</soapenv:Body></soapenv:Envelope>";
        return HTTP.send(HttpRequest.newBuilder(URI.create(service)).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + ns + "/" + operation + "\"")
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
                + "\"OPERATOR\":\"zhang.san\"}";
    }

    static String checkSoap(String payAppNo, String proCode, String bgtId, String amount, String kind) {
        return "<pg:CheckPaymentRequest>" + elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026",
                "PAY_APP_NO", payAppNo, "AGENCY_CODE", "101001", "PRO_CODE", proCode, "BGT_ID", bgtId,
                "PAY_APP_AMT", amount, "EXP_KIND", kind, "OPERATOR", "zhang.san")
                + "</pg:CheckPaymentRequest>";
    }
}
