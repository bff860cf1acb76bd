-- Services gain the details printed on patient documents: the time zone clock times are shown in (IANA name,
-- checked by the API), the clinic's phone number and an address line. Services are configuration, not clinical rows.
ALTER TABLE services ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/London';
ALTER TABLE services ADD COLUMN phone text;
ALTER TABLE services ADD COLUMN address text;
