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
 * The calls a CSMS sends in OCPP 2.0.1 (all 40 of part 2): each request and answer as a record
 * whose annotations are the specification's constraints, and the table of them by action for
 * the ones PlugHome sends and those an operator sends by name.
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

    // ---- the other CSMS calls, for call/{action}: top-level fields checked as the schema says;
    //      deep structures (display messages, monitors, network profiles) as JSON objects

    public record ComponentVariable(@NotNull Types.@Valid Component component, Types.@Valid Variable variable) {
    }

    public enum ComponentCriterion { Active, Available, Enabled, Problem }

    public record GetReport(@NotNull Integer requestId, List<@Valid ComponentVariable> componentVariable,
            @Size(min = 1, max = 4) List<ComponentCriterion> componentCriteria) {
    }

    public record ChargingProfileCriterion(ChargingProfilePurpose chargingProfilePurpose, Integer stackLevel,
            List<Integer> chargingProfileId, List<String> chargingLimitSource) {
    }

    public record GetChargingProfiles(@NotNull Integer requestId, Integer evseId,
            @NotNull @Valid ChargingProfileCriterion chargingProfile) {
    }

    public enum GetChargingProfileStatus { Accepted, NoProfiles }

    public record GetChargingProfilesResponse(@NotNull GetChargingProfileStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public enum ConnectorType {
        cCCS1, cCCS2, cG105, cTesla, cType1, cType2, s309_1P_16A, s309_1P_32A, s309_3P_16A, s309_3P_32A, sBS1361,
        sCEE_7_7, sType2, sType3, Other1PhMax16A, Other1PhOver16A, Other3Ph, Pan, wInductive, wResonant, Undetermined,
        Unknown
    }

    public record ReserveNow(@NotNull Integer id, @NotNull Instant expiryDateTime, ConnectorType connectorType,
            @NotNull Types.@Valid IdToken idToken, Integer evseId, Types.@Valid IdToken groupIdToken) {
    }

    public enum ReserveNowStatus { Accepted, Faulted, Occupied, Rejected, Unavailable }

    public record ReserveNowResponse(@NotNull ReserveNowStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public enum MessagePriority { AlwaysFront, InFront, NormalCycle }

    public enum MessageState { Charging, Faulted, Idle, Unavailable }

    public record GetDisplayMessages(List<Integer> id, @NotNull Integer requestId, MessagePriority priority,
            MessageState state) {
    }

    public enum GetDisplayMessagesStatus { Accepted, Unknown }

    public record GetDisplayMessagesResponse(@NotNull GetDisplayMessagesStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public record SetDisplayMessage(@NotNull JsonObject message) {
    }

    public enum DisplayMessageStatus {
        Accepted, NotSupportedMessageFormat, Rejected, NotSupportedPriority, NotSupportedState, UnknownTransaction
    }

    public record SetDisplayMessageResponse(@NotNull DisplayMessageStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public record ClearDisplayMessage(@NotNull Integer id) {
    }

    public enum ClearMessageStatus { Accepted, Unknown }

    public record ClearDisplayMessageResponse(@NotNull ClearMessageStatus status, Types.@Valid StatusInfo statusInfo) {
    }

    public enum MonitoringCriterion { ThresholdMonitoring, DeltaMonitoring, PeriodicMonitoring }

    public record GetMonitoringReport(List<@Valid ComponentVariable> componentVariable, @NotNull Integer requestId,
            @Size(min = 1, max = 3) List<MonitoringCriterion> monitoringCriteria) {
    }

    public enum MonitoringBase { All, FactoryDefault, HardWiredOnly }

    public record SetMonitoringBase(@NotNull MonitoringBase monitoringBase) {
    }

    public record SetMonitoringLevel(@NotNull @Min(0) Integer severity) {
    }

    public record SetVariableMonitoring(@NotNull @Size(min = 1) List<JsonObject> setMonitoringData) {
    }

    public record SetVariableMonitoringResponse(@NotNull @Size(min = 1) List<JsonObject> setMonitoringResult) {
    }

    public record ClearVariableMonitoring(@NotNull @Size(min = 1) List<Integer> id) {
    }

    public record ClearVariableMonitoringResponse(@NotNull @Size(min = 1) List<JsonObject> clearMonitoringResult) {
    }

    public record CustomerInformation(@NotNull Integer requestId, @NotNull Boolean report, @NotNull Boolean clear,
            @Size(max = 64) String customerIdentifier, Types.@Valid IdToken idToken,
            JsonObject customerCertificate) {
    }

    public enum CustomerInformationStatus { Accepted, Rejected, Invalid }

    public record CustomerInformationResponse(@NotNull CustomerInformationStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public enum CertificateSigningUse { ChargingStationCertificate, V2GCertificate }

    public record CertificateSigned(@NotNull @Size(max = 10000) String certificateChain,
            CertificateSigningUse certificateType) {
    }

    public record CertificateHashData(@NotNull String hashAlgorithm, @NotNull @Size(max = 128) String issuerNameHash,
            @NotNull @Size(max = 128) String issuerKeyHash, @NotNull @Size(max = 40) String serialNumber) {
    }

    public record DeleteCertificate(@NotNull @Valid CertificateHashData certificateHashData) {
    }

    public enum DeleteCertificateStatus { Accepted, Failed, NotFound }

    public record DeleteCertificateResponse(@NotNull DeleteCertificateStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public enum CertificateUse {
        V2GRootCertificate, MORootCertificate, CSMSRootCertificate, V2GCertificateChain, ManufacturerRootCertificate
    }

    public record GetInstalledCertificateIds(List<CertificateUse> certificateType) {
    }

    public enum GetInstalledCertificateStatus { Accepted, NotFound }

    public record GetInstalledCertificateIdsResponse(@NotNull GetInstalledCertificateStatus status,
            Types.@Valid StatusInfo statusInfo, List<JsonObject> certificateHashDataChain) {
    }

    public record InstallCertificate(@NotNull CertificateUse certificateType,
            @NotNull @Size(max = 5500) String certificate) {
    }

    public enum InstallCertificateStatus { Accepted, Rejected, Failed }

    public record InstallCertificateResponse(@NotNull InstallCertificateStatus status,
            Types.@Valid StatusInfo statusInfo) {
    }

    public record PublishFirmware(@NotNull @Size(max = 512) String location, Integer retries,
            @NotNull @Size(max = 32) String checksum, @NotNull Integer requestId, Integer retryInterval) {
    }

    public record UnpublishFirmware(@NotNull @Size(max = 32) String checksum) {
    }

    public enum UnpublishFirmwareStatus { DownloadOngoing, NoFirmware, Unpublished }

    public record UnpublishFirmwareResponse(@NotNull UnpublishFirmwareStatus status) {
    }

    public record SetNetworkProfile(@NotNull Integer configurationSlot, @NotNull JsonObject connectionData) {
    }

    public enum SetNetworkProfileStatus { Accepted, Rejected, Failed }

    public record SetNetworkProfileResponse(@NotNull SetNetworkProfileStatus status,
            Types.@Valid StatusInfo statusInfo) {
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
            Map.entry("UpdateFirmware", new Spec(UpdateFirmware.class, UpdateFirmwareResponse.class)),
            Map.entry("GetReport", new Spec(GetReport.class, GetBaseReportResponse.class)),
            Map.entry("GetChargingProfiles", new Spec(GetChargingProfiles.class, GetChargingProfilesResponse.class)),
            Map.entry("ReserveNow", new Spec(ReserveNow.class, ReserveNowResponse.class)),
            Map.entry("GetDisplayMessages", new Spec(GetDisplayMessages.class, GetDisplayMessagesResponse.class)),
            Map.entry("SetDisplayMessage", new Spec(SetDisplayMessage.class, SetDisplayMessageResponse.class)),
            Map.entry("ClearDisplayMessage", new Spec(ClearDisplayMessage.class, ClearDisplayMessageResponse.class)),
            Map.entry("GetMonitoringReport", new Spec(GetMonitoringReport.class, GetBaseReportResponse.class)),
            Map.entry("SetMonitoringBase", new Spec(SetMonitoringBase.class, GetBaseReportResponse.class)),
            Map.entry("SetMonitoringLevel", new Spec(SetMonitoringLevel.class, StatusResponse.class)),
            Map.entry("SetVariableMonitoring", new Spec(SetVariableMonitoring.class,
                    SetVariableMonitoringResponse.class)),
            Map.entry("ClearVariableMonitoring", new Spec(ClearVariableMonitoring.class,
                    ClearVariableMonitoringResponse.class)),
            Map.entry("CustomerInformation", new Spec(CustomerInformation.class, CustomerInformationResponse.class)),
            Map.entry("CertificateSigned", new Spec(CertificateSigned.class, StatusResponse.class)),
            Map.entry("DeleteCertificate", new Spec(DeleteCertificate.class, DeleteCertificateResponse.class)),
            Map.entry("GetInstalledCertificateIds", new Spec(GetInstalledCertificateIds.class,
                    GetInstalledCertificateIdsResponse.class)),
            Map.entry("InstallCertificate", new Spec(InstallCertificate.class, InstallCertificateResponse.class)),
            Map.entry("PublishFirmware", new Spec(PublishFirmware.class, StatusResponse.class)),
            Map.entry("UnpublishFirmware", new Spec(UnpublishFirmware.class, UnpublishFirmwareResponse.class)),
            Map.entry("SetNetworkProfile", new Spec(SetNetworkProfile.class, SetNetworkProfileResponse.class)));
}
