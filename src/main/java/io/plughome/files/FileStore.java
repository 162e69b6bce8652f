package io.plughome.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import io.plughome.platform.OwnerOnly;

/**
 * Keeps files in the data directory: {@code diagnostics/<charger>/<name>} and
 * {@code firmware/<name>}. A file is streamed to a temporary file first (with its size checked
 * and its SHA-256 taken) and moved into place only when complete, so a broken upload leaves
 * nothing behind; then it is recorded.
 */
@ApplicationScoped
public class FileStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * How long a GetDiagnostics upload link stays open at most. It closes sooner: after the one
     * upload it is for, or when the charger reports the upload ended (uploaded or failed).
     */
    public static final Duration UPLOAD_WINDOW = Duration.ofHours(1);

    /** Bytes of uploads being written right now, counted against the quota with the kept files. */
    private final AtomicLong inFlight = new AtomicLong();

    @Inject
    FilesConfig config;

    @Inject
    FileRecords records;

    @Inject
    Clock clock;

    /** A random, unguessable token for a link. */
    public static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Opens an upload link for one charger's diagnostics. */
    public UploadSlot openUpload(String chargerId) {
        Instant now = clock.instant();
        return records.open(new UploadSlot(token(), chargerId, now, now.plus(UPLOAD_WINDOW)));
    }

    public Optional<UploadSlot> upload(String token) {
        return records.slot(token, clock.instant());
    }

    /** The upload through this link is done: the link works no more. */
    public void uploadDone(UploadSlot slot) {
        records.close(slot.token());
    }

    /**
     * A charger reported the state of its log upload (1.6 DiagnosticsStatusNotification, 2.0.1
     * LogStatusNotification): anything but {@code Idle} and {@code Uploading} ends it, and its
     * upload links close.
     */
    public void uploadReported(String chargerId, String status) {
        if (!"Idle".equals(status) && !"Uploading".equals(status)) {
            records.closeAll(chargerId);
        }
    }

    /**
     * Refuses at once a file whose length is known ({@code declared}, -1 when not) and is over
     * the size limit ({@link FileTooLarge}) or would not fit the quota ({@link QuotaFull}), before
     * anything of it is read or written.
     */
    public void admit(long declared) {
        if (declared > config.maxBytes()) {
            throw new FileTooLarge(config.maxBytes());
        }
        long used = records.totalBytes() + inFlight.get();
        if (used + Math.max(0, declared) > config.quotaBytes()) {
            throw new QuotaFull(config.quotaBytes(), used);
        }
    }

    public ChargerFile saveDiagnostics(String chargerId, String wantedName, InputStream in) throws IOException {
        Path folder = config.dataDir().resolve(FileKind.DIAGNOSTICS.folder()).resolve(safe(chargerId, "charger"));
        Written written = write(folder, safe(wantedName, "diagnostics-" + STAMP.format(clock.instant())), in);
        return records.add(new ChargerFile(FileKind.DIAGNOSTICS, chargerId, written.name(), written.size(),
                written.sha256(), null, clock.instant()));
    }

    public ChargerFile saveFirmware(String wantedName, InputStream in) throws IOException {
        Path folder = config.dataDir().resolve(FileKind.FIRMWARE.folder());
        Written written = write(folder, safe(wantedName, "firmware-" + STAMP.format(clock.instant()) + ".bin"), in);
        return records.add(new ChargerFile(FileKind.FIRMWARE, null, written.name(), written.size(), written.sha256(),
                token(), clock.instant()));
    }

    public List<ChargerFile> diagnostics(String chargerId) {
        return records.diagnostics(chargerId);
    }

    public List<ChargerFile> firmware() {
        return records.firmware();
    }

    public Optional<ChargerFile> find(long id) {
        return records.find(id);
    }

    public Optional<ChargerFile> byLink(String token) {
        return records.byLink(token);
    }

    /** Where the file is on disk. */
    public Path path(ChargerFile file) {
        Path folder = config.dataDir().resolve(file.kind().folder());
        if (file.kind() == FileKind.DIAGNOSTICS) {
            folder = folder.resolve(safe(file.chargerId(), "charger"));
        }
        return folder.resolve(file.name());
    }

    public void delete(ChargerFile file) throws IOException {
        records.remove(file.id());
        deleteFromDisk(file);
    }

    /** Deletes a file whose record is gone already (a removed charger's diagnostics). */
    public void deleteFromDisk(ChargerFile file) throws IOException {
        Files.deleteIfExists(path(file));
    }

    private record Written(String name, long size, String sha256) {
    }

    /**
     * Streams a file to an owner-only temporary file in its folder, counting it against the size
     * limit and the quota as it comes (with the other uploads running), then moves it into place.
     * Whatever goes wrong, the temporary file is deleted.
     */
    private Written write(Path folder, String name, InputStream in) throws IOException {
        OwnerOnly.createDirectories(folder);
        Path part = Files.createTempFile(folder, ".upload-", ".part"); // rw------- on POSIX file systems
        long size = 0;
        long base = records.totalBytes();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(part)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (n == 0) {
                        continue;
                    }
                    size += n;
                    long writing = inFlight.addAndGet(n); // this upload's bytes and the others'
                    if (size > config.maxBytes()) {
                        throw new FileTooLarge(config.maxBytes());
                    }
                    if (base + writing > config.quotaBytes()) {
                        throw new QuotaFull(config.quotaBytes(), base + writing - size);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Path target = place(part, folder, name);
            OwnerOnly.restrict(target);
            return new Written(target.getFileName().toString(), size, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            inFlight.addAndGet(-size);
            Files.deleteIfExists(part);
        }
    }

    /**
     * Moves the finished file to its name, or to the name with -1, -2, ... before its extension
     * when a file of that name is there; one at a time, so two uploads of one name both stay.
     */
    private synchronized Path place(Path part, Path folder, String name) throws IOException {
        Path target = unique(folder, name);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Path unique(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(target); n++) {
            target = folder.resolve(base + "-" + n + extension);
        }
        return target;
    }

    /** A file name that is safe on any disk: letters, digits, '.', '-', '_'; never hidden, at most 100 long. */
    static String safe(String wanted, String fallback) {
        if (wanted == null) {
            return fallback;
        }
        String name = wanted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return name.isEmpty() ? fallback : name;
    }
}
