package io.jixiao.runtime.internal;

import io.jixiao.runtime.PublishedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the URLs once every required endpoint is registered and answers over HTTP, so that "ready" in the
 * log means a client can call it.
 */
@Component(configurationPid = ReadinessAnnouncer.PID, immediate = true, service = {})
@Designate(ocd = ReadinessConfiguration.class)
public final class ReadinessAnnouncer {
    static final String PID = "io.jixiao.runtime.readiness";
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessAnnouncer.class);

    /** Each published endpoint and its name; several may share a name (two SOAP services). */
    private final Map<PublishedEndpoint, String> endpoints = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "jixiao-readiness"));
    private final ReadinessConfiguration config;
    private final String baseUrl;
    private volatile boolean announced;

    @Activate
    public ReadinessAnnouncer(ReadinessConfiguration config,
            @Reference(name = "http", service = HttpServiceRuntime.class) ServiceReference<?> httpRuntime) {
        this.config = config;
        this.baseUrl = baseUrl(httpRuntime.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT))
                + trimSlash(config.servletContext());
        // an endpoint that never registers (its adapter could not start) is a node that is not ready: say so once
        prober.schedule(this::reportMissing, config.probeTimeoutMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void reportMissing() {
        List<String> missing = Arrays.stream(config.required()).filter(n -> !endpoints.containsValue(n)).toList();
        if (!announced && !missing.isEmpty()) {
            LOG.warn("Jixiao is not ready: after {} ms no endpoint {} is published (its adapter logged why)",
                    config.probeTimeoutMillis(), missing);
        }
    }

    @Reference(name = "endpoint", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(PublishedEndpoint endpoint, Map<String, Object> props) {
        endpoints.put(endpoint, String.valueOf(props.get(PublishedEndpoint.NAME)));
        prober.execute(this::announceWhenReady);
    }

    void removeEndpoint(PublishedEndpoint endpoint, Map<String, Object> props) {
        endpoints.remove(endpoint);
        announced = false;
    }

    @Deactivate
    void deactivate() {
        prober.shutdownNow();
    }

    private void announceWhenReady() {
        if (announced || !endpoints.values().containsAll(Arrays.asList(config.required()))) {
            return;
        }
        long deadline = System.currentTimeMillis() + config.probeTimeoutMillis();
        List<String> lines = new ArrayList<>();
        for (String name : config.required()) {
            List<PublishedEndpoint> named = endpoints.entrySet().stream().filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey).sorted(java.util.Comparator.comparing(PublishedEndpoint::path)).toList();
            for (PublishedEndpoint endpoint : named) {
                for (PublishedEndpoint.Probe probe : endpoint.probes()) {
                    String answered = probe(probe, deadline);
                    if (answered != null) {
                        LOG.error("Jixiao is not ready: endpoint '{}' at {}{}: {} {} ({}) answered {}, where the "
                                + "contract says {} with \"{}\"", name, baseUrl, endpoint.path(), probe.method(),
                                probe.path(), probe.description(), answered, probe.status(), probe.fragment());
                        return;
                    }
                }
                lines.add(String.format("  %-5s %s%s", name, baseUrl, endpoint.path()));
                endpoint.announcedPaths().forEach(p -> lines.add(String.format("        %s%s", baseUrl, p)));
            }
        }
        announced = true;
        LOG.info("Jixiao is ready:\n{}", String.join("\n", lines));
    }

    /**
     * Sends a probe until it answers as documented or the deadline passes.
     *
     * @return {@code null} when it answered as documented, else what it last answered
     */
    private String probe(PublishedEndpoint.Probe probe, long deadline) {
        String last = "nothing";
        while (System.currentTimeMillis() < deadline && !Thread.currentThread().isInterrupted()) {
            try {
                Answer answer = send(baseUrl + probe.path(), probe);
                if (answer.status() == probe.status() && answer.body().contains(probe.fragment())) {
                    return null;
                }
                String body = answer.body().replaceAll("\\s+", " ");
                last = answer.status() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
            } catch (IOException e) {
                last = e.toString();
                LOG.debug("probe {} failed: {}", probe.path(), e.toString());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
        return last;
    }

    private record Answer(int status, String body) {
    }

    /**
     * One call of our own endpoint. Over HTTPS the probe does not judge the certificate: it calls this process
     * on the address the HTTP service itself reports, sends no credentials and reads the answer to its end (a probe
     * that hangs up on an answer still being written is a client gone).
     */
    private static Answer send(String url, PublishedEndpoint.Probe probe) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(5_000);
        connection.setRequestProperty(PublishedEndpoint.PROBE_HEADER, "readiness");
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(OWN_ENDPOINT_TLS.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        try {
            connection.setRequestMethod(probe.method());
            if (probe.body() != null) {
                byte[] body = probe.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", probe.contentType());
                connection.setFixedLengthStreamingMode(body.length);
                try (java.io.OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            try (java.io.InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                byte[] answer = in == null ? new byte[0] : in.readNBytes(1 << 20);
                if (in != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return new Answer(status, new String(answer, java.nio.charset.StandardCharsets.UTF_8));
            }
        } finally {
            connection.disconnect();
        }
    }

    private static final SSLContext OWN_ENDPOINT_TLS = ownEndpointTls();

    private static SSLContext ownEndpointTls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // not a server
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // our own endpoint, see status()
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseUrl(Object endpoint) {
        String first = endpoint instanceof String[] array && array.length > 0 ? array[0]
                : endpoint instanceof java.util.Collection<?> c && !c.isEmpty() ? String.valueOf(c.iterator().next())
                : String.valueOf(endpoint);
        return trimSlash(first);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
