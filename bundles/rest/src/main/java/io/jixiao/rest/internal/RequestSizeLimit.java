package io.jixiao.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

/**
 * Caps request bodies: a declared {@code Content-Length} above the cap is refused at once, and a body sent
 * without one (chunked) is cut off as soon as it passes the cap. Both answer 413. A body is never longer than its
 * declared length: Jetty reads that many bytes as the body, and what follows is the connection's next request.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestSizeLimit implements ContainerRequestFilter {
    /** Where spreadsheets are uploaded: bodies up to the upload cap. */
    static final String UPLOAD_PATH = "library/imports";
    private final long maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimit(long maxBytes, long maxUploadBytes) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * @param path a path below the API's address, with or without its leading slash
     * @return the largest body that path takes: {@code maxUploadBytes} for spreadsheet uploads, else {@code maxBytes}
     */
    static long cap(String path, long maxBytes, long maxUploadBytes) {
        return path.equals(UPLOAD_PATH) || path.equals("/" + UPLOAD_PATH) ? maxUploadBytes : maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long cap = cap(request.getUriInfo().getPath(), maxBytes, maxUploadBytes);
        int declared = request.getLength();
        if (declared > cap) {
            request.abortWith(response(cap));
            return;
        }
        // A declared length within the cap needs no counting: the server reads no more than the length declared.
        // Only a body without one (chunked) is counted. (Asking hasEntity() of every request would copy each body
        // into CXF's cache first: a twentieth of a payment check's time.)
        if (declared < 0 && request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream(), cap));
        }
    }

    static Response response(long maxBytes) {
        return Problem.response(413, "HTTP_413", "Payload Too Large",
                "request bodies are limited to " + maxBytes + " bytes", null);
    }

    /** Thrown by a capped body stream; JSON readers wrap it, so the mappers look for it in the cause chain. */
    static final class TooLarge extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        final long maxBytes;

        TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        /** The 413 answer if the failure was a body over the cap, or null. */
        static Response in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    return response(tooLarge.maxBytes);
                }
            }
            return null;
        }
    }

    private static final class Capped extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }
}
