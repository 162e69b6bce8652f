-- PlugHome schema, version 10: the dashboard's sign-in. A browser that signed in with a token keeps
-- an HttpOnly cookie; only the SHA-256 of the cookie's value is stored, with the hash of the token it
-- was made from (a token deleted or changed ends its sign-ins) and the CSRF token the dashboard
-- sends back on every change. Same SQL for H2 and PostgreSQL.

CREATE TABLE ui_session (
    id_hash      VARCHAR(64)  PRIMARY KEY,
    token_hash   VARCHAR(64)  NOT NULL,
    csrf         VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    user_agent   VARCHAR(200)
);
