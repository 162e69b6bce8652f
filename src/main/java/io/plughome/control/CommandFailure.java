package io.plughome.control;

/**
 * A command that got no usable answer: the charger is offline, went away, did not answer in
 * time, answered with an OCPP CALLERROR, or answered with something invalid.
 */
public class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String INVALID_COMMAND = "InvalidCommand";

    private final Outcome outcome;
    private final String error;
    private final boolean notSent;

    public CommandFailure(Outcome outcome, String error, String message) {
        this(outcome, error, message, false);
    }

    private CommandFailure(Outcome outcome, String error, String message, boolean notSent) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.error = error;
        this.notSent = notSent || INVALID_COMMAND.equals(error);
    }

    /** How the audit log records it. */
    public Outcome outcome() {
        return outcome;
    }

    /** A short code: {@code ChargerOffline}, {@code Timeout}, or the charger's CALLERROR code. */
    public String error() {
        return error;
    }

    /** Whether the charger itself answered (with a CALLERROR or an invalid answer). */
    public boolean fromCharger() {
        return outcome == Outcome.ERROR;
    }

    public static CommandFailure offline(String chargerId) {
        return new CommandFailure(Outcome.OFFLINE, "ChargerOffline",
                "Charger " + chargerId + " is not connected; nothing was sent");
    }

    public static CommandFailure disconnected(String chargerId) {
        return new CommandFailure(Outcome.OFFLINE, "ChargerDisconnected",
                "Charger " + chargerId + " disconnected before it answered");
    }

    public static CommandFailure timeout(String chargerId, long seconds, boolean sent) {
        return new CommandFailure(Outcome.TIMEOUT, "Timeout", sent
                ? "Charger " + chargerId + " did not answer within " + seconds + " s"
                : "The command waited " + seconds + " s behind earlier commands to " + chargerId
                        + " and was not sent");
    }

    public static CommandFailure callError(String code, String description) {
        return new CommandFailure(Outcome.ERROR, code, description == null || description.isEmpty()
                ? "The charger answered with the error " + code : description);
    }

    public static CommandFailure invalidReply(String chargerId, String why) {
        return new CommandFailure(Outcome.ERROR, "InvalidReply",
                "Charger " + chargerId + " answered with something that is not a valid answer: " + why);
    }

    /** The command breaks the protocol's schema or our rules; nothing was sent. */
    public static CommandFailure invalid(String why) {
        return new CommandFailure(Outcome.ERROR, INVALID_COMMAND, why);
    }

    /**
     * Whether the request was wrong, not the charger: {@link #invalid}, or {@link #unsupported}
     * by the charger's version. Nothing was sent.
     */
    public boolean invalidCommand() {
        return notSent;
    }

    /** The charger's OCPP version has no such call (a device model for 1.6, say); nothing was sent. */
    public static CommandFailure unsupported(String protocol, String command) {
        return new CommandFailure(Outcome.ERROR, "NotSupported", command + " cannot be sent in " + protocol, true);
    }
}
