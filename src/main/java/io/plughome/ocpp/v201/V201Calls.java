package io.plughome.ocpp.v201;

import io.plughome.ocpp.CommandEncoder.Spec;
import io.plughome.ocpp.Lenient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The calls a CSMS sends in OCPP 2.0.1 that PlugHome uses or lets an operator send by name: each
 * request and answer as a record whose annotations are the specification's constraints, and the
 * table of them by action.
 */
public final class V201Calls {

    private V201Calls() {
    }

    // ---- shared

    public enum ChargingProfilePurpose {
        ChargingStationExternalConstraints, ChargingStationMaxProfile, TxDefaultProfile, TxProfile
    }

    public enum ChargingProfileKind { Absolute, Recurring, Relative }

    public enum RecurrencyKind { Daily, Weekly }

    public enum ChargingRateUnit { A, W }

    public record ChargingSchedulePeriod(@NotNull @Min(0) Integer startPeriod, @NotNull Double limit,
            Integer numberPhases, Integer phaseToUse) {
    }

    public record ChargingSchedule(@NotNull Integer id, Instant startSchedule, Integer duration,
            @NotNull ChargingRateUnit chargingRateUnit,
            @NotNull @Size(min = 1, max = 1024) List<@Valid ChargingSchedulePeriod> chargingSchedulePeriod,
            Double minChargingRate, JsonObject salesTariff) {
    }

    public record ChargingProfile(@NotNull Integer id, @NotNull @Min(0) Integer stackLevel,
            @NotNull ChargingProfilePurpose chargingProfilePurpose, @NotNull ChargingProfileKind chargingProfileKind,
            RecurrencyKind recurrencyKind, Instant validFrom, Instant validTo, @Size(max = 36) String transactionId,
            @NotNull @Size(min = 1, max = 3) List<@Valid ChargingSchedule> chargingSchedule) {
    }

    public record StatusResponse(@NotNull String status, Types.@Valid StatusInfo statusInfo) {
    }

    // ---- requests and answers

    public record RequestStartTransaction(Integer evseId, @NotNull @Valid Types.IdToken idToken,
            @NotNull Integer remoteStartId, @Valid ChargingProfile chargingProfile, @Valid Types.IdToken groupIdToken) {
    }

    public enum RequestStartStopStatus { Accepted, Rejected }

    public record RequestStartTransactionResponse(@NotNull RequestStartStopStatus status,
            Types.@Valid StatusInfo statusInfo, @Lenient(maxLength = 36) String transactionId) {
    }

    public record RequestStopTransaction(@NotNull @Size(max = 36) String transactionId) {
    }

