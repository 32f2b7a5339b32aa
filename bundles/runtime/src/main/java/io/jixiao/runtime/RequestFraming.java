package io.jixiao.runtime;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.http.whiteboard.Preprocessor;

/**
 * Checks the framing of a request to one of Jixiao's endpoints before the HTTP server hands it to CXF, as an HTTP
 * Whiteboard {@link Preprocessor} (and a {@link ConfigurationListener}, to follow the CXF servlet's context): a declared {@code Content-Length} over the endpoint's cap is refused with 413
 * before anything reads the body, so a client that sent {@code Expect: 100-continue} gets the 413 instead of
 * {@code 100 Continue} (CXF asks for the body's stream while it sets up the message, which is when the HTTP server
 * sends the 100); a {@code charset} this JVM does not know is refused with 400 (CXF would fail on it before any
 * interceptor, with a 500). Requests outside the endpoint's paths pass untouched: the HTTP server may be the host
 * platform's, serving its own applications.
 *
 * <p>An adapter extends this with its paths, its caps and the way its contract says "no".
 *
 * @since 1.2.0
 */
public abstract class RequestFraming implements Preprocessor, ConfigurationListener {
    /** The PID of CXF's servlet and its key for the context path (CXF's default is {@code /cxf}). */
    public static final String CXF_SERVLET_PID = "org.apache.cxf.osgi";
    private static final String CXF_CONTEXT_KEY = "org.apache.cxf.servlet.context";
    /** CXF's own default context, when its configuration names none. */
    public static final String DEFAULT_CXF_CONTEXT = "/cxf";

    private final List<String> addresses;
    private final ConfigurationAdmin admin;
    private volatile List<String> prefixes;

    /**
     * The CXF servlet's context is read from its configuration now and again whenever that changes (File Install may
     * deliver it after this component starts).
     *
     * @param admin where the CXF servlet's configuration is, or {@code null} to keep {@code servletContext}
     * @param servletContext the CXF servlet's context until its configuration says otherwise, e.g. {@code /jixiao}
     * @param addresses the endpoint's addresses below it, e.g. {@code /api/v1}
     */
    protected RequestFraming(ConfigurationAdmin admin, String servletContext, List<String> addresses) {
        this.admin = admin;
        this.addresses = List.copyOf(addresses);
        this.prefixes = prefixes(admin == null ? servletContext : cxfServletContext(admin, servletContext));
    }

    private List<String> prefixes(String servletContext) {
        String context = trimSlash(servletContext);
        return addresses.stream().map(a -> context + "/" + trimSlash(a).replaceFirst("^/", "")).toList();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (admin != null && CXF_SERVLET_PID.equals(event.getPid())) {
            prefixes = prefixes(cxfServletContext(admin, DEFAULT_CXF_CONTEXT));
        }
    }

    /** @return the CXF servlet's context as configured, or {@code otherwise} */
    private static String cxfServletContext(ConfigurationAdmin admin, String otherwise) {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + CXF_SERVLET_PID + ")");
            if (found != null) {
                Dictionary<String, Object> properties = found[0].getProperties();
                Object context = properties == null ? null : properties.get(CXF_CONTEXT_KEY);
                if (context != null && !context.toString().isBlank()) {
                    return context.toString().trim();
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            // fall through to the default
        }
        return otherwise;
    }

    /**
     * @param path the request's path below the endpoint's address prefix (e.g. {@code /library/imports})
     * @return the largest body the endpoint takes on that path, in bytes
     */
    protected abstract long maxBytes(String path);

