-- PlugHome schema, version 2: the audit log of control and configuration actions.
-- Same SQL for H2 and PostgreSQL.

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_entry (
    id            BIGINT        PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(100)  NOT NULL,   -- the API token's name
    actor_role    VARCHAR(20),              -- admin or viewer
    charger_id    VARCHAR(255),             -- no foreign key: the log outlives a deleted charger
    action        VARCHAR(60)   NOT NULL,   -- RemoteStart, Reset, UpdateCharger, CreateToken, ...
    request       VARCHAR(8000),            -- what was asked, as JSON
    outcome       VARCHAR(20)   NOT NULL,   -- Accepted, Rejected, Offline, Timeout, Error
    detail        VARCHAR(1000),            -- the charger's status word, or the error
    duration_ms   BIGINT
);

CREATE INDEX audit_entry_at ON audit_entry (occurred_at);
CREATE INDEX audit_entry_charger ON audit_entry (charger_id, occurred_at);
