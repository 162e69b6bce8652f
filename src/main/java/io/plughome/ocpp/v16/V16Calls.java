package io.plughome.ocpp.v16;

import io.plughome.ocpp.CommandEncoder.Spec;
import io.plughome.ocpp.Lenient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The calls a Central System sends in OCPP 1.6J (Core, Firmware Management, Local Auth List
 * Management, Reservation, Smart Charging, Remote Trigger): each request and answer as a record
 * whose annotations are the specification's constraints, and the table of all of them by action.
 */
public final class V16Calls {

    private V16Calls() {
    }

    // ---- requests

    public record RemoteStartTransaction(@PositiveOrZero Integer connectorId, @NotNull @Size(max = 20) String idTag,
            @Valid ChargingProfile chargingProfile) {
    }

    public record RemoteStopTransaction(@NotNull Long transactionId) {
    }

    public enum ResetType { Hard, Soft }

    public record Reset(@NotNull ResetType type) {
    }

    public record UnlockConnector(@NotNull @PositiveOrZero Integer connectorId) {
    }

    public enum AvailabilityType { Inoperative, Operative }

    public record ChangeAvailability(@NotNull @PositiveOrZero Integer connectorId, @NotNull AvailabilityType type) {
    }

    public record GetConfiguration(List<@Size(max = 50) String> key) {
    }

    public record ChangeConfiguration(@NotNull @Size(max = 50) String key, @NotNull @Size(max = 500) String value) {
    }

    public record TriggerMessage(@NotNull String requestedMessage, @PositiveOrZero Integer connectorId) {
    }

    public enum ChargingProfilePurpose { ChargePointMaxProfile, TxDefaultProfile, TxProfile }

    public enum ChargingProfileKind { Absolute, Recurring, Relative }

    public enum RecurrencyKind { Daily, Weekly }

    public enum ChargingRateUnit { A, W }

    public record ChargingSchedulePeriod(@NotNull @PositiveOrZero Integer startPeriod, @NotNull @PositiveOrZero Double limit,
            Integer numberPhases) {
    }

    public record ChargingSchedule(Integer duration, Instant startSchedule, @NotNull ChargingRateUnit chargingRateUnit,
            @NotNull @Size(min = 1) List<@Valid ChargingSchedulePeriod> chargingSchedulePeriod, Double minChargingRate) {
    }

    public record ChargingProfile(@NotNull Integer chargingProfileId, Integer transactionId,
            @NotNull @PositiveOrZero Integer stackLevel, @NotNull ChargingProfilePurpose chargingProfilePurpose,
            @NotNull ChargingProfileKind chargingProfileKind, RecurrencyKind recurrencyKind, Instant validFrom,
            Instant validTo, @NotNull @Valid ChargingSchedule chargingSchedule) {
    }

    public record SetChargingProfile(@NotNull @PositiveOrZero Integer connectorId,
            @NotNull @Valid ChargingProfile csChargingProfiles) {
    }

    public record ClearChargingProfile(Integer id, @PositiveOrZero Integer connectorId,
            ChargingProfilePurpose chargingProfilePurpose, @PositiveOrZero Integer stackLevel) {
    }

    public record CancelReservation(@NotNull Integer reservationId) {
    }

    public record ClearCache() {
    }

    public record DataTransfer(@NotNull @Size(max = 255) String vendorId, @Size(max = 50) String messageId,
            String data) {
    }

    public record GetCompositeSchedule(@NotNull @PositiveOrZero Integer connectorId, @NotNull Integer duration,
            ChargingRateUnit chargingRateUnit) {
    }

    public record GetDiagnostics(@NotNull @Size(min = 1) String location, Integer retries, Integer retryInterval,
            Instant startTime, Instant stopTime) {
    }

    public record GetLocalListVersion() {
    }

    public record ReserveNow(@NotNull @PositiveOrZero Integer connectorId, @NotNull Instant expiryDate,
            @NotNull @Size(max = 20) String idTag, @Size(max = 20) String parentIdTag, @NotNull Integer reservationId) {
    }

    public record AuthorizationData(@NotNull @Size(max = 20) String idTag, @Valid Types.IdTagInfo idTagInfo) {
    }

    public enum UpdateType { Differential, Full }

    public record SendLocalList(@NotNull Integer listVersion, List<@Valid AuthorizationData> localAuthorizationList,
            @NotNull UpdateType updateType) {
    }

    public record UpdateFirmware(@NotNull @Size(min = 1) String location, Integer retries,
            @NotNull Instant retrieveDate, Integer retryInterval) {
    }

    // ---- answers

    public enum RemoteStartStopStatus { Accepted, Rejected }

    public record RemoteStartStopResponse(@NotNull RemoteStartStopStatus status) {
    }

    public enum ResetStatus { Accepted, Rejected }

    public record ResetResponse(@NotNull ResetStatus status) {
    }

