package io.plughome.api.v1;

import io.plughome.charger.ChargerService;
import io.plughome.ocpp.FrameLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A charger's frame log: the last OCPP frames in and out, with times, kept in memory once an
 * admin switches it on (admin only to read too: frames carry idTags and configuration).
 */
@Path("v1/chargers")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Chargers")
public class FramesResource {

    @Inject
    ChargerService chargers;

    @Inject
    FrameLog log;

    @Schema(name = "Frame", description = "One OCPP frame as it crossed the socket")
    public record FrameView(Instant at, @Schema(description = "in: from the charger; out: to it") String direction,
            @Schema(description = "The frame's text (secrets masked; cut at 16,384 characters)") String text,
            @Schema(description = "Whether the text was cut") boolean truncated) {
    }

    @Schema(name = "FrameLog", description = "The frame log of a charger")
    public record FrameLogView(@Schema(description = "Whether frames are being logged") boolean enabled,
            @Schema(description = "How many frames are kept (the oldest go first)") int size, List<FrameView> items,
            int total) {

        static FrameLogView of(FrameLog.View view) {
            List<FrameView> items = view.entries().stream().map(e -> new FrameView(e.at(), e.direction(), e.text(),
                    e.truncated())).toList();
            return new FrameLogView(true, view.size(), items, items.size());
        }

        static FrameLogView off() {
            return new FrameLogView(false, 0, List.of(), 0);
        }
    }

    @Schema(name = "FrameLogSettings", description = "{\"enabled\": true, \"size\": 200}")
    public record Settings(@NotNull Boolean enabled,
            @Min(1) @Max(FrameLog.MAX_SIZE) @Schema(description = "Frames to keep, default 200, at most 2000")
            Integer size) {
    }

    @GET
    @Path("{id}/frames")
    @Operation(summary = "The charger's recent OCPP frames", description = "Oldest first. Empty and enabled=false"
            + " until an admin switches the log on with PUT.")
    @APIResponse(responseCode = "200", description = "The frame log",
            content = @Content(schema = @Schema(implementation = FrameLogView.class)))
    public FrameLogView get(@PathParam("id") String id) {
        known(id);
        return log.of(id).map(FrameLogView::of).orElse(FrameLogView.off());
    }

    @PUT
    @Path("{id}/frames")
    @Operation(summary = "Switch the charger's frame log on or off", description = "{\"enabled\": true} keeps the"
            + " last 200 frames (or size) from now on, in memory; {\"enabled\": false} stops and forgets them.")
    @APIResponse(responseCode = "200", description = "The frame log now",
            content = @Content(schema = @Schema(implementation = FrameLogView.class)))
    public FrameLogView put(@PathParam("id") String id, @Valid @NotNull Settings settings) {
        known(id);
        if (settings.enabled()) {
            log.enable(id, settings.size() == null ? FrameLog.DEFAULT_SIZE : settings.size());
        } else {
            log.disable(id);
        }
        return get(id);
    }

    @DELETE
    @Path("{id}/frames")
    @Operation(summary = "Switch the frame log off and forget its frames")
    @APIResponse(responseCode = "204", description = "Off")
    public void delete(@PathParam("id") String id) {
        known(id);
        log.disable(id);
    }

    private void known(String id) {
        if (chargers.byId(id).isEmpty()) {
            throw ApiError.noCharger(id);
        }
    }
}
