package io.plughome.api.v1;

import io.plughome.files.ChargerFile;
import io.plughome.files.FileKind;
import io.plughome.files.FileStore;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Diagnostics and firmware shapes on the wire. */
public final class FileViews {

    private FileViews() {
    }

    @Schema(name = "File", description = "A file kept in the data directory")
    public record FileView(
            long id,
            String name,
            long sizeBytes,
            @Schema(description = "SHA-256 of the content, hexadecimal") String sha256,
            @Schema(description = "When it was uploaded") Instant receivedAt,
            @Schema(description = "Where to download it with an API token") String href,
            @Schema(description = "Firmware only, admins only: the path chargers download it from, after"
                    + " PlugHome's address (it holds the link's secret token; null for viewers)")
            String chargerPath) {

        /** The view for a reader who may not see link tokens (a viewer). */
        FileView withoutLink() {
            return new FileView(id, name, sizeBytes, sha256, receivedAt, href, null);
        }

        static FileView of(ChargerFile f) {
            boolean firmware = f.kind() == FileKind.FIRMWARE;
            return new FileView(f.id(), f.name(), f.sizeBytes(), f.sha256(), f.createdAt(),
                    firmware ? "/api/v1/firmware/" + f.id()
                            : "/api/v1/chargers/" + f.chargerId() + "/diagnostics/" + f.id(),
                    firmware ? firmwarePath(f) : null);
        }
    }

    /**
     * The file as a download, or 404 when its record is there but the file is not (a data
     * directory restored without it, or removed by hand).
     */
    static Response download(FileStore store, ChargerFile f) {
        java.nio.file.Path disk = store.path(f);
        if (!Files.isRegularFile(disk)) {
            throw ApiError.notFound("File " + f.name() + " is listed but missing from the data directory ("
                    + disk.getParent() + "); delete it and upload it again");
        }
        return Response.ok(disk.toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + f.name() + "\"").build();
    }

    static String firmwarePath(ChargerFile f) {
        return "/files/firmware/" + f.linkToken() + "/" + f.name();
    }

    @Schema(name = "Diagnostics", description = "A charger's diagnostics: its upload state and the files it sent")
    public record DiagnosticsView(
            String chargerId,
            @Schema(description = "The charger's last DiagnosticsStatusNotification: Idle, Uploading, Uploaded,"
                    + " UploadFailed (null: none yet)") String status,
            Instant statusAt,
            @Schema(description = "Newest first") List<FileView> files) {
    }

    @Schema(name = "DiagnosticsRequest", description = "Ask the charger for its diagnostics (GetDiagnostics). It"
            + " uploads them to PlugHome, unless location names another place (an ftp:// URL, say).")
    public record DiagnosticsBody(
            @Schema(description = "Oldest log entries wanted") Instant startTime,
            @Schema(description = "Newest log entries wanted") Instant stopTime,
            @PositiveOrZero Integer retries,
            @PositiveOrZero @Schema(description = "Seconds between retries") Integer retryInterval,
            @Schema(description = "Upload somewhere else than PlugHome") String location) {
    }

    @Schema(name = "FirmwareUpdate", description = "Ask the charger to install firmware (UpdateFirmware): a file"
            + " uploaded to PlugHome (firmwareId), or one at another location")
    public record FirmwareUpdateBody(
            Long firmwareId,
            String location,
            @Schema(description = "Not before this time (default: now)") Instant retrieveDate,
            @PositiveOrZero Integer retries,
            @PositiveOrZero @Schema(description = "Seconds between retries") Integer retryInterval) {
    }

    @Schema(name = "FirmwareStatus", description = "A charger's firmware: its version and update state")
    public record FirmwareStatusView(
            String chargerId,
            String firmwareVersion,
            @Schema(description = "The charger's last FirmwareStatusNotification: Downloading, Downloaded,"
                    + " DownloadFailed, Installing, Installed, InstallationFailed, Idle (null: none yet)")
            String status,
            Instant statusAt) {
    }
}
