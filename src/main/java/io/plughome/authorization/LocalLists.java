package io.plughome.authorization;

import io.plughome.charger.ChargerEvents;
import io.plughome.charger.Presence;
import io.plughome.control.Actor;
import io.plughome.control.Command;
import io.plughome.control.CommandResult;
import io.plughome.control.ControlService;
import io.plughome.control.Outcome;
import io.plughome.platform.Timers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the local authorization list of every connected charger at the owner's idTags (in
 * {@code list} mode), so that a known card works while the server is unreachable: on connect
 * and after every change it asks the charger's version (GetLocalListVersion) and sends what it
 * lacks (SendLocalList): the changes since its version when we know it holds ours, else the
 * full list. Updates to one charger run one after another; each is audited as
 * {@code local-list}.
 */
@ApplicationScoped
public class LocalLists {

    private static final Logger LOG = Logger.getLogger(LocalLists.class.getName());

    public static final Actor ACTOR = new Actor("local-list", "system");

    /** A charger that just connected sends its boot and status first. */
    private static final long SETTLE_MILLIS = 2000;

    private static final Set<String> UNSUPPORTED = Set.of("NotImplemented", "NotSupported");

    @Inject
    ControlService control;

    @Inject
    IdTags idTags;

    @Inject
    LocalListStates states;

    @Inject
    AuthorizationConfig config;

    @Inject
    Presence presence;

    @Inject
    Timers timers;

    private final Map<String, CompletableFuture<ChargerLocalList>> chains = new ConcurrentHashMap<>();

    void online(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargerEvents.Online event) {
        if (config.listMode()) {
            timers.schedule(() -> update(event.chargerId(), false), SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) IdTagsChanged event) {
        if (config.listMode()) {
            presence.online().forEach(id -> update(id, false));
        }
    }

    /**
     * Brings the charger's list up to date ({@code full}: sends the whole list whatever it
     * holds), after any update to it still under way. The stage completes with how it ended.
     */
    public CompletionStage<ChargerLocalList> update(String chargerId, boolean full) {
        return chains.compute(chargerId, (id, previous) -> (previous == null
                ? CompletableFuture.<ChargerLocalList>completedFuture(null) : previous)
                .handle((ignored, error) -> null)
                .thenCompose(ignored -> run(id, full))
                .exceptionally(error -> {
                    LOG.log(Level.WARNING, "Updating the local list of " + chargerId + " failed", error);
                    return states.record(chargerId, null, "Error", "Failed inside the server; see its log", null);
                }));
    }

    private CompletionStage<ChargerLocalList> run(String chargerId, boolean full) {
        int current = idTags.currentVersion();
        return control.execute(ACTOR, chargerId, new Command.GetLocalListVersion()).thenCompose(asked -> {
            Integer held = states.of(chargerId).map(ChargerLocalList::version).orElse(null);
            if (asked.failure() != null) {
                return done(failed(chargerId, held, asked));
            }
            int version = ((Number) asked.reply().details().get("listVersion")).intValue();
            if (!full && version == current) {
                return done(states.record(chargerId, version, "Accepted", "Holds version " + version, null));
            }
            if (current == 0) {
                return done(states.record(chargerId, version, "Accepted",
                        "No idTags yet; the charger's own list (version " + version + ") is left as it is", null));
            }
            boolean differential = !full && held != null && held == version && version > 0 && version < current;
            return send(chargerId, current, version, differential);
        });
    }

    private CompletionStage<ChargerLocalList> send(String chargerId, int current, int held, boolean differential) {
        List<Command.SendLocalList.ListEntry> entries = differential ? idTags.changesSince(held) : idTags.entries();
        String type = differential ? "Differential" : "Full";
        return control.execute(ACTOR, chargerId, new Command.SendLocalList(current, !differential, entries))
                .thenCompose(sent -> {
                    if (sent.failure() != null) {
                        return done(failed(chargerId, held, sent));
                    }
                    String status = sent.reply().status();
                    if ("VersionMismatch".equals(status) && differential) {
                        return send(chargerId, current, held, false);
                    }
                    boolean accepted = "Accepted".equals(status);
                    return done(states.record(chargerId, accepted ? current : held, status, type + " update of "
                            + entries.size() + (entries.size() == 1 ? " idTag" : " idTags") + " to version " + current
                            + ": " + status, type));
                });
    }

    private ChargerLocalList failed(String chargerId, Integer held, CommandResult result) {
        String code = result.failure().error();
        String status = result.outcome() == Outcome.ERROR && UNSUPPORTED.contains(code) ? "NotSupported"
                : result.outcome().wire();
        return states.record(chargerId, held, status, code + ": " + result.failure().getMessage(), null);
    }

    private static CompletionStage<ChargerLocalList> done(ChargerLocalList state) {
        return CompletableFuture.completedFuture(state);
    }
}
