-- System clients (SMART Backend Services): a machine that reads FHIR without a person signing in. Each acts
-- through a users row of its own (no password, no roles, so it cannot sign in) so audit entries name it, and
-- sees the services that user is in. Its current public key set is on the client; every set it ever had is kept
-- in system_client_keys (append-only). Assertion ids already used (replay refusal) and the SHA-256 hashes of
-- the access tokens issued are kept until they expire. SQL accepted by PostgreSQL 15 and PGlite.
CREATE TABLE system_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES users(id),
  name text NOT NULL,
  jwks jsonb NOT NULL,
  key_version integer NOT NULL DEFAULT 1,
  scope text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE system_client_keys (
  client_id uuid NOT NULL REFERENCES system_clients(id),
  version integer NOT NULL,
  jwks jsonb NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, version)
);
CREATE TRIGGER system_client_keys_no_change BEFORE UPDATE OR DELETE ON system_client_keys
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER system_client_keys_no_truncate BEFORE TRUNCATE ON system_client_keys
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();

CREATE TABLE system_client_jtis (
  client_id uuid NOT NULL REFERENCES system_clients(id),
  jti text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, jti)
);
CREATE INDEX system_client_jtis_expiry ON system_client_jtis (expires_at);

CREATE TABLE system_client_tokens (
  token_hash text PRIMARY KEY,
  client_id uuid NOT NULL REFERENCES system_clients(id),
  scope text NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX system_client_tokens_expiry ON system_client_tokens (expires_at);
