package io.jixiao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.security.ClientAdmission;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 23: clients that send slowly or not at all cannot hold every request thread. */
class AdmissionTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void anAddressHasItsCapOthersTheirsAndAllTogetherTheTotal() {
        Admission admission = new Admission(2, Admission.caps(new String[] {"10.1.2.3=4", " "}), 5, 1024,
                60_000_000_000L, now::get);
        List<ClientAdmission.Ticket> slow = new ArrayList<>();
        slow.add(admission.admit("192.0.2.9"));
        slow.add(admission.admit("192.0.2.9"));
        assertThat(admission.admit("192.0.2.9")).as("the third from one address").isNull();
        assertThat(admission.admit("10.1.2.3")).as("another address").isNotNull();
        assertThat(admission.admit("10.1.2.3")).isNotNull();
        assertThat(admission.admit("10.1.2.3")).as("the host system's own cap").isNotNull();
        assertThat(admission.admit("10.1.2.3")).as("over the total of 5").isNull();
        assertThat(admission.inProgress()).isEqualTo(5);

        slow.get(0).close();
        slow.get(0).close(); // twice is once
        assertThat(admission.inProgress()).isEqualTo(4);
        assertThat(admission.admit("192.0.2.9")).as("a place came free").isNotNull();
    }

    @Test
    void aTicketWhoseEndWasNeverSeenStopsCountingAfterItsLifetime() {
        Admission admission = new Admission(1, Map.of(), 10, 0, 1_000L, now::get);
        assertThat(admission.admit("192.0.2.9")).isNotNull();
        assertThat(admission.admit("192.0.2.9")).isNull();
        now.addAndGet(1_000L);
        assertThat(admission.admit("192.0.2.9")).as("the lost one expired").isNotNull();
        assertThat(admission.inProgress()).isEqualTo(1);
    }

    @Test
    void aBodySlowerThanTheMinimumAfterItsFirstSecondFails() throws Exception {
        byte[] body = new byte[4096];
        InputStream fast = new ClientAdmission.MinimumRate(new ByteArrayInputStream(body), 1024, now::get);
        assertThat(fast.readAllBytes()).hasSize(4096);

        // each read waits 750 ms for its byte, as a read on a slow client's connection does
        InputStream slow = new ClientAdmission.MinimumRate(arrivingEvery(body, 750_000_000L), 1024, now::get);
        assertThat(slow.read()).as("the first byte, 0.75 s of waiting").isZero();
        assertThatThrownBy(slow::read).as("1.5 s of waiting: 512 bytes were due after the first second, 2 came")
                .isInstanceOf(ClientAdmission.SlowBodyException.class).hasMessageContaining("2 bytes in 1500 ms");
    }

    @Test
    void aServerBusyBetweenReadsDoesNotMakeTheClientSlow() throws Exception {
        byte[] body = new byte[125];
        InputStream read = new ClientAdmission.MinimumRate(new ByteArrayInputStream(body), 1024, now::get);
        now.addAndGet(1_400_000_000L); // the request waited for a thread, the database, ... before its body was read
        byte[] first = new byte[100];
        assertThat(read.read(first, 0, 100)).isEqualTo(100);
        now.addAndGet(3_000_000_000L);
        assertThat(read.readAllBytes()).hasSize(25);
    }

    /** A body whose every read waits the given time (on the test's clock) before it returns one byte. */
    private InputStream arrivingEvery(byte[] body, long nanos) {
        InputStream in = new ByteArrayInputStream(body);
        return new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                now.addAndGet(nanos);
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                now.addAndGet(nanos);
                return in.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void anAnswerToAClientThatHasGoneIsDroppedAndToldOnce() throws Exception {
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        boolean[] open = {true};
        java.io.OutputStream connection = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                if (!open[0]) {
                    throw new java.io.IOException("write failed", new java.io.EOFException("Broken pipe"));
                }
                written.write(b);
            }
        };
        List<java.io.IOException> told = new ArrayList<>();
        Admission admission = new Admission(2, Map.of(), 5, 1024, 60_000_000_000L, now::get);
        java.io.OutputStream answer = admission.toClient(connection, told::add);

        answer.write("{\"A\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        open[0] = false;
        answer.write("1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        answer.write('\n');
        answer.flush();
        answer.close();

        assertThat(written.toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("{\"A\":");
        assertThat(told).singleElement().satisfies(e -> assertThat(e).hasMessage("write failed"));
    }

    @Test
    void anotherFailureOfTheAnswerStillFails() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        List<java.io.IOException> told = new ArrayList<>();
        java.io.OutputStream answer = new ClientAdmission.ToClient(full, told::add);

        assertThatThrownBy(() -> answer.write('x')).hasMessage("No space left on device");
        assertThat(told).isEmpty();
        assertThat(ClientAdmission.ToClient.closedByClient(new java.io.IOException("Connection reset by peer"))).isTrue();
        assertThat(ClientAdmission.ToClient.closedByClient(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void aBodyThatStoppedUntilTheIdleTimeoutIsASlowBody() {
        InputStream stalled = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException(new java.util.concurrent.TimeoutException("Idle timeout expired"));
            }
        };
        InputStream body = new ClientAdmission.MinimumRate(stalled, 1024, now::get);

        assertThatThrownBy(body::read).isInstanceOf(ClientAdmission.SlowBodyException.class)
                .hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        InputStream broken = new ClientAdmission.MinimumRate(new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("Connection reset");
            }
        }, 1024, now::get);
        assertThatThrownBy(broken::read).isNotInstanceOf(ClientAdmission.SlowBodyException.class)
                .hasMessage("Connection reset");
    }

    @Test
    void manyAddressesOverTimeAreForgottenOnceNothingOfTheirsIsInProgress() {
        Admission admission = new Admission(1, Map.of(), 5, 1024, 60_000_000_000L, now::get);
        ClientAdmission.Ticket kept = admission.admit("192.0.2.1");
        for (int i = 0; i <= Admission.PRUNE_AT + 1; i++) {
            ClientAdmission.Ticket passing = admission.admit("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
            assertThat(passing).isNotNull();
            passing.close();
        }
        assertThat(admission.addresses()).as("pruned").isLessThan(Admission.PRUNE_AT);
        assertThat(admission.admit("192.0.2.1")).as("an address in progress keeps its count").isNull();
        kept.close();
        assertThat(admission.admit("192.0.2.1")).isNotNull();
    }
}
