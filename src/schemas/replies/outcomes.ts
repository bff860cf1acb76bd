// Replies of the service-outcome routes: onward referrals, crisis events, their kinds, and the outcome reports.
import { z } from 'zod';
import type {
  CrisisKind,
  Funnel,
  MeasureDefinition,
  OutcomeSeries,
  PilotRow,
  ReferralDestination,
  ReportTable,
} from '../../domain/outcomes/index.ts';
import type { OutcomeMeasure } from '../../reports/service-outcomes.ts';
import { calendarDate, domainValue, fileReply, instant, orNull } from './common.ts';
import { staffMember } from './patients.ts';

/** GET /outcome-event-kinds: where people are referred on to, and the kinds of crisis event. */
export const outcomeEventKindsReply = z.object({
  referralDestinations: z.array(
    domainValue<ReferralDestination>('A destination: id, label, default target days, source'),
  ),
  crisisKinds: z.array(domainValue<CrisisKind>('A kind of crisis event: id and label')),
});

/** An onward referral with its target date and, once made or cancelled, when. */
export const referralReply = z.object({
  id: z.string(),
  patientId: z.string(),
  serviceId: z.string(),
  destination: z.string(),
  confirmedLevel: z.number().int(),
  decidedOn: calendarDate,
  targetDays: z.number().int(),
  dueOn: calendarDate.describe('decidedOn + targetDays'),
  reason: orNull(z.string()),
  state: z.enum(['pending', 'made', 'cancelled']),
  closedOn: orNull(calendarDate),
  closedNote: orNull(z.string()),
  recordedAt: instant,
  recordedBy: staffMember,
});
export type Referral = z.output<typeof referralReply>;

/** GET /patients/:id/onward-referrals: newest decision first. */
export const referralsReply = z.object({ referrals: z.array(referralReply) });

/** A crisis event, and its retraction when it was recorded in error. */
export const crisisEventReply = z.object({
  id: z.string(),
  patientId: z.string(),
  serviceId: z.string(),
  occurredOn: calendarDate,
  kind: z.string(),
  note: orNull(z.string()),
  recordedAt: instant,
  recordedBy: staffMember,
  retraction: orNull(
    z.object({ reason: z.string(), recordedAt: instant, recordedBy: z.string().describe('User id') }),
  ),
});
export type CrisisEvent = z.output<typeof crisisEventReply>;

/** GET /patients/:id/crisis-events: latest first. */
export const crisisEventsReply = z.object({ events: z.array(crisisEventReply) });

/** The teams and staff a report's scope covers, with their names for the screen. */
export const scopeNamesReply = z.object({
  services: z.array(z.object({ id: z.string(), name: z.string() })),
  practitioners: z.array(staffMember).describe('Everyone working in the teams, for the names a report shows'),
  clinicians: z
    .array(staffMember)
    .describe(
      'Those of the staff holding a clinical role (prescriber, nurse, practitioner, supervisor): the practitioners a report can be filtered to',
    ),
});
export type ScopeNames = z.output<typeof scopeNamesReply>;

const period = z.object({ from: calendarDate, to: calendarDate });
const measureDefinition = domainValue<MeasureDefinition>(
  'A measure: id, family, title, definition and source',
);
const series = domainValue<OutcomeSeries>(
  'Monthly counts, the funnel, per-practitioner and per-team rows (SQL)',
);

/** GET /reports/service-outcomes: every measure beside its definition. */
export const serviceOutcomesReply = z.object({
  period,
  serviceIds: z.array(z.string()),
  practitionerId: orNull(z.string()),
  episodes: z.number().int(),
  names: scopeNamesReply,
  measures: z.array(domainValue<OutcomeMeasure>('One measure: id, definition and value')),
  series,
});
export type ServiceOutcomes = z.output<typeof serviceOutcomesReply>;

/** GET /reports/service-outcomes/series: the charts' figures, fast at national scale. */
export const outcomeSeriesReply = z.object({
  period,
  serviceIds: z.array(z.string()),
  practitionerId: orNull(z.string()),
  names: scopeNamesReply,
  funnel: z.object({ definition: measureDefinition, value: domainValue<Funnel>('The funnel stages') }),
  series,
});

/** One group of a pilot comparison: its scope and label. */
const pilotGroup = z.object({
  label: z.string(),
  from: calendarDate,
  to: calendarDate,
  serviceIds: z.array(z.string()),
  practitionerId: z.string().optional(),
});

/** GET /reports/pilot-comparison. */
export const pilotComparisonReply = z.object({
  first: pilotGroup,
  second: pilotGroup,
  rows: z.array(domainValue<PilotRow>('One measure compared between the two groups')),
  note: z.string(),
});

/** GET /reports/service-outcomes/tables: the tables the exports hold, for the audience. */
export const reportTablesReply = z.object({
  audience: z.enum(['team', 'external']),
  note: z.string(),
  period,
  tables: z.array(
    domainValue<ReportTable>('A table: id, title, columns, rows, whether counts were suppressed'),
  ),
});

export const csvReply = fileReply('text/csv');
export const pdfReply = fileReply('application/pdf');
