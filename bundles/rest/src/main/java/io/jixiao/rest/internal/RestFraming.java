package io.jixiao.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.Violation;
import io.jixiao.runtime.RequestFraming;
import java.io.IOException;
import java.util.List;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.Preprocessor;

/**
 * The REST API's request framing before CXF reads anything: a declared body over {@code maxRequestBytes} (spreadsheet
 * uploads: {@code maxUploadBytes}) is a 413 answered before any {@code 100 Continue}, an unknown charset a 400, both
 * as problem documents. {@link RequestSizeLimit} still counts bodies sent without a length.
 */
@Component(service = {Preprocessor.class, ConfigurationListener.class}, configurationPid = RestPublisher.PID)
public final class RestFraming extends RequestFraming {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long maxBytes;
    private final long maxUploadBytes;

    @Activate
    public RestFraming(RestConfiguration config, @Reference ConfigurationAdmin admin) {
        super(admin, DEFAULT_CXF_CONTEXT, List.of(config.address()));
        this.maxBytes = config.maxRequestBytes();
        this.maxUploadBytes = config.maxUploadBytes();
    }

    @Override
    protected long maxBytes(String path) {
        return RequestSizeLimit.cap(path, maxBytes, maxUploadBytes);
    }

    @Override
    protected void refuse(HttpServletResponse response, int status, String code, String field, String rule,
            String message) throws IOException {
        Problem problem = status == 413
                ? Problem.of(413, code, "Payload Too Large", message, null)
                : Problem.of(status, code, "Invalid input", message, List.of(new Violation(field, rule, message)));
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
