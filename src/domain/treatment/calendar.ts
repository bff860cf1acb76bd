// The instant arithmetic of src/domain/core/calendar.ts, under the path the session gates and discharge rules import.
export { addMinutes, isValidInstant, minutesBetween, startOfNextLocalDay } from '../core/calendar.ts';
