-- The setup checklist asks whether a service's time zone was ever chosen, from the audit log's service entries.
-- Without an index that question scans the whole log on every page a manager opens; this partial index holds only
-- the entries about services (a handful per service), so appending any other entry costs nothing more.
-- SQL accepted by PostgreSQL 15 and PGlite (PostgreSQL 18).
CREATE INDEX audit_log_service_changes ON audit_log (resource_id) WHERE resource_type = 'Service';
