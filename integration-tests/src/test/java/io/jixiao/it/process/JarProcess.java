package io.jixiao.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The executable jar as a newcomer runs it ({@code java -jar distribution/target/jixiao.jar} from a directory holding
 * {@code config/}), started, stopped with SIGTERM or killed with SIGKILL by the process tests.
 */
final class JarProcess implements AutoCloseable {
    private final Path workDir;
    private final int port;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    JarProcess(Path workDir, int port) {
        this.workDir = workDir;
        this.port = port;
    }

    /** Copies the repository's {@code config/} into the working directory, as the README's first command uses it. */
    void copyConfig() throws IOException {
        Path config = Paths.get(System.getenv("JIXIAO_CONFIG_DIR"));
        Files.createDirectories(workDir.resolve("config"));
        try (Stream<Path> files = Files.list(config)) {
            for (Path f : files.toList()) {
                Files.copy(f, workDir.resolve("config").resolve(f.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Points the copied configuration's store at a PostgreSQL database.
     *
     * @param jdbcUrl the database, its schema current
     */
    void storeOnPostgresql(String jdbcUrl) throws IOException {
        Files.writeString(workDir.resolve("config/io.jixiao.store.cfg"), "url = " + jdbcUrl + "\n"
                + "dataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Starts the jar and waits until it announces it is ready.
     *
     * @param properties extra {@code -D} options of the JVM
     */
    void start(String... properties) throws Exception {
        startUntil("Jixiao is ready", properties);
    }

    /** Starts the jar and waits until its log shows a line containing {@code awaited}. */
    void startUntil(String awaited, String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dorg.osgi.service.http.port=" + port);
        command.addAll(List.of(properties));
        command.add("-jar");
        command.add(System.getenv("JIXIAO_DISTRIBUTION_JAR"));
        Process started = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process = started;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("reader: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (output.stream().noneMatch(l -> l.contains(awaited))) {
            assertThat(started.isAlive()).as(String.join("\n", output)).isTrue();
            assertThat(System.currentTimeMillis()).as("no '" + awaited + "' in 120 s:\n" + String.join("\n", output))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(500); // the announcement lines follow the first one
    }

    /** SIGTERM, keeping our end of stdout open to read the goodbye. */
    void stop() throws InterruptedException {
        process.toHandle().destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        Thread.sleep(200);
        process = null;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed by Java. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed within 30 s").isTrue();
        process = null;
    }

    List<String> output() {
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
