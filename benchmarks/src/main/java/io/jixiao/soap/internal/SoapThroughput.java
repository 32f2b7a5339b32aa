package io.jixiao.soap.internal;

import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.hook.PaymentDecision.ReasonCode;
import io.jixiao.benchmarks.GuardFixture;
import io.jixiao.benchmarks.LoopbackLoad;
import io.jixiao.benchmarks.LoopbackLoad.Variant;
import io.jixiao.security.internal.BenchmarkAuthenticator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

/**
 * End-to-end payment-check throughput of the SOAP adapter on loopback, with authentication on (a WS-Security
 * UsernameToken per call: fresh nonce and Created, password from the verified-credential cache, replay window),
 * against a bare CXF JAX-WS echo endpoint receiving the same envelopes, in one run. The adapter variant is the
 * production endpoint as {@link SoapPublisher} publishes it (WSDL, schema validation, document limits, typed faults)
 * over the production guard on H2 with the PASS journal.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.jixiao.soap.internal.SoapThroughput [threads] [seconds] [rounds]</pre>
 */
public final class SoapThroughput {
    private static final int PORT = 18582;
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private SoapThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        GuardFixture fixture = new GuardFixture("soap-bench");
        SoapConfiguration config = GuardFixture.defaults(SoapConfiguration.class);
        RequestIds requestIds = RequestIds.of(fixture.store.keys(), config);
        String address = "http://127.0.0.1:" + PORT + "/soap/payment-guard";
        // the same adapter without schema validation of requests, over a guard whose PASS records are discarded, and
        // over a guard that answers PASS at once (the typed stack and the endpoint before any decision): what each costs
        SoapConfiguration unvalidated = (SoapConfiguration) java.lang.reflect.Proxy.newProxyInstance(
                SoapConfiguration.class.getClassLoader(), new Class<?>[] {SoapConfiguration.class},
                (proxy, method, a) -> method.getName().equals("schemaValidation") ? "NONE"
                        : method.invoke(config, a));
        PaymentGuard passing = (application, actor) -> PaymentDecision.pass(ReasonCode.NO_ACTIVE_HOLD);
        List<Server> servers = List.of(
                publish(config, fixture.guard, fixture, requestIds, address),
                publish(unvalidated, fixture.guard, fixture, requestIds, address + "-unvalidated"),
                publish(config, fixture.discardingPasses, fixture, requestIds, address + "-discarding"),
                publish(config, passing, fixture, requestIds, address + "-binding"),
                publish(unvalidated, passing, fixture, requestIds, address + "-binding-unvalidated"));
        JaxWsServerFactoryBean echoFactory = new JaxWsServerFactoryBean();
        echoFactory.setServiceBean(new SoapEcho());
        echoFactory.setAddress("http://127.0.0.1:" + PORT + "/soap/echo");
        echoFactory.getInInterceptors().add(new SoapEcho.IgnoresSecurityHeader());
        Server echo = echoFactory.create();

        new LoopbackLoad(threads, seconds, rounds).measure("SOAP CheckPayment", List.of(
                new Variant("bare CXF JAX-WS echo (baseline)", checks("/soap/echo")),
                new Variant("guard answering PASS, validated, UsernameToken", checks("/soap/payment-guard-binding")),
                new Variant("guard answering PASS, UsernameToken", checks("/soap/payment-guard-binding-unvalidated")),
                new Variant("UsernameToken (cached verification)", checks("/soap/payment-guard")),
                new Variant("UsernameToken, schema validation off", checks("/soap/payment-guard-unvalidated")),
                new Variant("UsernameToken, PASS records discarded", checks("/soap/payment-guard-discarding"))));
        servers.forEach(Server::destroy);
        echo.destroy();
        fixture.journal.close();
        System.exit(0);
    }

    /** The production payment-guard endpoint as {@link SoapPublisher} publishes it, over the given guard. */
    private static Server publish(SoapConfiguration config, PaymentGuard guard, GuardFixture fixture,
            RequestIds requestIds, String address) throws Exception {
        return SoapPublisher.publish(config, new BenchmarkAuthenticator(), account -> Duration.ZERO,
                io.jixiao.benchmarks.GuardFixture.ADMIT_ALL, fixture.store.keys(), new PaymentGuardEndpoint(guard, fixture.holds, null,
                        requestIds), PaymentGuardEndpoint.WSDL, address,
                new QName(SoapEcho.NS, "PaymentGuardService"), new QName(SoapEcho.NS, "PaymentGuardPort"),
                io.jixiao.soap.internal.generated.JixiaoFaultMessage.class);
    }

    private static LoopbackLoad.Requests checks(String path) {
        URI uri = URI.create("http://127.0.0.1:" + PORT + path);
        Base64.Encoder base64 = Base64.getEncoder();
        return (thread, seq) -> {
            int project = (int) (seq % 10_000);
            String nonce = base64.encodeToString((thread + "-" + seq + "-" + System.nanoTime())
                    .getBytes(StandardCharsets.UTF_8));
            String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                    + "xmlns:pg=\"" + SoapEcho.NS + "\"><soapenv:Header><wsse:Security soapenv:mustUnderstand=\"1\" "
                    + "xmlns:wsse=\"" + WSSE + "\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-"
                    + "wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>"
                    + BenchmarkAuthenticator.ACCOUNT + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open."
                    + "org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">"
                    + BenchmarkAuthenticator.PASSWORD + "</wsse:Password><wsse:Nonce>" + nonce + "</wsse:Nonce>"
                    + "<wsu:Created>" + Instant.now() + "</wsu:Created></wsse:UsernameToken></wsse:Security>"
                    + "</soapenv:Header><soapenv:Body><pg:CheckPaymentRequest><pg:MOF_DIV_CODE>440100000"
                    + "</pg:MOF_DIV_CODE><pg:FISCAL_YEAR>2026</pg:FISCAL_YEAR><pg:PAY_APP_NO>T" + thread + "-" + seq
                    + "</pg:PAY_APP_NO><pg:AGENCY_CODE>101001</pg:AGENCY_CODE><pg:PRO_CODE>P" + project
                    + "</pg:PRO_CODE><pg:BGT_ID>B" + project + "</pg:BGT_ID><pg:PAY_APP_AMT>1000.00</pg:PAY_APP_AMT>"
                    + "<pg:EXP_KIND>PROJECT</pg:EXP_KIND><pg:OPERATOR>teller</pg:OPERATOR></pg:CheckPaymentRequest>"
                    + "</soapenv:Body></soapenv:Envelope>";
            return HttpRequest.newBuilder(uri).header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + SoapEcho.NS + "/CheckPayment\"")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        };
    }
}
