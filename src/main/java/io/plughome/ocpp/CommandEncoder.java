package io.plughome.ocpp;

import io.plughome.control.Command;
import io.plughome.control.CommandFailure;
import io.plughome.control.CommandReply;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The server-initiated calls of one OCPP version: one small encoder per kind of version-neutral
 * {@link Command}, looked up by the command's class, and any call by name ({@link Command.Call})
 * checked against the version's records before it goes out. Each version's subclass registers
 * its encoders; this class holds what they share.
 */
public abstract class CommandEncoder {

    /** A server-initiated call: the records of its request and of its answer. */
    public record Spec(Class<? extends Record> request, Class<? extends Record> response) {
    }

    /** Status words that mean the charger will do (or has done) what was asked. */
    private static final Set<String> ACCEPTING = Set.of("Accepted", "Unlocked", "RebootRequired", "Scheduled",
            "AcceptedCanceled");

    private final Map<Class<? extends Command>, BiFunction<String, Command, OutboundCall>> encoders = new HashMap<>();
    private final String version;

    protected CommandEncoder(String version) {
        this.version = version;
        on(Command.Call.class, (Function<Command.Call, OutboundCall>) this::raw);
    }

    /** The codec of this version's records. */
    protected abstract RecordCodec codec();

    /** Every call the server may send in this version, by action name. */
    protected abstract Map<String, Spec> calls();

    protected <C extends Command> void on(Class<C> kind, Function<C, OutboundCall> encoder) {
        encoders.put(kind, (chargerId, command) -> encoder.apply(kind.cast(command)));
    }

    /** An encoder that needs to know the charger (to place a connector in its EVSEs, say). */
    protected <C extends Command> void on(Class<C> kind, BiFunction<String, C, OutboundCall> encoder) {
        encoders.put(kind, (chargerId, command) -> encoder.apply(chargerId, kind.cast(command)));
    }

    /**
     * The command in this version's words, with the reader of its answer.
     *
     * @throws CommandFailure when this version has no such call, or the command does not fit it
     */
    public OutboundCall encode(String chargerId, Command command) {
        BiFunction<String, Command, OutboundCall> encoder = encoders.get(command.getClass());
        if (encoder == null) {
            throw CommandFailure.unsupported(version, command.name());
        }
        return encoder.apply(chargerId, command);
    }

    public static boolean accepting(String status) {
        return ACCEPTING.contains(status);
    }

    /**
     * A call by name: the payload must be exactly what the version's schema allows (no unknown
     * properties, no tolerated misspellings); it goes out as it was given, and the answer comes
     * back as the charger sent it, once it reads as a valid answer.
     */
    private OutboundCall raw(Command.Call c) {
        Spec spec = calls().get(c.action());
        String name = "OCPP " + version.substring("ocpp".length());
        if (spec == null) {
            throw CommandFailure.invalid(name + " has no call '" + c.action() + "' from the server; it has "
                    + new TreeSet<>(calls().keySet()));
        }
        Deviations deviations = new Deviations();
        try {
            codec().read(c.payload(), spec.request(), deviations);
        } catch (OcppException e) {
            throw CommandFailure.invalid(c.action() + " breaks the " + name + " schema: " + e.getMessage());
        }
        if (!deviations.isEmpty()) {
            throw CommandFailure.invalid(c.action() + " breaks the " + name + " schema: " + deviations.all().entrySet()
                    .stream().map(d -> d.getKey() + " " + d.getValue()).sorted().toList());
        }
        return new OutboundCall(c.action(), c.payload(), (payload, seen) -> {
            codec().read(payload, spec.response(), seen);
            JsonObject answer = (JsonObject) payload;
            String word = answer.get("status") instanceof JsonString status ? status.getString() : null;
            return new CommandReply(word, word == null || accepting(word), Map.of(), answer);
        });
    }

    /** A call whose answer is just a status word. */
    protected <Q extends Record, R extends Record> OutboundCall status(String action, Q request,
            Class<R> response, Function<R, String> status) {
        return call(action, request, response, r -> {
            String word = status.apply(r);
            return new CommandReply(word, accepting(word), Map.of());
        });
    }

    protected <Q extends Record, R extends Record> OutboundCall call(String action, Q request, Class<R> response,
            Function<R, CommandReply> reply) {
        try {
            codec().check(request);
        } catch (OcppException e) {
            throw CommandFailure.invalid(action + " would break the OCPP " + version.substring("ocpp".length())
                    + " schema: " + e.getMessage());
        }
        return new OutboundCall(action, codec().write(request),
                (payload, deviations) -> reply.apply(codec().read(payload, response, deviations)));
    }
}
