-- PlugHome schema, version 8: webhook subscriptions and their outbox. Same SQL for H2 and PostgreSQL.

CREATE SEQUENCE webhook_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE webhook (
    id          BIGINT        PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    events      VARCHAR(1000) NOT NULL,   -- '*' or a comma-separated list: session.started,charger.status
    secret      VARCHAR(200)  NOT NULL,   -- the HMAC key; kept as given (it must sign), shown only once
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100)
);

CREATE SEQUENCE webhook_delivery_seq START WITH 1 INCREMENT BY 1;

-- The outbox: one row per event and subscription, kept until delivered or given up, so that a
-- delivery survives a restart. The body is the exact bytes signed and sent on every attempt.
CREATE TABLE webhook_delivery (
    id               BIGINT        PRIMARY KEY,
    webhook_id       BIGINT        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id         VARCHAR(36)   NOT NULL,   -- X-PlugHome-Delivery, the same on every retry
    event            VARCHAR(40)   NOT NULL,
    charger_id       VARCHAR(255),
    body             VARCHAR(16000) NOT NULL,
    status           VARCHAR(12)   NOT NULL,   -- PENDING, DELIVERED, FAILED
    attempts         INTEGER       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(500)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_hook ON webhook_delivery (webhook_id, id);