    /**
     * Answers a refusal in the endpoint's own form (a problem document, a SOAP fault).
     *
     * @param response the response, not yet committed
     * @param status 400 or 413
     * @param code the refusal's code, e.g. {@code HTTP_413} or {@code INVALID_INPUT}
     * @param field what was wrong, e.g. {@code Content-Type}
     * @param rule the rule broken, e.g. {@code charset}
     * @param message the message for people
     */
    protected abstract void refuse(HttpServletResponse response, int status, String code, String field, String rule,
            String message) throws IOException;

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String below = below(request.getRequestURI());
        if (below == null) {
            chain.doFilter(req, res);
            return;
        }
        long declared = request.getContentLengthLong();
        long cap = maxBytes(below);
        if (declared > cap) {
            // the body is not read: the connection cannot be reused for the next request
            response.setHeader("Connection", "close");
            refuse(response, 413, "HTTP_413", "Content-Length", "max-bytes",
                    "request bodies are limited to " + cap + " bytes");
            return;
        }
        String charset = charset(request.getContentType());
        if (charset != null && !known(charset)) {
            response.setHeader("Connection", "close"); // the body is not read: the connection cannot carry another
            refuse(response, 400, "INVALID_INPUT", "Content-Type", "charset",
                    "the charset '" + printable(charset) + "' is not one this server reads (use UTF-8)");
            return;
        }
        if (request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(req, res);
            int status = response.getStatus();
            // not after a refusal for a body too slow (408) or a server too busy (503): those shed the client
            if (declared > 0 && status >= 400 && status != 408 && status != 503) {
                drain(request);
            }
            return;
        }
        // A chunked body is framed as it is read: a broken chunk (a size that is not hex, a missing CRLF) fails the
        // read inside CXF, which then answers nothing and the server would send an empty 200. Watch the reads, and
        // answer 400 instead.
        Framed framed = new Framed(request);
        chain.doFilter(framed, res);
        if (framed.broken != null && !response.isCommitted()) {
            response.reset();
            response.setHeader("Connection", "close");
            try {
                refuse(response, 400, "INVALID_INPUT", "Transfer-Encoding", "chunked",
                        "the request body could not be read to its end (its chunked framing is broken): "
                                + printable(framed.broken));
            } catch (IOException gone) {
                // the client hung up: nobody to tell
            }
        }
    }

    /**
     * Reads what is left of a refused request's body (no more than its declared length, which is within the cap):
     * a server that closes a connection with unread bytes in it makes the client's network stack discard the answer
     * it has not read yet, and the client sees a reset instead of the refusal.
     */
    private static void drain(HttpServletRequest request) {
        try {
            javax.servlet.ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // discarded
            }
        } catch (IOException | RuntimeException done) {
            // closed or cut off: nothing more to read
        }
    }

    /** A request whose body's reads are watched for a failure of the framing. */
    private static final class Framed extends javax.servlet.http.HttpServletRequestWrapper {
        private volatile String broken;
        private javax.servlet.ServletInputStream in;

        Framed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public javax.servlet.ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                javax.servlet.ServletInputStream body = super.getInputStream();
                in = new javax.servlet.ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        try {
                            return body.read();
                        } catch (IOException | RuntimeException e) {
                            throw failed(e);
                        }
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        try {
                            return body.read(b, off, len);
                        } catch (IOException | RuntimeException e) {
                            throw failed(e);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(javax.servlet.ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return in;
        }

        private IOException failed(Exception e) {
            // Jetty reports a broken chunk as an early end of the body; a client that hung up looks the same, and
            // then the answer below reaches nobody
            broken = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    /** @return the path below the matching address prefix ("" for the prefix itself), or null outside them */
    String below(String uri) {
        if (uri == null) {
            return null;
        }
        for (String prefix : prefixes) {
            if (uri.equals(prefix)) {
                return "";
            }
            if (uri.startsWith(prefix) && uri.charAt(prefix.length()) == '/') {
                return uri.substring(prefix.length());
            }
        }
        return null;
    }

    /** @return the {@code charset} parameter of a media type, unquoted, or null without one */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String value = parameter.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    static boolean known(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException illegal) {
            return false;
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static String trimSlash(String path) {
        String p = path.trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
