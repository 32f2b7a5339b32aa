package io.jixiao.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Admission of requests by client address, for every adapter: each address may have so many requests in progress at
 * once (configured addresses — the host system's — their own, higher cap), and all of them together so many, so that
 * clients that send slowly or not at all cannot hold every request thread of the server. A request is admitted before
 * anything of its body is read, and its ticket is closed when it ends; a ticket not closed within its lifetime (a
 * request whose end was never seen) stops counting by itself.
 *
 * @since 1.1.0
 */
@ProviderType
public interface ClientAdmission {

    /**
     * @param address the client's IP address, as the server saw the connection
     * @return the request's ticket, to be closed when it ends; {@code null} when refused: the address, or all clients,
     *         have as many requests in progress as allowed
     */
    Ticket admit(String address);

    /** @return the least rate, in bytes per second, at which a request's body must arrive after its first second */
    long minBodyBytesPerSecond();

    /**
     * @param body a request's body as the server hands it over
     * @return the body, whose reads fail with {@link SlowBodyException} once it has arrived slower than
     *         {@link #minBodyBytesPerSecond()} after its first second (a read that waited long counts on its return),
     *         or stopped arriving until the server's idle timeout ended a read
     */
    default java.io.InputStream minimumRate(java.io.InputStream body) {
        long rate = minBodyBytesPerSecond();
        return rate <= 0 ? body : new MinimumRate(body, rate, System::nanoTime);
    }

    /**
     * @param answer the stream a request's answer is written to
     * @param gone told, once, that the client has closed its connection (the failed write's exception), instead of
     *        the write failing: the rest of the answer is dropped, so that an answer nobody reads ends quietly
     * @return the answer's stream
     * @since 1.1.0
     */
    default java.io.OutputStream toClient(java.io.OutputStream answer,
            java.util.function.Consumer<java.io.IOException> gone) {
        return new ToClient(answer, gone);
    }

    /** An answer's stream that drops what is left once the client has gone. */
    final class ToClient extends java.io.OutputStream {
        private final java.io.OutputStream out;
        private final java.util.function.Consumer<java.io.IOException> gone;
        private boolean dropping;

        /**
         * @param out the answer's stream
         * @param gone told once that the client has gone
         */
        public ToClient(java.io.OutputStream out, java.util.function.Consumer<java.io.IOException> gone) {
            this.out = out;
            this.gone = gone;
        }

        /**
         * @param failure a failed read or write of a connection
         * @return whether it says the client closed the connection: an early end of stream (Jetty's EofException is
         *         one), a broken pipe, a connection reset
         */
        public static boolean closedByClient(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = String.valueOf(t.getMessage());
                if (t instanceof java.io.EOFException || t instanceof java.nio.channels.ClosedChannelException
                        || t instanceof java.io.IOException && (message.contains("Broken pipe")
                                || message.contains("Connection reset"))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            if (!dropping) {
                attempt(() -> out.write(b));
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            if (!dropping) {
                attempt(() -> out.write(bytes, offset, length));
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            if (!dropping) {
                attempt(out::flush);
            }
        }

        @Override
        public void close() throws java.io.IOException {
            if (!dropping) {
                attempt(out::close);
            }
        }

        private interface Io {
            void run() throws java.io.IOException;
        }

        private void attempt(Io io) throws java.io.IOException {
            try {
                io.run();
            } catch (java.io.IOException e) {
                if (!closedByClient(e)) {
                    throw e;
                }
                dropping = true;
                gone.accept(e);
            }
        }
    }

    /** A body that arrived too slowly: answered 408, its connection closed. */
    final class SlowBodyException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        public SlowBodyException(long bytes, long millis, long minRate) {
            super("request body too slow: " + bytes + " bytes in " + millis + " ms of waiting for it, at least "
                    + minRate + " bytes/s are required after the first second");
        }

        /** @return the slow-body failure in a cause chain, or {@code null} */
        public static SlowBodyException in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SlowBodyException slow) {
                    return slow;
                }
            }
            return null;
        }
    }

    /**
     * A body stream that keeps to a minimum rate. Only the time its reads spend waiting for the client counts: a
     * server that is busy elsewhere between two reads (or before the first) does not make a client slow.
     */
    final class MinimumRate extends java.io.FilterInputStream {
        private static final long GRACE_NANOS = 1_000_000_000L;
        private final long rate;
        private final java.util.function.LongSupplier nanoTime;
        private long waited;
        private long bytes;

        /**
         * @param in the body
         * @param rate bytes per second at least, once its reads have waited a second in all
         * @param nanoTime the clock, in nanoseconds
         */
        public MinimumRate(java.io.InputStream in, long rate, java.util.function.LongSupplier nanoTime) {
            super(in);
            this.rate = rate;
            this.nanoTime = nanoTime;
        }

        @Override
        public int read() throws java.io.IOException {
            long started = nanoTime.getAsLong();
            int b;
            try {
                b = super.read();
            } catch (java.io.IOException e) {
                throw stopped(e, started);
            }
            count(b < 0 ? 0 : 1, b < 0, started);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            long started = nanoTime.getAsLong();
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (java.io.IOException e) {
                throw stopped(e, started);
            }
            count(Math.max(0, n), n < 0, started);
            return n;
        }

        /** The server's idle timeout ended a read: the body stopped arriving, which is a slow body too. */
        private java.io.IOException stopped(java.io.IOException e, long started) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof java.util.concurrent.TimeoutException) {
                    waited += nanoTime.getAsLong() - started;
                    SlowBodyException slow = new SlowBodyException(bytes, waited / 1_000_000, rate);
                    slow.initCause(e);
                    return slow;
                }
            }
            return e;
        }

        private void count(int n, boolean end, long started) throws SlowBodyException {
            waited += nanoTime.getAsLong() - started;
            bytes += n;
            if (end) {
                return;
            }
            if (waited > GRACE_NANOS && bytes < rate * (double) (waited - GRACE_NANOS) / 1e9) {
                throw new SlowBodyException(bytes, waited / 1_000_000, rate);
            }
        }
    }

    /** An admitted request. */
    interface Ticket extends AutoCloseable {
        /** Ends the request's admission; closing twice is closing once. */
        @Override
        void close();
    }
}
