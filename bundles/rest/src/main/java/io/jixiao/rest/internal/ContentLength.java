package io.jixiao.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

/**
 * Sends small answers with a {@code Content-Length} instead of chunked: the JSON writer streams, so without this
 * every answer goes out in chunks, which costs the server and the client a second write and parse per call (a
 * payment check answers ~60 bytes). An answer is held in memory up to {@link #MAX_BUFFERED} bytes; a larger one
 * (an export, a long list) goes on streaming, chunked, as soon as it passes that size. Files and streamed
 * bodies are never held.
 */
@Priority(Priorities.ENTITY_CODER)
final class ContentLength implements WriterInterceptor {
    static final int MAX_BUFFERED = 64 * 1024;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object entity = context.getEntity();
        if (entity instanceof StreamingOutput || entity instanceof java.io.InputStream
                || entity instanceof java.io.File || entity instanceof byte[]) {
            context.proceed();
            return;
        }
        OutputStream wire = context.getOutputStream();
        Held held = new Held(wire);
        context.setOutputStream(held);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(wire);
        }
        if (held.buffer != null) {
            context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(held.buffer.size()));
            held.buffer.writeTo(wire);
        }
    }

    /** Holds what is written until it passes the limit; from then on writes through. */
    private static final class Held extends OutputStream {
        private final OutputStream wire;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

        Held(OutputStream wire) {
            this.wire = wire;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (buffer != null && buffer.size() + length > MAX_BUFFERED) {
                buffer.writeTo(wire);
                buffer = null;
            }
            if (buffer != null) {
                buffer.write(bytes, offset, length);
            } else {
                wire.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (buffer == null) {
                wire.flush();
            }
        }

        @Override
        public void close() {
            // the interceptor writes what is held; the container closes the wire
        }
    }
}
