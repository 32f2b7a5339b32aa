package io.jixiao.guard.internal;

import io.jixiao.store.DecisionRecord;
import io.jixiao.store.JournaledDecision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node-local, append-only log of PASS decisions on memory-mapped segment files: a decision is in the operating
 * system's page cache once {@link #append} returns, so it survives the JVM dying (crash, {@code kill -9}, out of
 * memory); {@link #sync} writes the pages to disk, which the journal does every flush interval, so a machine
 * crash loses at most that interval. The journal ships what the spool holds to the database and marks it shipped;
 * after a restart, whatever was not marked is shipped again, under keys that make writing it twice harmless.
 *
 * <p>A segment is a file of fixed size, zero-filled when created (so a full disk fails the append that needs a new
 * segment, with an exception, rather than the JVM on a page fault later). Its first 64 bytes hold a magic number
 * and the offset up to which its decisions are shipped. Records follow at 8-byte boundaries:
 * {@code [length][CRC32C of the payload][payload]}. An appender reserves its place with one compare-and-set, writes
 * checksum and payload, and publishes the length last (release), so the reader sees a length only after the
 * bytes it covers. Appends run in parallel; the one reader is the journal's writer thread.
 *
 * <p>Segments left by an earlier run are read to their end: a zero length (a place reserved by a check that never
 * finished, so never answered) or a record failing its checksum (a page the machine did not write) is skipped
 * 8 bytes at a time until the next whole record. New decisions always go to a new segment.
 *
 * <p>One spool directory belongs to one running guard: a file lock keeps a second process (or a second guard in
 * this one) out. The directory's {@code node.id} names it in the keys of the decisions it ships.
 */
public final class DecisionSpool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionSpool.class);
    private static final byte[] MAGIC = "JXSPOOL1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = 64;
    private static final int SHIPPED_AT = 8;
    private static final int RECORD_HEADER = 8;
    private static final long SEALED = 1L << 62;
    private static final String SUFFIX = ".spool";
    private static final int ZERO_CHUNK = 1 << 20;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final ThreadLocal<DecisionCodec.Out> BUFFERS = ThreadLocal.withInitial(DecisionCodec.Out::new);
    private static final ThreadLocal<CRC32C> CHECKSUMS = ThreadLocal.withInitial(CRC32C::new);
    private static final int MAX_SEGMENT_BYTES = 1 << 30;
    /** Spool directories open in this JVM. */
    private static final Map<Path, Boolean> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path directory;
    private final int segmentBytes;
    private final int maxSegments;
    private final String nodeId;
    private final Path heldDirectory;
    private final FileChannel lockChannel;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final Object rolling = new Object();
    private volatile Segment head;
    /** The next segment's file, zero-filled ahead of need, or null. */
    private volatile Path spare;
    private volatile boolean closed;

    /** Where the reader stands: a segment and an offset in it. */
    public record Position(long segment, int offset) {
    }

    /**
     * What one read found.
     *
     * @param decisions the decisions with their keys, in spool order
     * @param next where the next read starts; mark it {@link #shipped} once the decisions are written
     * @param replayed whether some come from an earlier run's segment, so may be written already
     */
    public record Read(List<JournaledDecision> decisions, Position next, boolean replayed) {
    }

    private static final class Segment {
        final long sequence;
        final Path file;
        final MappedByteBuffer buffer;
        final int size;
        /** Bytes reserved, from the segment's start, and the SEALED bit once no more fit. */
        final AtomicLong state;
        /** Left by an earlier run: read to the end, skipping what is not a whole record. */
        final boolean recovered;
        /** Bytes of an earlier run's segment skipped because a record there failed its checksum (reader only). */
        long damagedBytes;
        /** Decisions read from an earlier run's segment (reader only). */
        long recoveredDecisions;

        Segment(long sequence, Path file, MappedByteBuffer buffer, boolean recovered) {
            this.sequence = sequence;
            this.file = file;
            this.buffer = buffer;
            this.size = buffer.capacity();
            this.recovered = recovered;
            this.state = new AtomicLong(recovered ? SEALED | written(buffer) : HEADER_BYTES);
        }

        /** @return the record's offset, or -1 if it does not fit (the segment is then sealed) */
        int reserve(int bytes) {
            while (true) {
                long s = state.get();
                if ((s & SEALED) != 0) {
                    return -1;
                }
                int end = (int) s;
                if ((long) end + bytes > size) {
                    if (state.compareAndSet(s, s | SEALED)) {
                        return -1;
                    }
                } else if (state.compareAndSet(s, s + bytes)) {
                    return end;
                }
            }
        }

        /** Where an earlier run's segment ends: after its last non-zero 8 bytes (the rest was never written). */
        private static int written(MappedByteBuffer buffer) {
            for (int at = (buffer.capacity() & ~7) - 8; at >= HEADER_BYTES; at -= 8) {
                if (buffer.getLong(at) != 0L) {
                    return at + 8;
                }
            }
            return HEADER_BYTES;
        }

        int shipped() {
            return (int) (long) LONG.getAcquire(buffer, SHIPPED_AT);
        }
    }

    /**
     * Opens (or creates) the spool in a directory and takes it over: segments an earlier run left are queued for
     * shipping before anything appended now.
     *
     * @param directory the spool's directory, created if missing
     * @param segmentBytes size of one segment file
     * @param maxSegments segments on disk at most; appends wait while that many are not shipped (back-pressure)
     * @throws IllegalStateException if another guard holds the directory
     * @throws UncheckedIOException if the directory cannot be used
     */
    public DecisionSpool(Path directory, int segmentBytes, int maxSegments) {
        if (segmentBytes < 4096 || segmentBytes > MAX_SEGMENT_BYTES || segmentBytes % 8 != 0 || maxSegments < 2) {
            throw new IllegalArgumentException("a spool segment has 4096 bytes to 1 GiB (a multiple of 8) and a "
                    + "spool at least 2 segments");
        }
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.maxSegments = maxSegments;
        Path held;
        try {
            Files.createDirectories(directory);
            held = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the decision spool " + directory, e);
        }
        // In this JVM first: closing a second channel on the lock file would drop the first one's lock (POSIX).
        if (HELD.putIfAbsent(held, Boolean.TRUE) != null) {
            throw inUse(directory);
        }
        this.heldDirectory = held;
        FileChannel channel = null;
        boolean opened = false;
        try {
            channel = FileChannel.open(directory.resolve("spool.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) { // held until the channel is closed
                throw inUse(directory);
            }
            this.lockChannel = channel;
            this.nodeId = nodeId(directory);
            recover();
            // The keys a node has shipped must never come again: after the last segment, and never below the
            // clock's milliseconds (a directory emptied by hand, or newest segment files a machine crash took away).
            long next = Math.max(System.currentTimeMillis(), segments.isEmpty() ? 0 : segments.lastKey() + 1);
            this.head = create(next);
            opened = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the decision spool " + directory, e);
        } finally {
            if (!opened) {
                closeQuietly(channel);
                HELD.remove(held);
            }
        }
    }

    private static IllegalStateException inUse(Path directory) {
        return new IllegalStateException("the decision spool " + directory + " is in use by another guard; give "
                + "each guard node its own journal.directory");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases its lock too
            } catch (IOException e) {
                LOG.warn("closing a decision spool lock: {}", e.toString());
            }
        }
    }

    private static String nodeId(Path directory) throws IOException {
        Path file = directory.resolve("node.id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!id.matches("[0-9a-f]{32}")) {
                throw new IllegalStateException(file + " does not hold a spool node id (32 hex digits)");
            }
            return id;
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        Path temp = directory.resolve("node.id.tmp");
        Files.writeString(temp, id + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return id;
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            long sequence;
            try {
                sequence = Long.parseUnsignedLong(name.substring(0, name.length() - SUFFIX.length()), 16);
            } catch (NumberFormatException e) {
                LOG.warn("ignoring {} in the decision spool: not a segment name", file);
                continue;
            }
            MappedByteBuffer buffer = map(file);
            byte[] magic = new byte[MAGIC.length];
            if (buffer.capacity() < HEADER_BYTES || !Arrays.equals(magic(buffer, magic), MAGIC)) {
                // created but not finished when the process died: nothing was appended to it
                LOG.warn("decision spool segment {} has no header; deleting it", file);
                Files.delete(file);
                continue;
            }
            segments.put(sequence, new Segment(sequence, file, buffer, true));
        }
        if (!segments.isEmpty()) {
            LOG.debug("decision spool {}: {} segment(s) from an earlier run", directory, segments.size());
        }
    }

    private static byte[] magic(ByteBuffer buffer, byte[] into) {
        buffer.get(0, into);
        return into;
    }

    private static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
        }
    }

    private Path fileOf(long sequence) {
        return directory.resolve(String.format("%016x%s", sequence, SUFFIX));
    }

    private Segment create(long sequence) throws IOException {
        Path file = fileOf(sequence);
        if (!file.equals(spare)) {
            zeroFilled(file);
        }
        spare = null;
        Segment segment = new Segment(sequence, file, map(file), false);
        segments.put(sequence, segment);
        return segment;
    }

    private void zeroFilled(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (channel) {
            ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
            for (long written = 0; written < segmentBytes; ) {
                zeros.clear().limit((int) Math.min(ZERO_CHUNK, segmentBytes - written));
                written += channel.write(zeros, written);
            }
            channel.write(ByteBuffer.wrap(MAGIC), 0);
            channel.force(true);
            syncDirectory(); // the new file's name too, so a machine crash cannot take the segment away
        } catch (IOException e) {
            Files.deleteIfExists(file); // a disk that filled up leaves no half-made segment to trip over later
            throw e;
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force the directory {} to disk: {}", directory, e.toString()); // not on every OS
        }
    }

    /**
     * Creates the next segment's file ahead of need once the one appended to is half full, so the check that fills
     * it does not wait while a new file is zero-filled. The journal's writer calls this every cycle.
     */
    public void prepare() {
        Segment current = head;
        if (spare != null || closed || (int) current.state.get() < current.size / 2) {
            return;
        }
        synchronized (rolling) {
            if (head != current || spare != null) {
                return;
            }
            Path file = fileOf(current.sequence + 1);
            try {
                zeroFilled(file);
                spare = file;
            } catch (IOException e) {
                LOG.warn("cannot prepare the next decision spool segment {}: {}", file, e.toString());
            }
        }
    }

    /**
     * Appends a decision, waiting while the spool is full. When this returns, the decision survives the JVM dying.
     *
     * @param record the decision
     * @return its key (the key it is shipped under)
     * @throws IllegalStateException if the spool is closed, or interrupted while full
     * @throws UncheckedIOException if a new segment cannot be created (disk full)
     */
    public String append(DecisionRecord record) {
        return append(record, Long.MAX_VALUE);
    }

    /**
     * Appends a decision unless the spool stays full or closed for longer than {@code wait}.
     *
     * @param record the decision
     * @param wait how long to wait for room
     * @return its key, or {@code null} if it was not appended
     */
    public String offer(DecisionRecord record, java.time.Duration wait) {
        long deadline = System.nanoTime() + Math.max(0L, wait.toNanos());
        try {
            return append(record, deadline);
        } catch (IllegalStateException | UncheckedIOException e) {
            return null;
        }
    }

    private String append(DecisionRecord record, long deadline) {
        DecisionCodec.Out out = BUFFERS.get();
        DecisionCodec.encode(record, out);
        int length = out.length();
        int bytes = align(RECORD_HEADER + length);
        if (bytes > segmentBytes - HEADER_BYTES) {
            throw new IllegalArgumentException("a decision of " + length + " bytes does not fit a spool segment");
        }
        CRC32C crc = CHECKSUMS.get();
        crc.reset();
        crc.update(out.bytes(), 0, length);
        int checksum = (int) crc.getValue();
        while (true) {
            if (closed) {
                throw new IllegalStateException("the decision spool is closed");
            }
            Segment segment = head;
            int at = segment.reserve(bytes);
            if (at >= 0) {
                segment.buffer.putInt(at + 4, checksum);
                segment.buffer.put(at + RECORD_HEADER, out.bytes(), 0, length);
                INT.setRelease(segment.buffer, at, length);
                return key(segment.sequence, at);
            }
            if (!roll(segment, deadline)) {
                return null;
            }
        }
    }

    /** @return {@code false} if the spool was still full at the deadline */
    private boolean roll(Segment full, long deadline) {
        synchronized (rolling) {
            if (head != full) {
                return true;
            }
            try {
                while (segments.size() >= maxSegments && !closed) {
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
                        return false;
                    }
                    long waitMillis = deadline == Long.MAX_VALUE ? 100L
                            : Math.max(1L, Math.min(100L, (deadline - System.nanoTime()) / 1_000_000L));
                    rolling.wait(waitMillis);
                    if (head != full) {
                        return true; // another appender rolled over while this one waited
                    }
                }
                if (!closed) {
                    head = create(full.sequence + 1);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the decision spool was full", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a decision spool segment in " + directory, e);
            }
        }
    }

    /** Refuses further appends; appends already under way finish, and reading goes on. */
    public void refuseAppends() {
        closed = true;
        synchronized (rolling) { // no roll-over in between: the head sealed here is the last one
            // an append that saw the spool open but has not reserved yet now fails to: what drained() sees is final
            Segment current = head;
            long state = current.state.get();
            while ((state & SEALED) == 0 && !current.state.compareAndSet(state, state | SEALED)) {
                state = current.state.get();
            }
            rolling.notifyAll();
        }
    }

    /**
     * @param position a position a read returned
     * @return whether nothing has been appended after it and no append is under way
     */
    public boolean drained(Position position) {
        Segment current = head;
        return position.segment() == current.sequence && position.offset() >= (int) current.state.get();
    }

    /** @return where reading starts: the oldest segment, after what it has shipped */
    public Position start() {
        Map.Entry<Long, Segment> first = segments.firstEntry();
        return new Position(first.getKey(), Math.max(HEADER_BYTES, first.getValue().shipped()));
    }

    /**
     * Reads the whole decisions after a position, up to a number. Only the journal's writer thread reads.
     *
     * @param from where to start (from {@link #start()} or an earlier read)
     * @param max decisions at most
     * @return what was found and where the next read starts
     */
    public Read read(Position from, int max) {
        List<JournaledDecision> found = new ArrayList<>(Math.min(max, 1024));
        Segment segment = segments.get(from.segment());
        int at = from.offset();
        boolean replayed = false;
        while (segment != null && found.size() < max) {
            // an earlier run's segment is read up to its last written bytes; a live one up to its end
            boolean room = at + RECORD_HEADER <= (segment.recovered ? (int) segment.state.get() : segment.size);
            int length = room ? (int) INT.getAcquire(segment.buffer, at) : 0;
            if (length > 0 && whole(segment, at, length)) {
                DecisionRecord record;
                try {
                    record = decode(segment, at, length);
                } catch (RuntimeException e) {
                    if (!segment.recovered) {
                        throw e;
                    }
                    // written by another version that this one cannot read: never retried, so never blocking
                    LOG.error("decision spool segment {}: the decision at {} cannot be read and is skipped: {}",
                            segment.file, at, e.toString());
                    at += align(RECORD_HEADER + length);
                    continue;
                }
                found.add(new JournaledDecision(key(segment.sequence, at), record));
                at += align(RECORD_HEADER + length);
                segment.recoveredDecisions += segment.recovered ? 1 : 0;
                replayed |= segment.recovered;
                continue;
            }
            if (segment.recovered && room) {
                // a place reserved by a check that never answered, the unused tail, or a page the machine lost:
                // look for the next whole record
                segment.damagedBytes += length == 0 ? 0 : RECORD_HEADER;
                at += RECORD_HEADER;
                continue;
            }
            if (length > 0) {
                throw new IllegalStateException("decision spool segment " + segment.file + " is damaged at " + at);
            }
            long state = segment.state.get();
            if (!segment.recovered && (at < (int) state || (state & SEALED) == 0)) {
                break; // a check is writing its decision, or the segment is the one being appended to
            }
            Map.Entry<Long, Segment> next = segments.higherEntry(segment.sequence);
            if (next == null) {
                break;
            }
            if (segment.recoveredDecisions > 0) {
                LOG.info("decision spool segment {}: {} decisions an earlier run left unwritten are being written",
                        segment.file, segment.recoveredDecisions);
            }
            if (segment.damagedBytes > 0) {
                LOG.warn("decision spool segment {}: skipped about {} bytes that failed their checksum (pages not "
                        + "written before a machine crash)", segment.file, segment.damagedBytes);
            }
            segment = next.getValue();
            at = HEADER_BYTES;
        }
        return new Read(found, new Position(segment == null ? from.segment() : segment.sequence, at), replayed);
    }

    private static boolean whole(Segment segment, int at, int length) {
        if (length > segment.size - at - RECORD_HEADER) {
            return false;
        }
        CRC32C crc = CHECKSUMS.get();
        crc.reset();
        crc.update(segment.buffer.slice(at + RECORD_HEADER, length));
        return (int) crc.getValue() == segment.buffer.getInt(at + 4);
    }

    private static DecisionRecord decode(Segment segment, int at, int length) {
        byte[] payload = new byte[length];
        segment.buffer.get(at + RECORD_HEADER, payload);
        return DecisionCodec.decode(ByteBuffer.wrap(payload));
    }

    private String key(long sequence, int offset) {
        return nodeId + '/' + Long.toHexString(sequence) + '/' + Integer.toHexString(offset);
    }

    /**
     * Marks everything before a position shipped: the position is kept in its segment, and the segments before it
     * are deleted. A mark that has not moved is not written again (an idle writer asks every few milliseconds, and
     * each write would dirty the header page for the next {@link #sync}).
     *
     * @param upTo a position a read returned
     */
    public void shipped(Position upTo) {
        Segment segment = segments.get(upTo.segment());
        if (segment != null && segment.shipped() != upTo.offset()) {
            LONG.setRelease(segment.buffer, SHIPPED_AT, (long) upTo.offset());
        }
        boolean deleted = false;
        for (Segment old : segments.headMap(upTo.segment()).values()) {
            segments.remove(old.sequence);
            try {
                Files.deleteIfExists(old.file);
                deleted = true;
            } catch (IOException e) {
                LOG.warn("cannot delete shipped decision spool segment {}: {}", old.file, e.toString());
            }
        }
        if (deleted) {
            synchronized (rolling) {
                rolling.notifyAll();
            }
        }
    }

    /** Writes the segments' changed pages to disk (the journal calls this every flush interval). */
    public void sync() {
        for (Segment segment : segments.values()) {
            if (!segment.recovered) {
                segment.buffer.force();
            }
        }
    }

    /** @return bytes appended but not yet marked shipped, roughly */
    public long unshippedBytes() {
        long total = 0;
        for (Segment segment : segments.values()) {
            int end = (int) segment.state.get();
            total += Math.max(0, end - Math.max(HEADER_BYTES, segment.shipped()));
        }
        return total;
    }

    /** @return the spool's node id, the first part of its keys */
    public String nodeId() {
        return nodeId;
    }

    /** @return segment files on disk */
    public int segments() {
        return segments.size();
    }

    /** Refuses further appends, writes the pages to disk and gives the directory up. */
    @Override
    public void close() {
        refuseAppends();
        sync();
        closeQuietly(lockChannel); // releases the directory's lock
        HELD.remove(heldDirectory);
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }
}
