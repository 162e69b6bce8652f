package io.plughome.automation;

import io.plughome.platform.DomainEvent;
import io.plughome.platform.EventEnvelope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts domain events that a subscription wants into the webhook outbox, once what they report is
 * committed. The write runs on a managed thread of its own, so a charger's message is never held
 * up by webhooks; from the outbox, {@link WebhookDispatcher} delivers them.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class.getName());

    @Inject
    Webhooks webhooks;

    @Resource
    ManagedExecutorService executor;

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        if (!webhooks.anyWants(event.type())) {
            return;
        }
        String id = UUID.randomUUID().toString();
        String body = EventEnvelope.json(id, event);
        executor.execute(() -> {
            try {
                webhooks.enqueue(id, event.type(), event.chargerId(), body);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not queue " + event.type() + " " + id + " for webhooks", e);
            }
        });
    }
}