    public enum UnlockStatus { Unlocked, UnlockFailed, NotSupported }

    public record UnlockConnectorResponse(@NotNull UnlockStatus status) {
    }

    public enum AvailabilityStatus { Accepted, Rejected, Scheduled }

    public record ChangeAvailabilityResponse(@NotNull AvailabilityStatus status) {
    }

    public record KeyValue(@NotNull @Lenient(maxLength = 50) String key, @NotNull Boolean readonly,
            @Lenient(maxLength = 500) String value) {
    }

    public record GetConfigurationResponse(List<@Valid KeyValue> configurationKey,
            @Lenient(maxLength = 50) List<String> unknownKey) {
    }

    public enum ConfigurationStatus { Accepted, Rejected, RebootRequired, NotSupported }

    public record ChangeConfigurationResponse(@NotNull ConfigurationStatus status) {
    }

    public enum TriggerMessageStatus { Accepted, Rejected, NotImplemented }

    public record TriggerMessageResponse(@NotNull TriggerMessageStatus status) {
    }

    public enum ChargingProfileStatus { Accepted, Rejected, NotSupported }

    public record SetChargingProfileResponse(@NotNull ChargingProfileStatus status) {
    }

    public enum ClearChargingProfileStatus { Accepted, Unknown }

    public record ClearChargingProfileResponse(@NotNull ClearChargingProfileStatus status) {
    }

    public enum AcceptedRejected { Accepted, Rejected }

    public record CancelReservationResponse(@NotNull AcceptedRejected status) {
    }

    public record ClearCacheResponse(@NotNull AcceptedRejected status) {
    }

    public record DataTransferResponse(@NotNull Types.DataTransferStatus status, String data) {
    }

    public record GetCompositeScheduleResponse(@NotNull AcceptedRejected status, Integer connectorId,
            Instant scheduleStart, @Valid ChargingSchedule chargingSchedule) {
    }

    public record GetDiagnosticsResponse(@Lenient(maxLength = 255) String fileName) {
    }

    public record GetLocalListVersionResponse(@NotNull Integer listVersion) {
    }

    public enum ReservationStatus { Accepted, Faulted, Occupied, Rejected, Unavailable }

    public record ReserveNowResponse(@NotNull ReservationStatus status) {
    }

    public enum UpdateStatus { Accepted, Failed, NotSupported, VersionMismatch }

    public record SendLocalListResponse(@NotNull UpdateStatus status) {
    }

    public record UpdateFirmwareResponse() {
    }

    /** Every call a Central System may send in OCPP 1.6J, by action name. */
    public static final Map<String, Spec> ALL = Map.ofEntries(
            Map.entry("CancelReservation", new Spec(CancelReservation.class, CancelReservationResponse.class)),
            Map.entry("ChangeAvailability", new Spec(ChangeAvailability.class, ChangeAvailabilityResponse.class)),
            Map.entry("ChangeConfiguration", new Spec(ChangeConfiguration.class, ChangeConfigurationResponse.class)),
            Map.entry("ClearCache", new Spec(ClearCache.class, ClearCacheResponse.class)),
            Map.entry("ClearChargingProfile", new Spec(ClearChargingProfile.class, ClearChargingProfileResponse.class)),
            Map.entry("DataTransfer", new Spec(DataTransfer.class, DataTransferResponse.class)),
            Map.entry("GetCompositeSchedule", new Spec(GetCompositeSchedule.class, GetCompositeScheduleResponse.class)),
            Map.entry("GetConfiguration", new Spec(GetConfiguration.class, GetConfigurationResponse.class)),
            Map.entry("GetDiagnostics", new Spec(GetDiagnostics.class, GetDiagnosticsResponse.class)),
            Map.entry("GetLocalListVersion", new Spec(GetLocalListVersion.class, GetLocalListVersionResponse.class)),
            Map.entry("RemoteStartTransaction", new Spec(RemoteStartTransaction.class, RemoteStartStopResponse.class)),
            Map.entry("RemoteStopTransaction", new Spec(RemoteStopTransaction.class, RemoteStartStopResponse.class)),
            Map.entry("ReserveNow", new Spec(ReserveNow.class, ReserveNowResponse.class)),
            Map.entry("Reset", new Spec(Reset.class, ResetResponse.class)),
            Map.entry("SendLocalList", new Spec(SendLocalList.class, SendLocalListResponse.class)),
            Map.entry("SetChargingProfile", new Spec(SetChargingProfile.class, SetChargingProfileResponse.class)),
            Map.entry("TriggerMessage", new Spec(TriggerMessage.class, TriggerMessageResponse.class)),
            Map.entry("UnlockConnector", new Spec(UnlockConnector.class, UnlockConnectorResponse.class)),
            Map.entry("UpdateFirmware", new Spec(UpdateFirmware.class, UpdateFirmwareResponse.class)));
}
