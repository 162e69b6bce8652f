-- PlugHome schema, version 4: the owner's idTags, the local authorization list chargers get,
-- the answer given to each session's idTag, and files exchanged with chargers.
-- Same SQL for H2 and PostgreSQL.

-- Every change to the idTags draws the next version of the local authorization list.
CREATE SEQUENCE local_list_version_seq START WITH 1 INCREMENT BY 1;

-- The owner's RFID cards and app tokens. OCPP compares idTags case-insensitively, so the key is
-- the idTag in upper case; id_tag keeps it as the owner wrote it.
CREATE TABLE id_tag (
    id_tag_key      VARCHAR(20)  PRIMARY KEY,
    id_tag          VARCHAR(20)  NOT NULL,
    name            VARCHAR(100),
    status          VARCHAR(16)  NOT NULL,              -- Accepted, Blocked, Expired, Invalid
    expiry_date     TIMESTAMP WITH TIME ZONE,
    parent_id_tag   VARCHAR(20),
    list_version    INTEGER      NOT NULL,              -- the list version of its last change
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every change to the idTags, in order; its version is the list version it made. A
-- differential update to a charger holding version v sends the idTags changed after v (those
-- removed as removals).
CREATE TABLE local_list_change (
    list_version    INTEGER      PRIMARY KEY,
    id_tag_key      VARCHAR(20)  NOT NULL,
    id_tag          VARCHAR(20)  NOT NULL,
    removed         BOOLEAN      NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What each charger holds of the local authorization list, and how the last update ended.
CREATE TABLE charger_local_list (
    charger_id      VARCHAR(255) PRIMARY KEY REFERENCES charger (id) ON DELETE CASCADE,
    list_version    INTEGER,                            -- the version the charger holds (null: not known)
    status          VARCHAR(20),                        -- Accepted, Failed, NotSupported, VersionMismatch, Offline, Timeout, Error
    detail          VARCHAR(1000),
    update_type     VARCHAR(12),                        -- Full or Differential: the last update sent
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The status PlugHome answered to the idTag of the StartTransaction (null: sessions from before).
ALTER TABLE charging_session ADD COLUMN authorization_status VARCHAR(16);

-- Diagnostics files chargers uploaded and firmware files the owner uploaded, kept on disk in
-- the data directory; these rows say which, and under what unguessable link chargers reach them.
CREATE SEQUENCE charger_file_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE charger_file (
    id              BIGINT       PRIMARY KEY,
    kind            VARCHAR(12)  NOT NULL,              -- DIAGNOSTICS or FIRMWARE
    charger_id      VARCHAR(255) REFERENCES charger (id) ON DELETE CASCADE, -- diagnostics: whose
    name            VARCHAR(255) NOT NULL,              -- file name in its folder
    size_bytes      BIGINT       NOT NULL,
    sha256          VARCHAR(64),
    link_token      VARCHAR(64),                        -- firmware: the path part chargers download with
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX charger_file_kind ON charger_file (kind, charger_id);

-- Upload slots: a GetDiagnostics names a location with a one-time token for that charger.
CREATE TABLE upload_slot (
    token           VARCHAR(64)  PRIMARY KEY,
    charger_id      VARCHAR(255) NOT NULL REFERENCES charger (id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
