// Validates an untrusted protocol (JSON) into a Protocol, or refuses it with every problem found.
import { readObject, readOneOf, readPattern, readText } from '../core/json-read.ts';
import { failure, success, type Outcome, type ProblemList } from './problems.ts';
import { parseIsoDate } from '../core/calendar.ts';
import type { Protocol, ProtocolContent } from './protocol.ts';
import { readCourses } from './protocol-read-courses.ts';
import { readDose, readDuration } from './protocol-read-dose.ts';
import {
  readAlerts,
  readDischarge,
  readMonitoring,
  readPreDose,
  readPreparation,
  readSessions,
  readStaffing,
  readWeightRule,
} from './protocol-read-session.ts';
import { parenteralRoutes, routes } from './protocol-types.ts';

const ROOT = 'protocol';
const FIELDS = [
  'id',
  'version',
  'title',
  'route',
  'publishedAt',
  'summary',
  'dose',
  'duration',
  'courses',
  'monitoring',
  'alerts',
  'weight',
  'preDose',
  'preparation',
  'staffing',
  'sessions',
  'discharge',
];

/** Rules that span sections: parenteral routes stay in the clinic; a course's first dose must be allowed. */
function checkAcrossSections(p: ProblemList, c: ProtocolContent): void {
  if (parenteralRoutes.includes(c.route) && c.sessions.allowed.some((s) => s !== 'clinic')) {
    p.push({
      code: 'route-mismatch',
      path: `${ROOT}.sessions.allowed`,
      text: `Route ${c.route} is parenteral: clinic sessions only (ASKP tenet 8, no medically unsupervised parenteral ketamine).`,
    });
  }
  c.courses.forEach((course, i) => {
    const first = course.firstDose;
    if (first === null) return;
    const allowed = c.dose.kind === 'fixed-devices' && c.dose.allowed.some((a) => a.value === first.value);
    if (!allowed) {
      p.push({
        code: 'inconsistent-range',
        path: `${ROOT}.courses.${i}.firstDose`,
        text: `A first dose of ${first.value} mg needs a fixed-device protocol that allows it.`,
      });
    }
  });
}

/** The protocol, checked field by field (units, sources, ranges, route), or every problem that stops it. */
export function validateProtocol(json: unknown): Outcome<Protocol> {
  const p: ProblemList = [];
  const o = readObject(p, json, ROOT, FIELDS);
  if (o === undefined) return failure(p);
  const route = readOneOf(p, o.route, `${ROOT}.route`, routes);
  const publishedAt = readText(p, o.publishedAt, `${ROOT}.publishedAt`);
  if (publishedAt !== undefined && parseIsoDate(publishedAt) === undefined) {
    p.push({
      code: 'invalid-date',
      path: `${ROOT}.publishedAt`,
      text: 'publishedAt must be a real date written YYYY-MM-DD.',
    });
  }
  const parts = {
    id: readPattern(p, o.id, `${ROOT}.id`, /^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    version: readPattern(
      p,
      o.version,
      `${ROOT}.version`,
      /^\d+\.\d+\.\d+$/,
      'a semantic version such as 1.0.0',
    ),
    title: readText(p, o.title, `${ROOT}.title`),
    route,
    publishedAt,
    summary: readText(p, o.summary, `${ROOT}.summary`),
    dose: readDose(p, o.dose, `${ROOT}.dose`, route),
    duration: readDuration(p, o.duration, `${ROOT}.duration`, route),
    courses: readCourses(p, o.courses, `${ROOT}.courses`),
    monitoring: readMonitoring(p, o.monitoring, `${ROOT}.monitoring`),
    alerts: readAlerts(p, o.alerts, `${ROOT}.alerts`),
    weight: readWeightRule(p, o.weight, `${ROOT}.weight`),
    preDose: readPreDose(p, o.preDose, `${ROOT}.preDose`),
    preparation: readPreparation(p, o.preparation, `${ROOT}.preparation`),
    staffing: readStaffing(p, o.staffing, `${ROOT}.staffing`),
    sessions: readSessions(p, o.sessions, `${ROOT}.sessions`),
    discharge: readDischarge(p, o.discharge, `${ROOT}.discharge`),
  };
  const missing = Object.entries(parts).filter(([, v]) => v === undefined);
  if (p.length > 0 || missing.length > 0) {
    // A part can fail only by pushing a problem; the guard keeps a silent failure from passing.
    return failure(
      p.length > 0
        ? p
        : missing.map(([k]) => ({
            code: 'missing-field',
            path: `${ROOT}.${k}`,
            text: `${k} could not be read.`,
          })),
    );
  }
  const content = parts as ProtocolContent;
  checkAcrossSections(p, content);
  return p.length > 0 ? failure(p) : success(content as Protocol);
}