    public record RequestStopTransactionResponse(@NotNull RequestStartStopStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public enum ResetType { Immediate, OnIdle }

    public record Reset(@NotNull ResetType type, Integer evseId) {
    }

    public enum ResetStatus { Accepted, Rejected, Scheduled }

    public record ResetResponse(@NotNull ResetStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public record UnlockConnector(@NotNull Integer evseId, @NotNull Integer connectorId) {
    }

    public enum UnlockStatus { Unlocked, UnlockFailed, OngoingAuthorizedTransaction, UnknownConnector }

    public record UnlockConnectorResponse(@NotNull UnlockStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public enum OperationalStatus { Inoperative, Operative }

    public record ChangeAvailability(@NotNull OperationalStatus operationalStatus, Types.@Valid EVSE evse) {
    }

    public enum ChangeAvailabilityStatus { Accepted, Rejected, Scheduled }

    public record ChangeAvailabilityResponse(@NotNull ChangeAvailabilityStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public enum AttributeType { Actual, Target, MinSet, MaxSet }

    public record GetVariableData(AttributeType attributeType, @NotNull Types.@Valid Component component,
            @NotNull Types.@Valid Variable variable) {
    }

    public record GetVariables(@NotNull @Size(min = 1) List<@Valid GetVariableData> getVariableData) {
    }

    public enum GetVariableStatus { Accepted, Rejected, UnknownComponent, UnknownVariable, NotSupportedAttributeType }

    public record GetVariableResult(@NotNull GetVariableStatus attributeStatus, AttributeType attributeType,
            @Lenient(maxLength = 2500) String attributeValue, @NotNull Types.@Valid Component component,
            @NotNull Types.@Valid Variable variable, Types.@Valid StatusInfo attributeStatusInfo) {
    }

    public record GetVariablesResponse(@NotNull @Size(min = 1) List<@Valid GetVariableResult> getVariableResult) {
    }

    public record SetVariableData(AttributeType attributeType, @NotNull @Size(max = 1000) String attributeValue,
            @NotNull Types.@Valid Component component, @NotNull Types.@Valid Variable variable) {
    }

    public record SetVariables(@NotNull @Size(min = 1) List<@Valid SetVariableData> setVariableData) {
    }

    public enum SetVariableStatus {
        Accepted, Rejected, UnknownComponent, UnknownVariable, NotSupportedAttributeType, RebootRequired
    }

    public record SetVariableResult(AttributeType attributeType, @NotNull SetVariableStatus attributeStatus,
            @NotNull Types.@Valid Component component, @NotNull Types.@Valid Variable variable,
            Types.@Valid StatusInfo attributeStatusInfo) {
    }

    public record SetVariablesResponse(@NotNull @Size(min = 1) List<@Valid SetVariableResult> setVariableResult) {
    }

    public enum MessageTrigger {
        BootNotification, LogStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues,
        SignChargingStationCertificate, SignV2GCertificate, StatusNotification, TransactionEvent,
        SignCombinedCertificate, PublishFirmwareStatusNotification
    }

    public record TriggerMessage(@NotNull MessageTrigger requestedMessage, Types.@Valid EVSE evse) {
    }

    public enum TriggerMessageStatus { Accepted, Rejected, NotImplemented }

    public record TriggerMessageResponse(@NotNull TriggerMessageStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public record SetChargingProfile(@NotNull @Min(0) Integer evseId, @NotNull @Valid ChargingProfile chargingProfile) {
    }

    public enum ChargingProfileStatus { Accepted, Rejected }

    public record SetChargingProfileResponse(@NotNull ChargingProfileStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public record ClearChargingProfileCriterion(Integer evseId, ChargingProfilePurpose chargingProfilePurpose,
            Integer stackLevel) {
    }

    public record ClearChargingProfile(Integer chargingProfileId,
            @Valid ClearChargingProfileCriterion chargingProfileCriteria) {
    }

    public enum ClearChargingProfileStatus { Accepted, Unknown }

    public record ClearChargingProfileResponse(@NotNull ClearChargingProfileStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public record GetLocalListVersion() {
    }

    public record GetLocalListVersionResponse(@NotNull Integer versionNumber) {
    }

    public record AuthorizationData(@NotNull @Valid Types.IdToken idToken, @Valid Types.IdTokenInfo idTokenInfo) {
    }

    public enum UpdateType { Differential, Full }

    public record SendLocalList(@NotNull Integer versionNumber, @NotNull UpdateType updateType,
            List<@Valid AuthorizationData> localAuthorizationList) {
    }

    public enum SendLocalListStatus { Accepted, Failed, VersionMismatch }

    public record SendLocalListResponse(@NotNull SendLocalListStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public enum LogType { DiagnosticsLog, SecurityLog }

    public record LogParameters(@NotNull @Size(max = 512) String remoteLocation, Instant oldestTimestamp,
            Instant latestTimestamp) {
    }

    public record GetLog(@NotNull @Valid LogParameters log, @NotNull LogType logType, @NotNull Integer requestId,
            Integer retries, Integer retryInterval) {
    }

    public enum LogStatus { Accepted, Rejected, AcceptedCanceled }

    public record GetLogResponse(@NotNull LogStatus status, Types.@Valid StatusInfo statusInfo,
            @Lenient(maxLength = 255) String filename) {
    }

    public record Firmware(@NotNull @Size(max = 512) String location, @NotNull Instant retrieveDateTime,
            Instant installDateTime, @Size(max = 5500) String signingCertificate, @Size(max = 800) String signature) {
    }

    public record UpdateFirmware(Integer retries, Integer retryInterval, @NotNull Integer requestId,
            @NotNull @Valid Firmware firmware) {
    }

    public enum UpdateFirmwareStatus { Accepted, Rejected, AcceptedCanceled, InvalidCertificate, RevokedCertificate }

    public record UpdateFirmwareResponse(@NotNull UpdateFirmwareStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public enum ReportBase { ConfigurationInventory, FullInventory, SummaryInventory }

    public record GetBaseReport(@NotNull Integer requestId, @NotNull ReportBase reportBase) {
    }

    public enum GenericDeviceModelStatus { Accepted, Rejected, NotSupported, EmptyResultSet }

    public record GetBaseReportResponse(@NotNull GenericDeviceModelStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public record CostUpdated(@NotNull Double totalCost, @NotNull @Size(max = 36) String transactionId) {
    }

    public record CostUpdatedResponse() {
    }

    public record ClearCache() {
    }

    public record ClearCacheResponse(@NotNull Types.GenericStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public record DataTransfer(@Size(max = 50) String messageId, JsonValue data,
            @NotNull @Size(max = 255) String vendorId) {
    }

    public record DataTransferResponse(@NotNull Types.DataTransferStatus status, Types.@Valid StatusInfo statusInfo,
            JsonValue data) {
    }

    public record GetTransactionStatus(@Size(max = 36) String transactionId) {
    }

    public record GetTransactionStatusResponse(Boolean ongoingIndicator, @NotNull Boolean messagesInQueue) {
    }

    public record GetCompositeSchedule(@NotNull Integer duration, ChargingRateUnit chargingRateUnit,
            @NotNull Integer evseId) {
    }

    public record GetCompositeScheduleResponse(@NotNull Types.GenericStatus status, Types.@Valid StatusInfo statusInfo,
            JsonObject schedule) {
    }

    public record CancelReservation(@NotNull Integer reservationId) {
    }

    public record CancelReservationResponse(@NotNull Types.GenericStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    /** Every call PlugHome knows how to send in OCPP 2.0.1, by action name. */
    public static final Map<String, Spec> ALL = Map.ofEntries(
            Map.entry("CancelReservation", new Spec(CancelReservation.class, CancelReservationResponse.class)),
            Map.entry("ChangeAvailability", new Spec(ChangeAvailability.class, ChangeAvailabilityResponse.class)),
            Map.entry("ClearCache", new Spec(ClearCache.class, ClearCacheResponse.class)),
            Map.entry("ClearChargingProfile", new Spec(ClearChargingProfile.class, ClearChargingProfileResponse.class)),
            Map.entry("CostUpdated", new Spec(CostUpdated.class, CostUpdatedResponse.class)),
            Map.entry("DataTransfer", new Spec(DataTransfer.class, DataTransferResponse.class)),
            Map.entry("GetBaseReport", new Spec(GetBaseReport.class, GetBaseReportResponse.class)),
            Map.entry("GetCompositeSchedule", new Spec(GetCompositeSchedule.class, GetCompositeScheduleResponse.class)),
            Map.entry("GetLocalListVersion", new Spec(GetLocalListVersion.class, GetLocalListVersionResponse.class)),
            Map.entry("GetLog", new Spec(GetLog.class, GetLogResponse.class)),
            Map.entry("GetTransactionStatus", new Spec(GetTransactionStatus.class, GetTransactionStatusResponse.class)),
            Map.entry("GetVariables", new Spec(GetVariables.class, GetVariablesResponse.class)),
            Map.entry("RequestStartTransaction", new Spec(RequestStartTransaction.class,
                    RequestStartTransactionResponse.class)),
            Map.entry("RequestStopTransaction", new Spec(RequestStopTransaction.class,
                    RequestStopTransactionResponse.class)),
            Map.entry("Reset", new Spec(Reset.class, ResetResponse.class)),
            Map.entry("SendLocalList", new Spec(SendLocalList.class, SendLocalListResponse.class)),
            Map.entry("SetChargingProfile", new Spec(SetChargingProfile.class, SetChargingProfileResponse.class)),
            Map.entry("SetVariables", new Spec(SetVariables.class, SetVariablesResponse.class)),
            Map.entry("TriggerMessage", new Spec(TriggerMessage.class, TriggerMessageResponse.class)),
            Map.entry("UnlockConnector", new Spec(UnlockConnector.class, UnlockConnectorResponse.class)),
            Map.entry("UpdateFirmware", new Spec(UpdateFirmware.class, UpdateFirmwareResponse.class)));
}
