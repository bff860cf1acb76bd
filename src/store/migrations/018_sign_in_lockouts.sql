-- Sign-in lockout counters for email addresses that have no account, kept exactly like the counters on users
-- (failed_logins, locked_until), so a locked real account and an unknown address answer alike and repeated
-- guesses at unknown addresses are refused before any password hashing (security.md R9). Not clinical data:
-- counters are updated in place. SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).
CREATE TABLE sign_in_lockouts (
  email_key text PRIMARY KEY,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);

-- Re-authentication attempts (witness, prescriber, current password) share the sign-in attempt log and its
-- per-address limit; the purpose says which kind each was.
ALTER TABLE login_attempts ADD COLUMN purpose text NOT NULL DEFAULT 'login';
