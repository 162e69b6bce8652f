package io.plughome.ocpp.v201;

import io.plughome.authorization.Verdict;
import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** OCPP 2.0.1 types shared by several messages (part 2, chapter 2 "Datatypes"). */
public final class Types {

    private Types() {
    }

    public enum RegistrationStatus { Accepted, Pending, Rejected }

    public enum AuthorizationStatus {
        Accepted, Blocked, ConcurrentTx, Expired, Invalid, NoCredit, NotAllowedTypeEVSE, NotAtThisLocation,
        NotAtThisTime, Unknown
    }

    public enum IdTokenType { Central, eMAID, ISO14443, ISO15693, KeyCode, Local, MacAddress, NoAuthorization }

    public enum MessageFormat { ASCII, HTML, URI, UTF8 }

    public enum GenericStatus { Accepted, Rejected }

    public enum DataTransferStatus { Accepted, Rejected, UnknownMessageId, UnknownVendorId }

    public record AdditionalInfo(@NotNull @Size(max = 36) String additionalIdToken, @NotNull @Size(max = 50) String type) {
    }

    /** An idToken as a charger sends it: kept even when longer than the 36 characters allowed. */
    public record IdToken(@NotNull @Lenient(maxLength = 36, keepUpTo = ChargingSession.ID_TAG_MAX) String idToken,
            @NotNull IdTokenType type, List<@Valid AdditionalInfo> additionalInfo) {

        public static IdToken of(io.plughome.authorization.IdToken token, IdTokenType fallback) {
            IdTokenType type = fallback;
            for (IdTokenType t : IdTokenType.values()) {
                if (t.name().equalsIgnoreCase(token.type())) {
                    type = t;
                }
            }
            return new IdToken(token.value(), type, null);
        }

        public io.plughome.authorization.IdToken neutral() {
            return new io.plughome.authorization.IdToken(idToken, type.name());
        }
    }

    public record MessageContent(@NotNull MessageFormat format, @Size(max = 8) String language,
            @NotNull @Size(max = 512) String content) {
    }

    public record IdTokenInfo(@NotNull AuthorizationStatus status, Instant cacheExpiryDateTime,
            Integer chargingPriority, @Size(max = 8) String language1, List<Integer> evseId,
            @Valid IdToken groupIdToken, @Size(max = 8) String language2, @Valid MessageContent personalMessage) {

        /** PlugHome's verdict in 2.0.1 words: the idTag's group (1.6 parentIdTag) is its groupIdToken. */
        public static IdTokenInfo of(Verdict verdict) {
            return new IdTokenInfo(AuthorizationStatus.valueOf(verdict.status().name()), verdict.expiryDate(), null,
                    null, null, verdict.parentIdTag() == null ? null
                            : new IdToken(verdict.parentIdTag(), IdTokenType.Central, null), null, null);
        }
    }

    public record StatusInfo(@NotNull @Size(max = 20) String reasonCode, @Size(max = 512) String additionalInfo) {
    }

    public record EVSE(@NotNull @Min(0) Integer id, @Min(0) Integer connectorId) {
    }

    public record UnitOfMeasure(@Size(max = 20) String unit, Integer multiplier) {
    }

    /**
     * A sampled value. The enumerated fields are strings on purpose, as in 1.6: an unknown
     * measurand must not cost the reading.
     */
    public record SampledValue(@NotNull BigDecimal value, String context, String measurand, String phase,
            String location, JsonObject signedMeterValue, @Valid UnitOfMeasure unitOfMeasure) {
    }

    public record MeterValue(@NotNull @Size(min = 1) List<@Valid SampledValue> sampledValue,
            @NotNull Instant timestamp) {
    }

    public record Component(@NotNull @Size(max = 50) String name, @Size(max = 50) String instance,
            @Valid EVSE evse) {
    }

    public record Variable(@NotNull @Size(max = 50) String name, @Size(max = 50) String instance) {
    }
}
