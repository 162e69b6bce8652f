package io.plughome.ocpp.v16;

import io.plughome.ocpp.Lenient;
import io.plughome.session.ChargingSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** OCPP 1.6 types shared by several messages. */
public final class Types {

    private Types() {
    }

    public enum RegistrationStatus { Accepted, Pending, Rejected }

    public enum AuthorizationStatus { Accepted, Blocked, Expired, Invalid, ConcurrentTx }

    public enum ChargePointStatus {
        Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted
    }

    public enum ChargePointErrorCode {
        ConnectorLockFailure, EVCommunicationError, GroundFailure, HighTemperature, InternalError, LocalListConflict,
        NoError, OtherError, OverCurrentFailure, PowerMeterFailure, PowerSwitchFailure, ReaderFailure, ResetFailure,
        UnderVoltage, OverVoltage, WeakSignal
    }

    public enum DiagnosticsStatus { Idle, Uploaded, UploadFailed, Uploading }

    public enum FirmwareStatus { Downloaded, DownloadFailed, Downloading, Idle, InstallationFailed, Installing, Installed }

    public enum DataTransferStatus { Accepted, Rejected, UnknownMessageId, UnknownVendorId }

    public record IdTagInfo(Instant expiryDate, @Size(max = 20) String parentIdTag,
            @NotNull AuthorizationStatus status) {

        public static IdTagInfo accepted() {
            return new IdTagInfo(null, null, AuthorizationStatus.Accepted);
        }

        public static IdTagInfo of(io.plughome.authorization.Verdict verdict) {
            return new IdTagInfo(verdict.expiryDate(), verdict.parentIdTag(),
                    AuthorizationStatus.valueOf(verdict.status().name()));
        }
    }

    public record MeterValue(@NotNull Instant timestamp,
            @NotNull @Size(min = 1) List<@Valid SampledValue> sampledValue) {
    }

    /**
     * A sampled value. The enumerated fields are strings on purpose: a misspelt unit or an
     * unknown measurand must not cost the reading; {@link SampledValues} corrects and counts them.
     */
    public record SampledValue(@NotNull String value, String context, String format, String measurand,
            String phase, String location, String unit) {
    }

    /** An idTag as a charger sends it back: kept even when longer than the 20 characters allowed. */
    public record IdToken(@Lenient(maxLength = 20, keepUpTo = ChargingSession.ID_TAG_MAX) String idTag) {
    }
}
