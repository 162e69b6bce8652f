package io.plughome.api.v1;

import io.plughome.authorization.ChargerLocalList;
import io.plughome.authorization.IdTag;
import io.plughome.authorization.IdTagStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The idTag and local-list shapes on the wire. */
public final class IdTagViews {

    private IdTagViews() {
    }

    @Schema(name = "IdTagBody", description = "An idTag as the owner sets it; the whole idTag is replaced")
    public record Body(
            @Size(max = 100) @Schema(description = "Whose card or token this is", maxLength = 100) String name,
            @Schema(description = "Accepted (the default), Blocked, Expired or Invalid") IdTagStatus status,
            @Schema(description = "After this instant an Accepted idTag is answered Expired") Instant expiryDate,
            @Size(min = 1, max = 36) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII")
            @Schema(description = "The group this idTag belongs to (OCPP 1.6 parentIdTag, 2.0.1 groupIdToken)",
                    maxLength = 36)
            String parentIdTag,
            @Pattern(regexp = "Central|eMAID|ISO14443|ISO15693|KeyCode|Local|MacAddress|NoAuthorization",
                    message = "must be an OCPP 2.0.1 idToken type: Central, eMAID, ISO14443, ISO15693, KeyCode,"
                            + " Local, MacAddress or NoAuthorization")
            @Schema(description = "The idToken type a 2.0.1 charger's local list gets (default ISO14443, an RFID"
                    + " card); 1.6 chargers have none") String type) {
    }

    @Schema(name = "IdTag", description = "One of the owner's idTags (RFID card or app token)")
    public record View(
            String idTag,
            String name,
            @Schema(description = "As set by the owner") IdTagStatus status,
            @Schema(description = "What a charger is told now in list mode: Expired for an Accepted idTag past its"
                    + " expiryDate") IdTagStatus effectiveStatus,
            Instant expiryDate,
            String parentIdTag,
            @Schema(description = "The 2.0.1 idToken type the owner gave; null when not said") String type,
            @Schema(description = "The local-list version of its last change") int listVersion,
            Instant createdAt,
            Instant updatedAt) {

        static View of(IdTag t, Instant now) {
            return new View(t.idTag(), t.name(), t.status(), t.verdict(now).status(), t.expiryDate(), t.parentIdTag(),
                    t.tokenType(), t.listVersion(), t.createdAt(), t.updatedAt());
        }
    }

    @Schema(name = "IdTagPage", description = "The owner's idTags, with the authorization mode and list version")
    public record Listing(List<View> items, long total,
            @Schema(description = "PLUGHOME_AUTHORIZATION: accept-all or list") String authorization,
            @Schema(description = "Version of the local authorization list (each change adds one)") int listVersion) {
    }

    @Schema(name = "LocalListBody", description = "full: send the whole list whatever the charger holds")
    public record SyncBody(Boolean full) {
    }

    @Schema(name = "LocalList", description = "What a charger holds of the local authorization list")
    public record LocalListView(
            String chargerId,
            @Schema(description = "PLUGHOME_AUTHORIZATION; the list is kept on chargers only with list") String authorization,
            @Schema(description = "The version of the owner's list now") int listVersion,
            @Schema(description = "The version the charger holds (null: not known yet)") Integer chargerVersion,
            @Schema(description = "Whether the charger holds the owner's list as it is now") boolean inSync,
            @Schema(description = "How the last exchange ended: Accepted, Failed, NotSupported, VersionMismatch,"
                    + " Offline, Timeout, Error (null: none yet)") String status,
            String detail,
            @Schema(description = "Full or Differential: the last update sent") String updateType,
            Instant updatedAt) {

        static LocalListView of(String chargerId, String authorization, int listVersion, ChargerLocalList state) {
            Integer held = state == null ? null : state.version();
            return new LocalListView(chargerId, authorization, listVersion, held,
                    held != null && held == listVersion && state.status() != null && !"NotSupported".equals(state.status()),
                    state == null ? null : state.status(), state == null ? null : state.detail(),
                    state == null ? null : state.updateType(), state == null ? null : state.updatedAt());
        }
    }
}
