-- PlugHome schema, version 7: the owner's idTags as OCPP 2.0.1 idTokens. Same SQL for H2 and PostgreSQL.

-- 2.0.1 idTokens have up to 36 characters (1.6 idTags 20; longer ones are left out of a 1.6
-- charger's local list, and answered by the server as before).
ALTER TABLE id_tag ALTER COLUMN id_tag_key SET DATA TYPE VARCHAR(36);
ALTER TABLE id_tag ALTER COLUMN id_tag SET DATA TYPE VARCHAR(36);
ALTER TABLE id_tag ALTER COLUMN parent_id_tag SET DATA TYPE VARCHAR(36);
ALTER TABLE local_list_change ALTER COLUMN id_tag_key SET DATA TYPE VARCHAR(36);
ALTER TABLE local_list_change ALTER COLUMN id_tag SET DATA TYPE VARCHAR(36);

-- The token's type, as a 2.0.1 charger's local list needs it (ISO14443, ISO15693, eMAID, KeyCode,
-- Local, MacAddress, Central, NoAuthorization); null: not said, sent as ISO14443 (an RFID card).
ALTER TABLE id_tag ADD COLUMN token_type VARCHAR(20);
