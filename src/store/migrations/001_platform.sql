-- Platform: services, users, sessions, settings, patients (versioned), timeline, audit log, break-glass.
-- SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text,
  roles text[] NOT NULL DEFAULT '{}',
  disabled boolean NOT NULL DEFAULT false,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint NOT NULL DEFAULT 0,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  invite_token_hash text,
  invite_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE user_services (
  user_id uuid NOT NULL REFERENCES users(id),
  service_id uuid NOT NULL REFERENCES services(id),
  PRIMARY KEY (user_id, service_id)
);

CREATE TABLE staff_credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  identifier text,
  issued_on date,
  expires_on date,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_credentials_user ON staff_credentials (user_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  ip text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  email_key text NOT NULL,
  ip text NOT NULL,
  success boolean NOT NULL
);
CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- A patient's identity; its content lives in immutable versions.
CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services(id),
  current_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patients_service ON patients (service_id);

CREATE TABLE patient_versions (
  patient_id uuid NOT NULL REFERENCES patients(id),
  version integer NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  nhs_number text,
  mrn text,
  data jsonb NOT NULL,
  reason text,
  recorded_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (patient_id, version)
);
CREATE INDEX patient_versions_names ON patient_versions (lower(family_name), lower(given_name));
CREATE INDEX patient_versions_birth ON patient_versions (birth_date);
CREATE INDEX patient_versions_nhs ON patient_versions (nhs_number);
CREATE INDEX patient_versions_mrn ON patient_versions (mrn);

CREATE TABLE timeline_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  occurred_at timestamptz NOT NULL,
  kind text NOT NULL,
  summary text NOT NULL,
  ref_type text,
  ref_id text,
  actor_id uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX timeline_events_patient ON timeline_events (patient_id, occurred_at);

CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  reason text NOT NULL,
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX break_glass_user_patient ON break_glass_grants (user_id, patient_id, expires_at);

CREATE TABLE break_glass_reviews (
  grant_id uuid PRIMARY KEY REFERENCES break_glass_grants(id),
  reviewed_by uuid NOT NULL REFERENCES users(id),
  reviewed_at timestamptz NOT NULL,
  note text NOT NULL
);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  patient_id uuid,
  outcome text NOT NULL,
  ip text,
  request_id text,
  flagged boolean NOT NULL DEFAULT false,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, seq);

-- Records that must never change once written: refuse UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION kaspr_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kaspr: % on % is not allowed: records are append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER patient_versions_no_change BEFORE UPDATE OR DELETE ON patient_versions
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER patient_versions_no_truncate BEFORE TRUNCATE ON patient_versions
  FOR EACH STATEMENT EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER timeline_events_no_change BEFORE UPDATE OR DELETE ON timeline_events
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER break_glass_grants_no_change BEFORE UPDATE OR DELETE ON break_glass_grants
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER break_glass_reviews_no_change BEFORE UPDATE OR DELETE ON break_glass_reviews
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();
CREATE TRIGGER staff_credentials_no_change BEFORE UPDATE OR DELETE ON staff_credentials
  FOR EACH ROW EXECUTE FUNCTION kaspr_refuse_change();

-- A patient row may only move its pointer forward to a newer version; it is never deleted.
CREATE FUNCTION kaspr_patient_pointer_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'kaspr: patients are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.created_at <> OLD.created_at OR NEW.current_version <= OLD.current_version THEN
    RAISE EXCEPTION 'kaspr: a patient changes only by a new version' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER patients_pointer_only BEFORE UPDATE OR DELETE ON patients
  FOR EACH ROW EXECUTE FUNCTION kaspr_patient_pointer_only();
