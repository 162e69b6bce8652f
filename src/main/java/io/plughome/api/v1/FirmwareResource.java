package io.plughome.api.v1;

import io.plughome.control.AuditLog;
import io.plughome.control.Outcome;
import io.plughome.files.ChargerFile;
import io.plughome.files.FileKind;
import io.plughome.files.FileStore;
import io.plughome.files.FileTooLarge;
import io.plughome.files.QuotaFull;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Firmware files the owner uploads, for chargers to download with UpdateFirmware. */
@Path("v1/firmware")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Logs and firmware")
public class FirmwareResource {

    @Inject
    FileStore files;

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a firmware file", description = "The body is the file (curl --data-binary"
            + " @file.bin); name it with ?name=. Kept in the data directory under firmware/.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = FileViews.FileView.class)))
    @APIResponse(responseCode = "413", description = "Larger than PLUGHOME_MAX_FILE_MB",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "507", description = "All files together would take more than"
            + " PLUGHOME_FILES_QUOTA_MB", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response upload(@Parameter(description = "File name, e.g. wallbox-2.1.bin") @QueryParam("name") String name,
            @HeaderParam("Content-Length") Long length, InputStream body) throws IOException {
        if (body == null || length != null && length == 0) {
            // (an empty body reaches here as null: EmptyBody)
            throw ApiError.badRequest("The body is empty: send the file (curl --data-binary @file.bin, with the file"
                    + " in the folder you run curl in)");
        }
        ChargerFile file;
        try {
            files.admit(length == null ? -1 : length); // refused before a byte is read when it cannot fit
            file = files.saveFirmware(Params.blankToNull(name), body);
        } catch (FileTooLarge e) {
            throw refusal(413, "TooLarge", e.getMessage());
        } catch (QuotaFull e) {
            throw refusal(507, "InsufficientStorage", e.getMessage());
        }
        if (file.sizeBytes() == 0) {
            files.delete(file);
            throw ApiError.badRequest("The body is empty: send the file (curl --data-binary @file.bin)");
        }
        audit.record(Callers.actor(security), null, "UploadFirmware", Map.of("name", file.name(), "sizeBytes",
                file.sizeBytes(), "sha256", file.sha256()), Outcome.ACCEPTED, null, null);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(file.id())).build())
                .entity(FileViews.FileView.of(file)).build();
    }

    /**
     * A refused upload, answered without reading the rest of its body: the connection closes
     * after it (the server would otherwise read, and drop, all of what the client still sends).
     */
    private static jakarta.ws.rs.WebApplicationException refusal(int status, String error, String message) {
        return new jakarta.ws.rs.WebApplicationException(message, Response.fromResponse(ApiError.response(status, error,
                message)).header("Connection", "close").build());
    }

    @GET
    @Operation(summary = "The firmware files uploaded, newest first", description = "Viewers see no chargerPath:"
            + " it holds the download link's token.")
    public List<FileViews.FileView> list() {
        boolean admin = security.isUserInRole(Role.ADMIN.wire());
        return files.firmware().stream().map(FileViews.FileView::of).map(v -> admin ? v : v.withoutLink()).toList();
    }

    @GET
    @Path("{fileId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download a firmware file")
    public Response download(@PathParam("fileId") long fileId) {
        ChargerFile file = firmware(fileId);
        return FileViews.download(files, file);
    }

    @DELETE
    @Path("{fileId}")
    @Operation(summary = "Delete a firmware file", description = "Chargers can no longer download it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("fileId") long fileId) throws IOException {
        ChargerFile file = firmware(fileId);
        files.delete(file);
        audit.record(Callers.actor(security), null, "DeleteFirmware", Map.of("name", file.name()), Outcome.ACCEPTED,
                null, null);
        return Response.noContent().build();
    }

    private ChargerFile firmware(long id) {
        return files.find(id).filter(f -> f.kind() == FileKind.FIRMWARE)
                .orElseThrow(() -> ApiError.notFound("No firmware file " + id));
    }
}
