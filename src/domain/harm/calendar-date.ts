// Calendar dates of src/domain/core/calendar.ts, under the path the register's read routes import.
export { isoDate, type IsoDate } from '../core/calendar.ts';
