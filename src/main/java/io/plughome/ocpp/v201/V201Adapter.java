package io.plughome.ocpp.v201;

import io.plughome.charger.DeviceModel;
import io.plughome.control.Command;
import io.plughome.ocpp.Action;
import io.plughome.ocpp.OutboundCall;
import io.plughome.ocpp.Problem;
import io.plughome.ocpp.ProtocolAdapter;
import io.plughome.ocpp.RecordCodec;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * OCPP 2.0.1: the action table of the charger-initiated messages PlugHome answers, and the 2.0.1
 * error codes. Every 2.0.1 object may carry {@code customData}; it is read past, not counted.
 */
@ApplicationScoped
public class V201Adapter implements ProtocolAdapter {

    public static final String SUBPROTOCOL = "ocpp2.0.1";

    @Inject
    BootNotificationHandler bootNotification;
    @Inject
    HeartbeatHandler heartbeat;
    @Inject
    StatusNotificationHandler statusNotification;
    @Inject
    AuthorizeHandler authorize;
    @Inject
    TransactionEventHandler transactionEvent;
    @Inject
    MeterValuesHandler meterValues;
    @Inject
    NotifyEventHandler notifyEvent;
    @Inject
    NotifyReportHandler notifyReport;
    @Inject
    SecurityEventNotificationHandler securityEventNotification;
    @Inject
    FirmwareStatusNotificationHandler firmwareStatusNotification;
    @Inject
    LogStatusNotificationHandler logStatusNotification;
    @Inject
    DataTransferHandler dataTransfer;
    @Inject
    V201Commands commands;
    @Inject
    ValidatorFactory validators;
    @Inject
    DeviceModel deviceModel;

    private Map<String, Action<?, ?>> actions;
    private RecordCodec codec;

    /** The codec of 2.0.1 records: as 1.6's, reading past customData. */
    static RecordCodec codec(Validator validator) {
        return new RecordCodec(validator, Set.of("customData"));
    }

    @PostConstruct
    void table() {
        codec = codec(RecordCodec.validatorFor(validators));
        actions = Stream.<Action<?, ?>>of(
                Action.always("BootNotification", BootNotificationHandler.Request.class, bootNotification::handle),
                Action.always("Heartbeat", HeartbeatHandler.Request.class, heartbeat::handle).storingNothing(),
                Action.always("SecurityEventNotification", SecurityEventNotificationHandler.Request.class,
                        securityEventNotification::handle),
                Action.of("StatusNotification", StatusNotificationHandler.Request.class, statusNotification::handle).shared(),
                Action.of("Authorize", AuthorizeHandler.Request.class, authorize::handle),
                Action.of("TransactionEvent", TransactionEventHandler.Request.class, transactionEvent::handle).shared(),
                Action.of("MeterValues", MeterValuesHandler.Request.class, meterValues::handle).shared(),
                Action.of("NotifyEvent", NotifyEventHandler.Request.class, notifyEvent::handle),
                Action.of("NotifyReport", NotifyReportHandler.Request.class, notifyReport::handle),
                Action.of("FirmwareStatusNotification", FirmwareStatusNotificationHandler.Request.class,
                        firmwareStatusNotification::handle),
                Action.of("LogStatusNotification", LogStatusNotificationHandler.Request.class,
                        logStatusNotification::handle),
                Action.of("DataTransfer", DataTransferHandler.Request.class, dataTransfer::handle))
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

    /**
     * A command larger than the charger takes in one message, as several within its limits (its
     * device model's ItemsPerMessage and BytesPerMessage, where it reported them): a read of many
     * settings (DeviceDataCtrlr, instance GetVariables) as several GetVariables, answered as one;
     * a long local list (LocalAuthListCtrlr) as its first part with the update's type and the rest
     * as differential updates of the same version.
     */
    @Override
    public List<Command> split(String chargerId, Command command) {
        if (command instanceof Command.GetConfiguration read && read.settings().size() > 1) {
            return parts(chargerId, read.settings(), limit(chargerId, "DeviceDataCtrlr", "ItemsPerMessage",
                    "GetVariables"), limit(chargerId, "DeviceDataCtrlr", "BytesPerMessage", "GetVariables"),
                    (part, first) -> new Command.GetConfiguration(part));
        }
        if (command instanceof Command.SendLocalList list && list.entries().size() > 1) {
            return parts(chargerId, list.entries(), limit(chargerId, "LocalAuthListCtrlr", "ItemsPerMessage", null),
                    limit(chargerId, "LocalAuthListCtrlr", "BytesPerMessage", null),
                    (part, first) -> new Command.SendLocalList(list.version(), first && list.full(), part));
        }
        return List.of(command);
    }

    /** Makes the command of one part; {@code first} is true for the first part. */
    private interface Part<T> {
        Command of(List<T> items, boolean first);
    }

    /** The items in parts of at most {@code items} items and {@code bytes} bytes of frame each. */
    private <T> List<Command> parts(String chargerId, List<T> all, int items, int bytes, Part<T> make) {
        if (all.size() <= items && bytes == Integer.MAX_VALUE) {
            return List.of(make.of(all, true));
        }
        List<Command> parts = new ArrayList<>();
        List<T> part = new ArrayList<>();
        for (T item : all) {
            part.add(item);
            if (part.size() > 1 && (part.size() > items || size(chargerId, make.of(part, parts.isEmpty())) > bytes)) {
                part.remove(part.size() - 1);
                parts.add(make.of(List.copyOf(part), parts.isEmpty()));
                part.clear();
                part.add(item);
            }
        }
        parts.add(make.of(List.copyOf(part), parts.isEmpty()));
        return parts;
    }

    /** A limit the charger reported in its device model; none when it did not say. */
    private int limit(String chargerId, String component, String variable, String instance) {
        return deviceModel.actual(chargerId, component, variable, instance).map(v -> {
            try {
                return Math.max(1, Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }).orElse(Integer.MAX_VALUE);
    }

    /** The size of the whole frame a command would be sent in, in bytes. */
    private int size(String chargerId, Command command) {
        OutboundCall call = encode(chargerId, command);
        return ("[2,\"" + "x".repeat(36) + "\",\"" + call.action() + "\"," + call.payload() + "]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** OCPP 2.0.1 part 4, 4.3 "RPC Framework": its spelling of every problem. */
    @Override
    public String errorCode(Problem problem) {
        return switch (problem) {
            case FORMAT -> "FormatViolation";
            case PROTOCOL -> "ProtocolError";
            case TYPE -> "TypeConstraintViolation";
            case PROPERTY -> "PropertyConstraintViolation";
            case OCCURRENCE -> "OccurrenceConstraintViolation";
            case NOT_IMPLEMENTED -> "NotImplemented";
            case NOT_SUPPORTED -> "NotSupported";
            case SECURITY -> "SecurityError";
            case INTERNAL -> "InternalError";
        };
    }
}
