// Reads a protocol's course schedules (phases by week, sessions per week, first dose) from JSON.
import { readArray, readNullable, readNumber, readObject, readPattern, readText } from '../core/json-read.ts';
import { readSourced } from './read-sourced.ts';
import type { ProblemList } from './problems.ts';
import { checkOrder, readOptionalValue } from './protocol-read-values.ts';
import type { CoursePhase, CourseSchedule } from './protocol-types.ts';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const PHASE_FIELDS = [
  'label',
  'fromWeek',
  'toWeek',
  'sessionsPerWeekMin',
  'sessionsPerWeekMax',
  'totalSessions',
  'doseNote',
  'source',
  'certainty',
];

function readWholeNumber(p: ProblemList, value: unknown, path: string, min: number): number | undefined {
  const n = readNumber(p, value, path, min);
  if (n === undefined || Number.isInteger(n)) return n;
  p.push({ code: 'out-of-range', path, text: `${path} must be a whole number; got ${n}.` });
  return undefined;
}

function readPhase(p: ProblemList, value: unknown, at: string): CoursePhase | undefined {
  const obj = readObject(p, value, at, PHASE_FIELDS);
  if (obj === undefined) return undefined;
  const label = readText(p, obj.label, `${at}.label`);
  const fromWeek = readWholeNumber(p, obj.fromWeek, `${at}.fromWeek`, 1);
  const toWeek = readNullable(obj.toWeek, (v) => readWholeNumber(p, v, `${at}.toWeek`, 1));
  const perWeekMin = readNullable(obj.sessionsPerWeekMin, (v) =>
    readNumber(p, v, `${at}.sessionsPerWeekMin`, 0, 7),
  );
  const perWeekMax = readNullable(obj.sessionsPerWeekMax, (v) =>
    readNumber(p, v, `${at}.sessionsPerWeekMax`, 0, 7),
  );
  const total = readNullable(obj.totalSessions, (v) => readWholeNumber(p, v, `${at}.totalSessions`, 1));
  const doseNote = readNullable(obj.doseNote, (v) => readText(p, v, `${at}.doseNote`));
  const sourced = readSourced(p, obj, at);
  if (fromWeek !== undefined && toWeek) {
    checkOrder(
      p,
      { value: fromWeek },
      { value: toWeek },
      `${at}.toWeek`,
      'A phase must not end before it starts',
    );
  }
  if (perWeekMin && perWeekMax) {
    checkOrder(
      p,
      { value: perWeekMin },
      { value: perWeekMax },
      `${at}.sessionsPerWeekMax`,
      'Sessions a week: most below least',
    );
  }
  if (
    label === undefined ||
    fromWeek === undefined ||
    toWeek === undefined ||
    perWeekMin === undefined ||
    perWeekMax === undefined ||
    total === undefined ||
    doseNote === undefined
  ) {
    return undefined;
  }
  return {
    label,
    fromWeek,
    toWeek,
    sessionsPerWeekMin: perWeekMin,
    sessionsPerWeekMax: perWeekMax,
    totalSessions: total,
    doseNote,
    ...sourced,
  };
}

function readCourse(p: ProblemList, value: unknown, at: string): CourseSchedule | undefined {
  const obj = readObject(p, value, at, ['id', 'label', 'firstDose', 'phases']);
  if (obj === undefined) return undefined;
  const id = readPattern(p, obj.id, `${at}.id`, ID_PATTERN, 'lower-case letters, digits and hyphens');
  const label = readText(p, obj.label, `${at}.label`);
  const firstDose = readOptionalValue(p, obj.firstDose, `${at}.firstDose`, 'mg');
  const list = readArray(p, obj.phases, `${at}.phases`) ?? [];
  const phases = list.map((item, i) => readPhase(p, item, `${at}.phases.${i}`));
  if (id === undefined || label === undefined || firstDose === undefined || obj.phases === undefined) {
    return undefined;
  }
  const read = phases.filter((ph): ph is CoursePhase => ph !== undefined);
  return read.length === phases.length ? { id, label, firstDose, phases: read } : undefined;
}

/** Course schedules, refusing repeated ids. */
export function readCourses(
  p: ProblemList,
  value: unknown,
  at: string,
): readonly CourseSchedule[] | undefined {
  const list = readArray(p, value, at);
  if (list === undefined) return undefined;
  const courses = list.map((item, i) => readCourse(p, item, `${at}.${i}`));
  const seen = new Set<string>();
  courses.forEach((c, i) => {
    if (c === undefined) return;
    if (seen.has(c.id)) {
      p.push({ code: 'invalid-format', path: `${at}.${i}.id`, text: `Course id "${c.id}" is used twice.` });
    }
    seen.add(c.id);
  });
  const read = courses.filter((c): c is CourseSchedule => c !== undefined);
  return read.length === courses.length ? read : undefined;
}
