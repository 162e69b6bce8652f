-- PlugHome schema, version 1. The same file runs on H2 (2.x) and PostgreSQL (12+):
-- keep to the SQL both understand (no SERIAL, no engine-specific types).

CREATE TABLE charger (
    id                      VARCHAR(255) PRIMARY KEY,  -- the charge point id, verbatim from the URL
    name                    VARCHAR(255),
    vendor                  VARCHAR(50),
    model                   VARCHAR(50),
    serial_number           VARCHAR(50),
    charge_box_serial       VARCHAR(50),
    firmware_version        VARCHAR(50),
    iccid                   VARCHAR(50),
    imsi                    VARCHAR(50),
    meter_type              VARCHAR(50),
    meter_serial_number     VARCHAR(50),
    protocol                VARCHAR(20),
    registration            VARCHAR(20)  NOT NULL,   -- ACCEPTED, PENDING, REJECTED
    shared_secret_hash      VARCHAR(255),
    first_seen              TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen               TIMESTAMP WITH TIME ZONE,
    last_boot               TIMESTAMP WITH TIME ZONE,
    diagnostics_status      VARCHAR(50),
    diagnostics_status_at   TIMESTAMP WITH TIME ZONE,
    firmware_status         VARCHAR(50),
    firmware_status_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE connector (
    charger_id          VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    connector_id        INTEGER      NOT NULL,          -- 0 is the charger itself
    status              VARCHAR(30),
    error_code          VARCHAR(50),
    info                VARCHAR(255),
    vendor_id           VARCHAR(255),
    vendor_error_code   VARCHAR(255),
    updated_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (charger_id, connector_id)
);

-- Tolerated deviations from the OCPP specification, counted per charger and kind.
CREATE TABLE charger_deviation (
    charger_id   VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    kind         VARCHAR(60)  NOT NULL,
    occurrences  BIGINT       NOT NULL,
    last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    example      VARCHAR(255),
    PRIMARY KEY (charger_id, kind)
);

CREATE SEQUENCE charging_session_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE charging_session (
    id                  BIGINT       PRIMARY KEY,
    transaction_id      BIGINT       NOT NULL,       -- the OCPP transactionId
    charger_id          VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    connector_id        INTEGER      NOT NULL,
    id_tag              VARCHAR(255),
    reservation_id      INTEGER,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at          TIMESTAMP WITH TIME ZONE,
    meter_start_wh      BIGINT,
    meter_stop_wh       BIGINT,
    last_register_wh    BIGINT,                      -- latest Energy.Active.Import.Register
    last_sample_at      TIMESTAMP WITH TIME ZONE,
    power_w             DOUBLE PRECISION,
    current_a           DOUBLE PRECISION,
    soc_percent         DOUBLE PRECISION,
    stop_reason         VARCHAR(50),
    stop_id_tag         VARCHAR(255),
    started_unseen      BOOLEAN      NOT NULL,        -- only its StopTransaction reached us
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX charging_session_charger ON charging_session (charger_id, transaction_id);
CREATE INDEX charging_session_started ON charging_session (started_at);
CREATE INDEX charging_session_open ON charging_session (charger_id, stopped_at);

CREATE SEQUENCE meter_sample_seq START WITH 1 INCREMENT BY 1;

-- Every sampled value a charger reported, kept for progress display and audit.
CREATE TABLE meter_sample (
    id              BIGINT       PRIMARY KEY,
    charger_id      VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    connector_id    INTEGER      NOT NULL,
    session_id      BIGINT       REFERENCES charging_session (id) ON DELETE CASCADE,
    sampled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    measurand       VARCHAR(60)  NOT NULL,
    phase           VARCHAR(10),
    location        VARCHAR(20),
    context         VARCHAR(30),
    unit            VARCHAR(20),
    raw_value       VARCHAR(100) NOT NULL,
    numeric_value   DOUBLE PRECISION               -- in the base unit: Wh, W, A, V, %, ...
);

CREATE INDEX meter_sample_session ON meter_sample (session_id, sampled_at);
CREATE INDEX meter_sample_charger ON meter_sample (charger_id, sampled_at);

-- API tokens (bootstrap tokens from configuration are not stored here).
CREATE TABLE api_token (
    id            BIGINT       PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    secret_hash   VARCHAR(255) NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 1;
