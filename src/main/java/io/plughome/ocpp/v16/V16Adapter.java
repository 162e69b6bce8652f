package io.plughome.ocpp.v16;

import io.plughome.control.Command;
import io.plughome.ocpp.Action;
import io.plughome.ocpp.OutboundCall;
import io.plughome.ocpp.Problem;
import io.plughome.ocpp.ProtocolAdapter;
import io.plughome.ocpp.RecordCodec;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** OCPP 1.6J: the action table of every charger-initiated Core message, and the 1.6 error codes. */
@ApplicationScoped
public class V16Adapter implements ProtocolAdapter {

    public static final String SUBPROTOCOL = "ocpp1.6";

    @Inject
    BootNotificationHandler bootNotification;
    @Inject
    HeartbeatHandler heartbeat;
    @Inject
    StatusNotificationHandler statusNotification;
    @Inject
    AuthorizeHandler authorize;
    @Inject
    StartTransactionHandler startTransaction;
    @Inject
    MeterValuesHandler meterValues;
    @Inject
    StopTransactionHandler stopTransaction;
    @Inject
    DataTransferHandler dataTransfer;
    @Inject
    DiagnosticsStatusNotificationHandler diagnosticsStatusNotification;
    @Inject
    FirmwareStatusNotificationHandler firmwareStatusNotification;
    @Inject
    V16Commands commands;

    @Inject
    RecordCodec codec;

    private Map<String, Action<?, ?>> actions;

    @PostConstruct
    void table() {
        actions = Stream.<Action<?, ?>>of(
                Action.always("BootNotification", BootNotificationHandler.Request.class, bootNotification::handle),
                Action.always("Heartbeat", HeartbeatHandler.Request.class, heartbeat::handle).storingNothing(),
                Action.of("StatusNotification", StatusNotificationHandler.Request.class, statusNotification::handle).shared(),
                Action.of("Authorize", AuthorizeHandler.Request.class, authorize::handle),
                Action.of("StartTransaction", StartTransactionHandler.Request.class, startTransaction::handle).shared(),
                Action.of("MeterValues", MeterValuesHandler.Request.class, meterValues::handle).shared(),
                Action.of("StopTransaction", StopTransactionHandler.Request.class, stopTransaction::handle).shared(),
                Action.of("DataTransfer", DataTransferHandler.Request.class, dataTransfer::handle),
                Action.of("DiagnosticsStatusNotification", DiagnosticsStatusNotificationHandler.Request.class,
                        diagnosticsStatusNotification::handle),
                Action.of("FirmwareStatusNotification", FirmwareStatusNotificationHandler.Request.class,
                        firmwareStatusNotification::handle))
                .collect(Collectors.toUnmodifiableMap(Action::name, Function.identity()));
    }

    @Override
    public String subprotocol() {
        return SUBPROTOCOL;
    }

    @Override
    public Optional<Action<?, ?>> action(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    @Override
    public RecordCodec codec() {
        return codec;
    }

    @Override
    public OutboundCall encode(String chargerId, Command command) {
        return commands.encode(chargerId, command);
    }

    @Override
    public String errorCode(Problem problem) {
        return switch (problem) {
            case FORMAT -> "FormationViolation";
            case PROTOCOL -> "ProtocolError";
            case TYPE -> "TypeConstraintViolation";
            case PROPERTY -> "PropertyConstraintViolation";
            case OCCURRENCE -> "OccurenceConstraintViolation"; // sic: the 1.6 specification's spelling
            case NOT_IMPLEMENTED -> "NotImplemented";
            case NOT_SUPPORTED -> "NotSupported";
            case SECURITY -> "SecurityError";
            case INTERNAL -> "InternalError";
        };
    }
}
