-- PlugHome schema, version 9: the owner's pause of a charger (held at 0 A, the session kept open),
-- set from Home Assistant's charge switch or the API, lifted by resume or when the session ends.
-- Same SQL for H2 and PostgreSQL.

ALTER TABLE charger_rules ADD COLUMN paused BOOLEAN DEFAULT FALSE NOT NULL;
