-- PlugHome schema, version 6: what OCPP 2.0.1 chargers report beyond 1.6. Same SQL for H2 and PostgreSQL.

-- EclipseLink draws 50 ids per value (allocationSize 50): the value is the last id of its block.
CREATE SEQUENCE security_event_seq START WITH 50 INCREMENT BY 50;

-- SecurityEventNotification: a charger's security log (failed logins, firmware checks, resets, ...).
CREATE TABLE security_event (
    id            BIGINT       PRIMARY KEY,
    charger_id    VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    event_type    VARCHAR(50)  NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    tech_info     VARCHAR(255),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX security_event_charger ON security_event (charger_id, occurred_at);

-- The device model a 2.0.1 charger reports (NotifyReport): one row per component, variable and
-- attribute type, keyed by all of them written as one string.
CREATE TABLE device_variable (
    charger_id          VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    variable_key        VARCHAR(300) NOT NULL,
    component           VARCHAR(50)  NOT NULL,
    component_instance  VARCHAR(50),
    evse_id             INTEGER,
    evse_connector_id   INTEGER,
    variable            VARCHAR(50)  NOT NULL,
    variable_instance   VARCHAR(50),
    attribute_type      VARCHAR(10)  NOT NULL,     -- Actual, Target, MinSet, MaxSet
    attribute_value     VARCHAR(2500),
    mutability          VARCHAR(10),               -- ReadOnly, WriteOnly, ReadWrite
    data_type           VARCHAR(20),
    unit                VARCHAR(16),
    values_list         VARCHAR(1000),
    reported_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (charger_id, variable_key)
);
