package io.plughome.ocpp.v201;

import io.plughome.charger.ChargerService;
import io.plughome.charger.ConnectorState;
import io.plughome.charger.ConnectorStatus;
import io.plughome.charger.Fault;
import io.plughome.ocpp.CallContext;
import io.plughome.ocpp.Lenient;
import io.plughome.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * NotifyEvent: how a 2.0.1 charger reports problems. A {@code Problem} variable that turns true
 * is a fault of its component's connector (the charger's own, connector 0, for components
 * without an EVSE), shown as 1.6 faults are: the connector's {@code errorCode} (the nearest
 * PlugHome fault for the component, OtherError otherwise), {@code info} naming the component,
 * {@code vendorErrorCode} the charger's techCode, and a {@code charger.fault} event. A problem
 * that clears (false, or {@code cleared}) is NoError again. {@code AvailabilityState} events set
 * the connector's state. Other events are logged.
 */
@ApplicationScoped
public class NotifyEventHandler {

    private static final Logger LOG = Logger.getLogger(NotifyEventHandler.class.getName());

    /** Components of the 2.0.1 device model whose problem has a name of its own in PlugHome. */
    static final Map<String, Fault> FAULTS = Map.ofEntries(
            Map.entry("ConnectorPlugRetentionLock", Fault.ConnectorLockFailure),
            Map.entry("ControllerTemperature", Fault.HighTemperature),
            Map.entry("TemperatureSensor", Fault.HighTemperature),
            Map.entry("ElectricalFeed", Fault.PowerSwitchFailure),
            Map.entry("PowerContactor", Fault.PowerSwitchFailure),
            Map.entry("RCD", Fault.GroundFailure),
            Map.entry("ResidualCurrentMonitor", Fault.GroundFailure),
            Map.entry("OverCurrentProtection", Fault.OverCurrentFailure),
            Map.entry("TokenReader", Fault.ReaderFailure),
            Map.entry("FiscalMetering", Fault.PowerMeterFailure),
            Map.entry("Meter", Fault.PowerMeterFailure),
            Map.entry("CPPWMController", Fault.EVCommunicationError),
            Map.entry("ISO15118Ctrlr", Fault.EVCommunicationError));

    public record EventData(@NotNull Integer eventId, @NotNull Instant timestamp, @NotNull String trigger,
            Integer cause, @NotNull @Lenient(maxLength = 2500, keepUpTo = 2500) String actualValue,
            @Lenient(maxLength = 50, keepUpTo = 255) String techCode, @Size(max = 500) String techInfo, Boolean cleared,
            @Size(max = 36) String transactionId, @NotNull @Valid Types.Component component,
            Integer variableMonitoringId, @NotNull String eventNotificationType, @NotNull @Valid Types.Variable variable) {
    }

    public record Request(@NotNull Instant generatedAt, Boolean tbc, @NotNull Integer seqNo,
            @NotNull @Size(min = 1) List<@Valid EventData> eventData) {
    }

    public record Response() {
    }

    @Inject
    ChargerService chargers;

    @Inject
    Clock clock;

    /** One database transaction for all the events of the message. */
    @Transactional
    public Response handle(CallContext context, Request r) {
        for (EventData e : r.eventData()) {
            Types.EVSE evse = e.component().evse();
            int evseId = evse == null ? 0 : evse.id();
            int connector = chargers.connectorNumber(context.chargerId(), evseId, evse == null ? null : evse.connectorId());
            Instant at = Timestamps.chargerOrServer(e.timestamp(), clock.instant());
            String variable = e.variable().name();
            if ("Problem".equalsIgnoreCase(variable)) {
                boolean problem = "true".equalsIgnoreCase(e.actualValue().trim()) && !Boolean.TRUE.equals(e.cleared());
                Fault fault = problem ? FAULTS.getOrDefault(e.component().name(), Fault.OtherError) : Fault.NoError;
                chargers.statusReported(context.chargerId(), new ConnectorStatus(connector, evseId,
                        evse == null ? null : evse.connectorId(), stateOf(context, connector),
                        fault, info(e), null, e.techCode(), at));
            } else if ("AvailabilityState".equalsIgnoreCase(variable)) {
                ConnectorState state = switch (e.actualValue().trim()) {
                    case "Available" -> ConnectorState.Available;
                    case "Reserved" -> ConnectorState.Reserved;
                    case "Unavailable" -> ConnectorState.Unavailable;
                    case "Faulted" -> ConnectorState.Faulted;
                    default -> null; // Occupied: keeps the occupied state it is in
                };
                chargers.statusReported(context.chargerId(), new ConnectorStatus(connector, evseId,
                        evse == null ? null : evse.connectorId(), state, null, null, null, null, at));
            } else {
                LOG.fine(() -> "NotifyEvent from " + context.chargerId() + ": " + info(e));
            }
        }
        return new Response();
    }

    /** The connector's state stays what it was: a fault does not say what the connector does. */
    private ConnectorState stateOf(CallContext context, int connector) {
        return chargers.connector(context.chargerId(), connector).map(c -> c.status())
                .flatMap(ConnectorState::byName).orElse(ConnectorState.Available);
    }

    /** Component, variable and value, fitted to the connector's info column. */
    static String info(EventData e) {
        String text = e.component().name() + (e.component().instance() == null ? "" : "[" + e.component().instance()
                + "]") + "." + e.variable().name() + "=" + e.actualValue()
                + (e.techInfo() == null ? "" : " (" + e.techInfo() + ")");
        return text.length() > 255 ? text.substring(0, 252) + "..." : text;
    }
}
