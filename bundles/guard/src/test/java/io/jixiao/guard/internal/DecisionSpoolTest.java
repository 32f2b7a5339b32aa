package io.jixiao.guard.internal;

import static io.jixiao.guard.internal.Fixture.HOST;
import static io.jixiao.guard.internal.Fixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.HoldKind;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.JournaledDecision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DecisionSpoolTest {

    private static DecisionRecord pass(String number) {
        return new DecisionRecord(Fixture.payment(2026, number, "P1", "B1", ExpenditureKind.PROJECT),
                PaymentDecision.pass(PaymentDecision.ReasonCode.NO_ACTIVE_HOLD), HOST,
                Instant.parse("2026-11-28T10:15:30.123456789Z"));
    }

    /** Everything a spool has from a position on, shipping as it goes. */
    private static List<JournaledDecision> drain(DecisionSpool spool) {
        List<JournaledDecision> all = new ArrayList<>();
        DecisionSpool.Position at = spool.start();
        while (true) {
            DecisionSpool.Read read = spool.read(at, 7);
            all.addAll(read.decisions());
            at = read.next();
            spool.shipped(at);
            if (read.decisions().isEmpty()) {
                return all;
            }
        }
    }

    private static List<String> numbers(List<JournaledDecision> decisions) {
        return decisions.stream().map(d -> d.record().application().payAppNo().value()).toList();
    }

    @Test
    void everyFieldOfADecisionComesBackAsItWasAppended() {
        PaymentApplication basic = new PaymentApplication(REGION, FiscalYear.of(2027), PayAppNo.of("PA-JB-1"),
                AgencyCode.of("101001"), null, BgtId.of("B9"), Money.positive("PAY_APP_AMT",
                        new BigDecimal("9999999999999999.99")), ExpenditureKind.BASIC, "30101");
        PaymentApplication project = new PaymentApplication(REGION, FiscalYear.of(2026), PayAppNo.of("PA-2"),
                AgencyCode.of("101001"), ProCode.of("P7"), BgtId.of("B7"), Money.positive("PAY_APP_AMT",
                        new BigDecimal("0.01")), ExpenditureKind.BASIC, null);
        Actor twoRoles = new Actor("PAY-MODULE", "赵 operator", Set.of(Role.HOST_SYSTEM, Role.FINANCE));
        List<DecisionRecord> records = List.of(
                new DecisionRecord(basic, PaymentDecision.pass(PaymentDecision.ReasonCode.EXEMPT_CATEGORY), HOST,
                        Instant.parse("2026-01-01T00:00:00Z")),
                new DecisionRecord(project, new PaymentDecision(PaymentDecision.Outcome.HOLD,
                        PaymentDecision.ReasonCode.PROJECT_HELD, Long.MAX_VALUE, HoldKind.STOP,
                        "偏离度超过 30%，暂停拨款\n第二行", true), twoRoles, Instant.parse("2026-11-28T23:59:59.999999999Z")),
                new DecisionRecord(project, PaymentDecision.pass(PaymentDecision.ReasonCode.EMERGENCY_BYPASS), HOST,
                        Instant.EPOCH));
        try (DecisionSpool spool = Fixture.spool()) {
            records.forEach(spool::append);
            List<JournaledDecision> read = drain(spool);

            assertThat(read).extracting(JournaledDecision::record).containsExactlyElementsOf(records);
            assertThat(read).extracting(JournaledDecision::key).doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(key).startsWith(spool.nodeId() + "/").hasSizeLessThanOrEqualTo(64));
        }
    }

    @Test
    void segmentsRollOverAndShippedOnesAreDeleted() throws IOException {
        Path directory = Fixture.temporaryDirectory();
        try (DecisionSpool spool = new DecisionSpool(directory, 4096, 64)) {
            for (int i = 0; i < 200; i++) {
                spool.append(pass("PA-" + i));
            }
            assertThat(spool.segments()).isGreaterThan(5);

            List<JournaledDecision> read = drain(spool);

            assertThat(numbers(read)).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 200).mapToObj(i -> "PA-" + i).toList());
            assertThat(spool.segments()).isEqualTo(1);
            assertThat(spool.unshippedBytes()).isZero();
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(f -> f.toString().endsWith(".spool")).count()).isEqualTo(1);
        }
    }

    @Test
    void aRestartShipsWhatWasNotMarkedShippedUnderTheSameKeys() {
        Path directory = Fixture.temporaryDirectory();
        List<JournaledDecision> before;
        try (DecisionSpool spool = new DecisionSpool(directory, 4096, 64)) {
            for (int i = 0; i < 60; i++) {
                spool.append(pass("PA-" + i));
            }
            DecisionSpool.Read read = spool.read(spool.start(), 25);
            spool.shipped(read.next());
            before = spool.read(read.next(), 1_000).decisions(); // read but never marked shipped: the crash case
        }
        try (DecisionSpool restarted = new DecisionSpool(directory, 4096, 64)) {
            // what is left counts from the shipped mark to the last written bytes, not to the segments' ends
            assertThat(restarted.unshippedBytes()).isBetween(35L * 150, 35L * 250);
            restarted.append(pass("PA-after"));
            List<JournaledDecision> after = drain(restarted);

            assertThat(after.subList(0, 35)).containsExactlyElementsOf(before);
            assertThat(numbers(after).get(35)).isEqualTo("PA-after");
            assertThat(after).hasSize(36);
        }
    }

    @Test
    void unfinishedAndDamagedRecordsOfAnEarlierRunAreSkipped() throws IOException {
        Path directory = Fixture.temporaryDirectory();
        List<JournaledDecision> written;
        try (DecisionSpool spool = new DecisionSpool(directory, 1 << 16, 4)) {
            for (int i = 0; i < 10; i++) {
                spool.append(pass("PA-" + i));
            }
            written = spool.read(spool.start(), 100).decisions();
        }
        Path segment;
        try (Stream<Path> files = Files.list(directory)) {
            segment = files.filter(f -> f.toString().endsWith(".spool")).findFirst().orElseThrow();
        }
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            // PA-3: a place reserved by a check that died before publishing its length
            file.write(ByteBuffer.allocate(4), offset(written.get(3)));
            // PA-6: a page the machine did not write before it went down (checksum no longer matches)
            file.write(ByteBuffer.wrap(new byte[] {0x55, 0x55}), offset(written.get(6)) + 20);
        }
        try (DecisionSpool restarted = new DecisionSpool(directory, 1 << 16, 4)) {
            assertThat(numbers(drain(restarted)))
                    .containsExactly("PA-0", "PA-1", "PA-2", "PA-4", "PA-5", "PA-7", "PA-8", "PA-9");
        }
    }

    private static long offset(JournaledDecision decision) {
        String key = decision.key();
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1), 16);
    }

    @Test
    void aSecondGuardCannotTakeASpoolInUse() {
        Path directory = Fixture.temporaryDirectory();
        try (DecisionSpool spool = new DecisionSpool(directory, 4096, 4)) {
            assertThatThrownBy(() -> new DecisionSpool(directory, 4096, 4))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another guard");
        }
        new DecisionSpool(directory, 4096, 4).close(); // free again once closed
        // a refused second open leaves the first one's lock in place: another process still cannot take it
        try (DecisionSpool spool = new DecisionSpool(directory, 4096, 4)) {
            assertThatThrownBy(() -> new DecisionSpool(directory, 4096, 4)).isInstanceOf(IllegalStateException.class);
            assertThat(openInAnotherJvm(directory)).startsWith("refused").contains("in use by another guard");
        }
        assertThat(openInAnotherJvm(directory)).isEqualTo("opened");
    }

    private static String openInAnotherJvm(Path directory) {
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Opener.class.getName(), directory.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return said;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tries to take a spool directory in another process and says whether it could. */
    public static final class Opener {
        public static void main(String[] args) {
            try {
                new DecisionSpool(Path.of(args[0]), 4096, 4).close();
                System.out.println("opened");
            } catch (IllegalStateException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    @Test
    void aSpoolThatCannotOpenGivesItsDirectoryBack() throws IOException {
        Path directory = Fixture.temporaryDirectory();
        Files.writeString(directory.resolve("node.id"), "not an id\n");
        assertThatThrownBy(() -> new DecisionSpool(directory, 4096, 4)).hasMessageContaining("node id");
        Files.delete(directory.resolve("node.id"));
        new DecisionSpool(directory, 4096, 4).close();
    }

    @Test
    void afterTheStopNoAppendSucceedsAndTheReaderSeesTheEnd() {
        try (DecisionSpool spool = Fixture.spool()) {
            spool.append(pass("PA-1"));
            spool.refuseAppends();
            assertThatThrownBy(() -> spool.append(pass("PA-2"))).isInstanceOf(IllegalStateException.class);
            DecisionSpool.Read read = spool.read(spool.start(), 100);
            assertThat(numbers(read.decisions())).containsExactly("PA-1");
            assertThat(spool.drained(read.next())).isTrue();
        }
    }

    @Test
    void parallelAppendersWhileTheReaderShipsLoseNothingAndRepeatNothing() throws Exception {
        int threads = 4;
        int each = 5_000;
        try (DecisionSpool spool = new DecisionSpool(Fixture.temporaryDirectory(), 64 * 1024, 4)) {
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        spool.append(pass("PA-" + thread + "-" + i));
                    }
                    done.countDown();
                }).start();
            }
            List<String> seen = new ArrayList<>();
            DecisionSpool.Position at = spool.start();
            while (done.getCount() > 0 || !spool.drained(at)) {
                DecisionSpool.Read read = spool.read(at, 500);
                seen.addAll(numbers(read.decisions()));
                at = read.next();
                spool.shipped(at); // frees segments, so appenders waiting on a full spool go on
                assertThat(spool.segments()).isLessThanOrEqualTo(4);
            }
            seen.addAll(numbers(spool.read(at, Integer.MAX_VALUE).decisions()));

            assertThat(seen).hasSize(threads * each).doesNotHaveDuplicates();
            for (int t = 0; t < threads; t++) { // each thread's decisions in the order it appended them
                String prefix = "PA-" + t + "-";
                assertThat(seen.stream().filter(n -> n.startsWith(prefix)).map(n -> n.substring(prefix.length()))
                        .mapToInt(Integer::parseInt).toArray()).isSorted();
            }
        }
    }

    /**
     * The crash case, for real: another JVM appends decisions from two threads and says which appends returned;
     * it is killed (SIGKILL, no shutdown hooks, no unmapping) mid-stream. Every decision it acknowledged is in the
     * spool when a guard takes it over.
     */
    @Test
    void everyAcknowledgedDecisionOutlivesAKilledJvm() throws Exception {
        Path directory = Fixture.temporaryDirectory();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Appender.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
                if (acknowledged.size() == 20_000) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isNotZero();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20_000);

        try (DecisionSpool takenOver = new DecisionSpool(directory, 1 << 20, 64)) {
            Set<String> recovered = new HashSet<>(numbers(drain(takenOver)));
            assertThat(recovered).containsAll(acknowledged);
        }
    }

    /** The killed JVM of {@link #everyAcknowledgedDecisionOutlivesAKilledJvm()}. */
    public static final class Appender {
        public static void main(String[] args) {
            DecisionSpool spool = new DecisionSpool(Path.of(args[0]), 1 << 20, 64);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            for (int t = 0; t < 2; t++) {
                int thread = t;
                new Thread(() -> {
                    for (int i = 0; ; i++) {
                        String number = "PA-" + thread + "-" + i;
                        spool.append(pass(number));
                        synchronized (out) {
                            out.println(number);
                            out.flush();
                        }
                    }
                }).start();
            }
        }
    }
}
