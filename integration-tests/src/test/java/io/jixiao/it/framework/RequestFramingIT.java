package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP server checks before CXF reads a request: a declared body over the cap is refused with 413 before any
 * {@code 100 Continue} (so a client that waits for the 100 never sends the body), and a charset the server does not
 * know is a 400 naming {@code Content-Type}, a chunked body whose framing breaks a 400 (not the empty 200 CXF left) —
 * on REST as a problem document, on SOAP as a client fault with the {@code JixiaoFault} detail — and none writes
 * anything.
 */
class RequestFramingIT {
    private static final String CHECK = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"FR-1\","
            + "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"P-FRAME\",\"BGT_ID\":\"B-1\",\"PAY_APP_AMT\":10.00,"
            + "\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller1\"}";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void aBodyOverTheCapIs413BeforeAnyContinueOnBothAdapters() throws Exception {
        for (String path : new String[] {"/jixiao/api/v1/payment-guard/checks", "/jixiao/soap/payment-guard"}) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 18181), 5_000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Authorization: " + Jixiao.basic("pay-module") + "\r\nExpect: 100-continue\r\n"
                        + "Content-Length: 50000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // nothing of the body is sent: a client waiting for 100 Continue gets the refusal instead
                String answer = readAnswer(s.getInputStream());
                assertThat(answer).as(path).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
                assertThat(answer).as(path).contains(path.contains("/api/") ? "HTTP_413" : "TOO_LARGE");
            }
        }
    }

    @Test
    void anUnknownCharsetIs400NamingContentTypeOnBothAdapters() throws Exception {
        HttpResponse<String> rest = Jixiao.post(Jixiao.REST + "/payment-guard/checks",
                "application/json; charset=x-bogus", CHECK, "Authorization", Jixiao.basic("pay-module"));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
        assertThat(rest.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(rest.body()).contains("\"code\":\"INVALID_INPUT\"", "\"field\":\"Content-Type\"",
                "\"rule\":\"charset\"");

        HttpResponse<String> soap = Jixiao.post(Jixiao.SOAP, "text/xml; charset=x-bogus", "<x/>");
        assertThat(soap.statusCode()).as(soap.body()).isEqualTo(400);
        assertThat(soap.body()).contains("<faultcode>soap:Client</faultcode>",
                "<JixiaoFault xmlns=\"http://jixiao.io/ws/common/v1\"><CODE>INVALID_INPUT</CODE>",
                "<FIELD>Content-Type</FIELD><RULE>charset</RULE>");

        // a known charset in any spelling is read as before
        HttpResponse<String> quoted = Jixiao.post(Jixiao.REST + "/payment-guard/checks",
                "application/json; charset=\"UTF-8\"", CHECK, "Authorization", Jixiao.basic("pay-module"));
        assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(200);
    }

    @Test
    void aBrokenChunkIs400NotAnEmpty200OnBothAdapters() throws Exception {
        String[][] cases = {
            {"/jixiao/api/v1/payment-guard/checks", "application/json", CHECK, "\"rule\":\"chunked\""},
            {"/jixiao/soap/payment-guard", "text/xml; charset=utf-8", "<x/>", "<RULE>chunked</RULE>"}};
        for (String[] c : cases) {
            byte[] body = c[2].getBytes(StandardCharsets.UTF_8);
            for (String framing : new String[] {"zz\r\n" + c[2] + "\r\n0\r\n\r\n",
                    Integer.toHexString(body.length) + "\r\n" + c[2] + "\r\nzz\r\n"}) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", 18181), 5_000);
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST " + c[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + c[1] + "\r\n"
                            + "Authorization: " + Jixiao.basic("pay-module") + "\r\nTransfer-Encoding: chunked\r\n"
                            + "\r\n" + framing).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    String answer = readAnswer(s.getInputStream());
                    assertThat(answer).as(c[0] + " " + framing).startsWith("HTTP/1.1 400").contains(c[3]);
                }
            }
        }
    }

    /** Reads the status line and headers, and the body as far as it arrives before the server closes or pauses. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && (text.contains("}") || text.contains("</soap:Envelope>"))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException ended) {
            // what arrived is the answer
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
