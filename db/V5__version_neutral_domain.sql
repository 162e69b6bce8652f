-- PlugHome schema, version 5: one domain for OCPP 1.6 and 2.0.1. Same SQL for H2 and PostgreSQL.

-- A transaction id is a string: the charger's own for 2.0.1 (up to 36 characters), the digits of
-- the number the server drew for 1.6. Existing 1.6 ids keep their digits.
ALTER TABLE charging_session ALTER COLUMN transaction_id SET DATA TYPE VARCHAR(36);

-- The EVSE level: a 2.0.1 charger has EVSEs holding connectors; a 1.6 connector N is EVSE N with
-- one connector (connector 0, the charger itself, is EVSE 0). connector_id stays the number
-- clients address a connector by.
ALTER TABLE connector ADD COLUMN evse_id INTEGER;
ALTER TABLE connector ADD COLUMN evse_connector_id INTEGER;
UPDATE connector SET evse_id = connector_id;
UPDATE connector SET evse_connector_id = 1 WHERE connector_id > 0;

ALTER TABLE charging_session ADD COLUMN evse_id INTEGER;
UPDATE charging_session SET evse_id = connector_id;

-- The type of the id token that started a session (2.0.1 ISO14443, eMAID, Central, ...; null for
-- 1.6, whose idTags have no type).
ALTER TABLE charging_session ADD COLUMN id_tag_type VARCHAR(20);

-- The highest TransactionEvent seqNo stored for a 2.0.1 transaction (null for 1.6).
ALTER TABLE charging_session ADD COLUMN last_seq_no INTEGER;
