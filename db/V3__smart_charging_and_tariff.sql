-- PlugHome schema, version 3: smart charging rules, charging windows, the site limit and the
-- tariff; each session keeps the price in force when it started.
-- Same SQL for H2 and PostgreSQL.

-- One row per charger that has (or had) rules: its own limit, the owner's override, the profile
-- shape that charger accepts, and how the last attempt to apply its limit ended.
CREATE TABLE charger_rules (
    charger_id              VARCHAR(255) PRIMARY KEY REFERENCES charger (id) ON DELETE CASCADE,
    max_current_a           DOUBLE PRECISION,           -- at most one of these two is set
    max_power_w             DOUBLE PRECISION,
    override_set            BOOLEAN      NOT NULL,
    override_until          TIMESTAMP WITH TIME ZONE,   -- null with override_set: until the session ends
    profile_purpose         VARCHAR(32),                -- the shape that worked: CHARGE_POINT_MAX or TX_DEFAULT,
    profile_per_connector   BOOLEAN,                    --   on connector 0 or on each connector,
    profile_stack_level     INTEGER,                    --   at this stack level,
    profile_unit            VARCHAR(1),                 --   in A or W
    applied_status          VARCHAR(20),                -- Applied, Cleared, Rejected, Unsupported, Offline, Timeout, Error
    applied_detail          VARCHAR(1000),
    applied_at              TIMESTAMP WITH TIME ZONE,
    applied_limit           DOUBLE PRECISION,           -- the limit the charger accepted, as sent
    applied_unit            VARCHAR(1),
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE charging_window_seq START WITH 1 INCREMENT BY 1;

-- Allowed charging windows, in the owner's local time (PLUGHOME_TIMEZONE).
CREATE TABLE charging_window (
    id              BIGINT       PRIMARY KEY,
    charger_id      VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    days_of_week    VARCHAR(100) NOT NULL,              -- MONDAY,TUESDAY,...
    start_minute    INTEGER      NOT NULL,              -- minutes after local midnight, 0-1439
    end_minute      INTEGER      NOT NULL,              -- 1-1440; at or before the start: over midnight
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX charging_window_charger ON charging_window (charger_id);

-- Single-row tables (id = 1).
CREATE TABLE site_limit (
    id              INTEGER      PRIMARY KEY,
    max_current_a   DOUBLE PRECISION NOT NULL,          -- the main fuse, per phase
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tariff (
    id              INTEGER      PRIMARY KEY,
    price_per_kwh   NUMERIC(12, 5) NOT NULL,
    currency        VARCHAR(3)   NOT NULL,              -- ISO 4217
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE charging_session ADD COLUMN tariff_price_per_kwh NUMERIC(12, 5);
ALTER TABLE charging_session ADD COLUMN tariff_currency VARCHAR(3);
