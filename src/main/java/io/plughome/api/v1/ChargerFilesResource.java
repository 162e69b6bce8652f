package io.plughome.api.v1;

import io.plughome.charger.Charger;
import io.plughome.charger.ChargerService;
import io.plughome.control.Command;
import io.plughome.control.ControlService;
import io.plughome.control.Outcome;
import io.plughome.files.ChargerAddresses;
import io.plughome.files.ChargerFile;
import io.plughome.files.FileKind;
import io.plughome.files.FileStore;
import io.plughome.files.FilesConfig;
import io.plughome.files.UploadSlot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A charger's logs and firmware: GetDiagnostics with PlugHome as the upload target, the files
 * it uploaded, and UpdateFirmware from a file the owner uploaded. Commands are audited and
 * answered like the other control calls (409 offline, 502 an OCPP error, 504 no answer).
 */
@Path("v1/chargers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Logs and firmware", description = "Diagnostics uploads and firmware updates")
public class ChargerFilesResource {

    @Inject
    ChargerService chargers;

    @Inject
    ControlService control;

    @Inject
    FileStore files;

    @Inject
    FilesConfig config;

    @Inject
    ChargerAddresses addresses;

    @Inject
    Clock clock;

    @Context
    SecurityContext security;

    @Inject
    io.plughome.control.RequestIds requestIds;

    @POST
    @Path("{id}/diagnostics")
    @Operation(summary = "Ask the charger for its diagnostics (GetDiagnostics)", description = "The charger uploads"
            + " the file to PlugHome (an upload link for this charger, open 24 h) unless location says otherwise;"
            + " watch status and files in GET .../diagnostics. Answers {status, fileName, location}.")
    public CompletionStage<Response> requestDiagnostics(@PathParam("id") String id,
            @Valid FileViews.DiagnosticsBody body) {
        charger(id);
        FileViews.DiagnosticsBody b = body == null ? new FileViews.DiagnosticsBody(null, null, null, null, null) : body;
        String location;
        UploadSlot slot = null;
        if (b.location() != null && !b.location().isBlank()) {
            location = b.location().trim();
        } else {
            String base = base(id);
            slot = files.openUpload(id);
            location = base + "/files/diagnostics/" + slot.token() + "/";
        }
        UploadSlot opened = slot;
        return control.execute(Callers.actor(security), id, new Command.UploadLog(location, b.startTime(),
                b.stopTime(), b.retries(), b.retryInterval(), requestIds.next())).thenApply(result -> {
                    if (result.outcome() != Outcome.ACCEPTED) {
                        return ControlResource.answer(result);
                    }
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("status", result.reply().status());
                    answer.put("fileName", result.reply().details().get("fileName"));
                    answer.put("location", location);
                    answer.put("uploadOpenUntil", opened == null ? null : opened.expiresAt().toString());
                    return Response.ok(answer).build();
                });
    }

    @GET
    @Path("{id}/diagnostics")
    @Operation(summary = "The charger's diagnostics upload state and the files it uploaded")
    public FileViews.DiagnosticsView diagnostics(@PathParam("id") String id) {
        Charger charger = charger(id);
        return new FileViews.DiagnosticsView(id, charger.diagnosticsStatus(), charger.diagnosticsStatusAt(),
                files.diagnostics(id).stream().map(FileViews.FileView::of).toList());
    }

    @GET
    @Path("{id}/diagnostics/{fileId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @AdminOnly
    @Operation(summary = "Download a diagnostics file", description = "Admin only: logs can hold secrets.")
    public Response downloadDiagnostics(@PathParam("id") String id, @PathParam("fileId") long fileId) {
        ChargerFile file = diagnosticsFile(id, fileId);
        return FileViews.download(files, file);
    }

    @DELETE
    @Path("{id}/diagnostics/{fileId}")
    @Operation(summary = "Delete a diagnostics file")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteDiagnostics(@PathParam("id") String id, @PathParam("fileId") long fileId)
            throws IOException {
        files.delete(diagnosticsFile(id, fileId));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/firmware")
    @Operation(summary = "Ask the charger to install firmware (UpdateFirmware)", description = "{\"firmwareId\": 3}"
            + " (a file uploaded with POST /api/v1/firmware; the charger downloads it from PlugHome) or"
            + " {\"location\": \"https://...\"}; optional retrieveDate, retries, retryInterval. Watch status in"
            + " GET .../firmware.")
    @APIResponse(responseCode = "200", description = "How the charger answered: {\"status\": \"Accepted\"}")
    @APIResponse(responseCode = "404", description = "No such charger or firmware file",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CompletionStage<Response> updateFirmware(@PathParam("id") String id, @Valid FileViews.FirmwareUpdateBody body) {
        charger(id);
        if (body == null || (body.firmwareId() == null) == (body.location() == null || body.location().isBlank())) {
            throw ApiError.badRequest("Give either firmwareId (a file uploaded to PlugHome) or location");
        }
        String location;
        if (body.firmwareId() != null) {
            ChargerFile file = files.find(body.firmwareId()).filter(f -> f.kind() == FileKind.FIRMWARE)
                    .orElseThrow(() -> ApiError.notFound("No firmware file " + body.firmwareId()));
            location = base(id) + FileViews.firmwarePath(file);
        } else {
            location = body.location().trim();
        }
        return control.execute(Callers.actor(security), id, new Command.UpdateFirmware(location,
                body.retrieveDate() == null ? clock.instant() : body.retrieveDate(), body.retries(),
                body.retryInterval(), requestIds.next())).thenApply(result -> {
                    if (result.outcome() != Outcome.ACCEPTED) {
                        return ControlResource.answer(result);
                    }
                    return Response.ok(Map.of("status", result.reply().status(), "location", location)).build();
                });
    }

    @GET
    @Path("{id}/firmware")
    @Operation(summary = "The charger's firmware version and update state")
    public FileViews.FirmwareStatusView firmware(@PathParam("id") String id) {
        Charger charger = charger(id);
        return new FileViews.FirmwareStatusView(id, charger.firmwareVersion(), charger.firmwareStatus(),
                charger.firmwareStatusAt());
    }

    /** PlugHome's address as the charger sees it. */
    private String base(String chargerId) {
        return config.publicUrl().or(() -> addresses.of(chargerId)).orElseThrow(() -> ApiError.exception(
                Response.Status.CONFLICT, "ChargerOffline", "Charger " + chargerId + " has not connected since the"
                        + " server started, so its address for PlugHome is not known; set PLUGHOME_PUBLIC_URL"));
    }

    private Charger charger(String id) {
        return chargers.byId(id).orElseThrow(() -> ApiError.noCharger(id));
    }

    private ChargerFile diagnosticsFile(String id, long fileId) {
        charger(id);
        return files.find(fileId).filter(f -> f.kind() == FileKind.DIAGNOSTICS && id.equals(f.chargerId()))
                .orElseThrow(() -> ApiError.notFound("No diagnostics file " + fileId + " of charger '" + id + "'"));
    }
}
