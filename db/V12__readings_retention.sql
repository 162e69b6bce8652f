-- PlugHome schema, version 12: how far old meter readings have been thinned. Raw readings are kept
-- for PLUGHOME_READINGS_RAW_DAYS; older ones are thinned to one per measurand per session per
-- 15 minutes (session/ReadingsRetention), and this row says up to when that is done, so each
-- period is thinned once. Same SQL for H2 and PostgreSQL.

CREATE TABLE retention_mark (
    name        VARCHAR(40)              PRIMARY KEY,
    done_until  TIMESTAMP WITH TIME ZONE NOT NULL
);

