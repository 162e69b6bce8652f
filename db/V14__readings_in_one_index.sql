-- PlugHome schema, version 14: a stored meter reading enters one index instead of four. The table
-- had its two named indexes, (session_id, sampled_at) and (charger_id, sampled_at), and H2 had
-- added one more for each of its two foreign keys (H2 only reuses an index of exactly the key's
-- columns). At 10,000 chargers each of those is a B-tree entered at as many places as there are
-- chargers, rewritten at every group commit: five to two B-trees halved the CPU and the file
-- bytes of inserting readings (docs/performance.md, "Meter readings in one index").
--
-- What the other indexes served is served otherwise now: a session's readings are found on the
-- charger's index between the session's first and last reading times (kept on the session, filled
-- here from the readings already stored), and removing a charger removes its readings itself
-- (ChargerService.remove) instead of by a cascade. The readings are copied into a table made the
-- same way without the keys. Same SQL for H2 and PostgreSQL.

ALTER TABLE charging_session ADD COLUMN first_reading_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE charging_session ADD COLUMN last_reading_at TIMESTAMP WITH TIME ZONE;
UPDATE charging_session
   SET first_reading_at = (SELECT MIN(m.sampled_at) FROM meter_sample m WHERE m.session_id = charging_session.id),
       last_reading_at = (SELECT MAX(m.sampled_at) FROM meter_sample m WHERE m.session_id = charging_session.id);

CREATE TABLE meter_sample_v14 (
    id              BIGINT       PRIMARY KEY,
    charger_id      VARCHAR(255) NOT NULL,
    connector_id    INTEGER      NOT NULL,
    session_id      BIGINT,
    sampled_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    measurand       VARCHAR(60)  NOT NULL,
    phase           VARCHAR(10),
    location        VARCHAR(20),
    context         VARCHAR(30),
    unit            VARCHAR(20),
    raw_value       VARCHAR(100) NOT NULL,
    numeric_value   DOUBLE PRECISION
);
INSERT INTO meter_sample_v14 (id, charger_id, connector_id, session_id, sampled_at, measurand, phase, location,
                              context, unit, raw_value, numeric_value)
    SELECT id, charger_id, connector_id, session_id, sampled_at, measurand, phase, location, context, unit,
           raw_value, numeric_value
      FROM meter_sample;
DROP TABLE meter_sample;
ALTER TABLE meter_sample_v14 RENAME TO meter_sample;
CREATE INDEX meter_sample_charger ON meter_sample (charger_id, sampled_at);
