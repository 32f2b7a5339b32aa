package io.jixiao.soap.internal;

import io.jixiao.runtime.RequestFraming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.Preprocessor;

/**
 * The SOAP services' request framing before CXF reads anything: a declared body longer than the largest document
 * they take ({@code maxDocumentCharacters}, at most 4 bytes each in UTF-8) is a 413 answered before any
 * {@code 100 Continue}, an unknown charset a 400, both as a {@code soap:Client} fault with the {@code JixiaoFault}
 * detail.
 */
@Component(service = {Preprocessor.class, ConfigurationListener.class}, configurationPid = SoapPublisher.PID)
public final class SoapFraming extends RequestFraming {
    private final long maxBytes;

    @Activate
    public SoapFraming(SoapConfiguration config, @Reference ConfigurationAdmin admin) {
        super(admin, DEFAULT_CXF_CONTEXT, List.of(config.address(), config.goals_address(), config.library_address(),
                config.monitoring_address(), config.evaluation_address()));
        this.maxBytes = 4 * config.maxDocumentCharacters();
    }

    @Override
    protected long maxBytes(String path) {
        return maxBytes;
    }

    @Override
    protected void refuse(HttpServletResponse response, int status, String code, String field, String rule,
            String message) throws IOException {
        String c = FaultContract.COMMON_NAMESPACE;
        code = status == 413 ? "TOO_LARGE" : code;
        byte[] body = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Client</faultcode><faultstring>" + escape(code + ": " + message) + "</faultstring>"
                + "<detail><JixiaoFault xmlns=\"" + c + "\"><CODE>" + code + "</CODE><MESSAGE>" + escape(message)
                + "</MESSAGE><VIOLATION><FIELD>" + escape(field) + "</FIELD><RULE>" + escape(rule) + "</RULE><MESSAGE>"
                + escape(message) + "</MESSAGE></VIOLATION></JixiaoFault></detail></soap:Fault></soap:Body>"
                + "</soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/xml; charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
