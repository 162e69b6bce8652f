package io.plughome.api.v1;

import io.plughome.platform.Backups;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Online backups of the embedded database (admin only): take one, list them, download, delete. */
@Path("v1/backups")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Backups", description = "Consistent copies of the embedded database, taken while the server runs")
public class BackupsResource {

    @Inject
    Backups backups;

    @Schema(name = "Backup", description = "A backup of the embedded database, a zip of its file")
    public record BackupView(@Schema(example = "plughome-20261201T173000123Z.zip") String name, long sizeBytes,
            Instant createdAt, @Schema(description = "Where to download it") String download) {

        static BackupView of(Backups.Backup b) {
            return new BackupView(b.name(), b.sizeBytes(), b.createdAt(), "/api/v1/backups/" + b.name());
        }
    }

    @POST
    @Operation(summary = "Take a backup now", description = "Copies the embedded H2 database consistently while"
            + " the server keeps serving, into <data dir>/backups/. Restore: stop the server, unzip the file into the"
            + " data directory, start it (README, \"Backup and restore\"). On PostgreSQL: 409, use pg_dump.")
    @APIResponse(responseCode = "201", description = "Taken",
            content = @Content(schema = @Schema(implementation = BackupView.class)))
    @APIResponse(responseCode = "409", description = "The database is not the embedded one",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response create() {
        try {
            BackupView view = BackupView.of(backups.create());
            return Response.created(URI.create(view.download())).entity(view).build();
        } catch (Backups.NotEmbedded e) {
            throw ApiError.exception(Response.Status.CONFLICT, "NotEmbedded", e.getMessage());
        } catch (IOException e) {
            throw ApiError.exception(Response.Status.INTERNAL_SERVER_ERROR, "BackupFailed",
                    "The backup could not be written; see the server log (disk full?)");
        }
    }

    @GET
    @Operation(summary = "The backups kept in the data directory, newest first")
    @APIResponse(responseCode = "200", description = "The backups",
            content = @Content(schema = @Schema(implementation = Page.class)))
    public Page<BackupView> list() throws IOException {
        List<BackupView> items = backups.list().stream().map(BackupView::of).toList();
        return new Page<>(items, items.size());
    }

    @GET
    @Path("{name}")
    @Produces("application/zip")
    @Operation(summary = "Download a backup")
    @APIResponse(responseCode = "200", description = "The zip")
    @APIResponse(responseCode = "404", description = "No such backup")
    public Response download(@PathParam("name") String name) {
        java.nio.file.Path file = backups.file(name).orElseThrow(() -> ApiError.notFound("No backup '" + name
                + "'"));
        return Response.ok(file.toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Delete a backup")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such backup")
    public Response delete(@PathParam("name") String name) throws IOException {
        if (!backups.delete(name)) {
            throw ApiError.notFound("No backup '" + name + "'");
        }
        return Response.noContent().build();
    }
}
