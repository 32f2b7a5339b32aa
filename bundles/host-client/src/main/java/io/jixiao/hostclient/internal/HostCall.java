package io.jixiao.hostclient.internal;

import io.jixiao.api.port.PortUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP call to the host with its timeouts and, because every port call is a read, retries with exponential
 * backoff on what may pass (no connection, a timeout, 429, 5xx). A 4xx other than 429 fails at once: asking again
 * would get the same answer. Answers larger than the limit are refused rather than read into memory.
 */
final class HostCall {
    private static final Logger LOG = LoggerFactory.getLogger(HostCall.class);

    private final HttpClient http;
    private final String port;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final String authorization;
    private final long maxBytes;

    /**
     * @param port the port's name in messages ({@code ledger}, {@code master-data})
     * @param connectTimeout how long to wait for a connection
     * @param timeout how long one request may take, answer included
     * @param attempts tries per call, at least 1
     * @param backoff the wait before the second try; it doubles for each further try
     * @param user HTTP Basic user, or empty for none
     * @param password HTTP Basic password
     * @param maxBytes the largest answer read
     */
    HostCall(String port, Duration connectTimeout, Duration timeout, int attempts, Duration backoff, String user,
            String password, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.port = port;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.authorization = user == null || user.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.maxBytes = maxBytes;
    }

    /**
     * Sends a request until it succeeds or the tries are spent.
     *
     * @param uri where
     * @param request the request without URI and timeout (a fresh one per try)
     * @return the answer's body
     * @throws PortUnavailableException when every try failed, or the host refused the request
     */
    byte[] send(URI uri, Supplier<HttpRequest.Builder> request) {
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(backoff.multipliedBy(1L << Math.min(10, attempt - 2)));
            }
            HttpRequest.Builder builder = request.get().uri(uri).timeout(timeout);
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            try {
                HttpResponse<InputStream> response = http.send(builder.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                byte[] body = read(response.body());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return body;
                }
                last = "HTTP " + status + " from " + uri.getHost() + ":" + uri.getPort() + " " + excerpt(body);
                if (status != 429 && status < 500) {
                    throw new PortUnavailableException(port, "the host refused the request: " + last, null);
                }
            } catch (HttpTimeoutException e) {
                last = "no answer within " + timeout.toMillis() + " ms";
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PortUnavailableException(port, "interrupted", e);
            }
            LOG.warn("Host {} call {} failed (try {} of {}): {}", port, uri.getPath(), attempt, attempts, last);
        }
        throw new PortUnavailableException(port, "the host did not answer after " + attempts + " tries: " + last, null);
    }

    private byte[] read(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PortUnavailableException(port, "the host's answer exceeds " + maxBytes + " bytes", null);
            }
            return bytes;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.isBlank() ? "" : "(" + text.strip() + ")";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
