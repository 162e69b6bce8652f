-- PlugHome schema, version 11: ids drawn fifty at a time. A charger's meter readings, sessions and
-- audit entries took one sequence round trip per row; now the server draws a block of 50 and hands
-- them out itself (JPA allocationSize 50, which must equal INCREMENT BY). Ids stay unique across
-- restarts and instances; a restart leaves a gap of at most 49. Same SQL for H2 and PostgreSQL.

ALTER SEQUENCE meter_sample_seq INCREMENT BY 50;
ALTER SEQUENCE charging_session_seq INCREMENT BY 50;
ALTER SEQUENCE audit_entry_seq INCREMENT BY 50;
