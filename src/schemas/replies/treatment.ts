// Replies of the treatment pathway's routes: sessions (start, detail, vitals, administration, discharge), REMS,
// screening (referrals, eligibility), shared care, protocols and dose calculations. The web takes its types here.
import { z } from 'zod';
import type { ConsentDocument } from '../../domain/consent/documents.ts';
import type { SuggestedAction } from '../../domain/treatment/alert-actions.ts';
import type { DischargeSummary } from '../../domain/treatment/discharge-summary.ts';
import type { EligibilityFlags } from '../../domain/treatment/eligibility-flags.ts';
import type { StoredDose, StoredReading } from '../../domain/treatment/session-record.ts';
import type {
  DoseResult,
  GateBlock,
  Indication,
  IndicationCheck,
  Protocol,
  RemsMonitoringRecord,
  Route,
  SessionPreCheck,
  SessionSetting,
  TreatmentProblem,
  VitalAlert,
} from '../../domain/treatment/index.ts';
import type { ProtocolSetting, SettingOverrides } from '../../domain/treatment/protocol-settings.ts';
import type { RemsMedicationAnswers } from '../../domain/treatment/rems-fill.ts';
import type { eligibilitySchema } from '../treatment.ts';
import { calendarDate, confirmedReply, domainValue, instant, orNull } from './common.ts';

type EligibilityBody = z.output<typeof eligibilitySchema>;

const storedDose = domainValue<StoredDose>('The checked dose calculation the session runs on');
const setting = domainValue<SessionSetting>('Where the session takes place: clinic, home or remote');

// Sessions

/** POST /patients/:id/treatment-sessions. */
export const startedSessionReply = z.object({
  id: z.string(),
  protocol: z.string().describe('The protocol reference, "id@version"'),
  dose: storedDose,
  prechecks: domainValue<SessionPreCheck>('Every pre-check with its result, cautions included'),
  warnings: domainValue<readonly GateBlock[]>('Warnings from the session history (minimum interval)'),
  firstSession: z.object({
    value: z.boolean(),
    fromHistory: z.boolean().describe('Always true: derived from the session history'),
    declaredIgnored: z.boolean().optional(),
    note: z.string().optional(),
  }),
});

/** GET /patients/:id/treatment-sessions. */
export const sessionListReply = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      protocol: z.string(),
      setting,
      startedAt: instant,
      dose: storedDose,
      dischargedAt: orNull(instant),
    }),
  ),
});

/** GET /treatment-sessions/:id. */
export const sessionDetailReply = z.object({
  id: z.string(),
  patientId: z.string(),
  protocol: z.string(),
  setting,
  startedAt: instant,
  baseline: domainValue<StoredReading>('The baseline reading'),
  dose: storedDose,
  prechecks: domainValue<Readonly<Record<string, unknown>>>('The answers and results of the pre-checks'),
  administration: z.object({
    status: z.enum(['not-started', 'running', 'stopped']),
    plannedMg: z.number(),
    startedMg: orNull(z.number()),
    givenMg: orNull(z.number()),
    leftOverMg: orNull(z.number()),
    stoppedEarly: orNull(z.boolean()),
  }),
  events: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      at: instant,
      data: domainValue<Readonly<Record<string, unknown>>>('The event as recorded (by kind)'),
      recordedBy: z.string(),
    }),
  ),
  discharge: orNull(
    z.object({
      dischargedAt: instant,
      noDrivingUntil: orNull(instant),
      summary: domainValue<Partial<DischargeSummary>>(
        'The discharge summary as stored (older discharges lack the later fields)',
      ),
      pdfPath: z.string(),
    }),
  ),
});

/** POST /treatment-sessions/:id/vitals: the reading, its alerts, and what its urgent alerts raised. */
export const vitalsReply = z.object({
  id: z.number(),
  alerts: domainValue<readonly VitalAlert[]>('The alerts this reading raised'),
  raised: z.array(
    z.object({
      code: domainValue<VitalAlert['code']>('The vital-sign alert code'),
      alertId: z.string(),
      newAlert: z.boolean().describe('False when an open alert for this session and code already existed'),
      readings: z.number().describe('Readings in this session with this urgent alert, this one included'),
      taskIds: z.array(z.string()),
      suggestedAction: domainValue<SuggestedAction>('The protocol’s suggested response'),
    }),
  ),
  suggestedActions: domainValue<readonly SuggestedAction[]>(
    'The suggested response to every alert, most urgent first',
  ),
});

/** POST /treatment-sessions/:id/administration. */
export const administrationReply = z.object({
  id: z.number(),
  event: z.enum(['administration-start', 'administration-rate-change', 'administration-stop']),
  at: instant,
  given: z
    .object({
      doseMg: orNull(z.number()),
      plannedMg: orNull(z.number()),
      leftOverMg: z.number(),
      stoppedEarly: z.boolean(),
    })
    .optional(),
  wasteDue: orNull(z.object({ mg: z.number(), productId: z.string(), locationId: z.string() })).optional(),
});

/** POST /treatment-sessions/:id/observations. */
export const observationReply = z.object({ id: z.number() });

/** POST /treatment-sessions/:id/discharge: the stored summary and where its PDF is. */
export const dischargedReply = z.object({
  dischargedAt: instant,
  protocol: z.string(),
  dose: domainValue<DischargeSummary['dose']>('The dose plan'),
  administrationStartedAt: instant,
  administrationEndedAt: instant,
  noDrivingUntil: instant,
  noDrivingRule: z.string(),
  ifUnwell: z.string(),
  vitals: domainValue<DischargeSummary['vitals']>('Readings after dosing'),
  alerts: domainValue<DischargeSummary['alerts']>('Every alert of the session with its time and level'),
  doseGivenMg: orNull(z.number()),
  bpCheckpoints: domainValue<DischargeSummary['bpCheckpoints']>(
    'Each fixed BP check with the reading that counted',
  ),
  prescriber: orNull(z.string()),
  pdfPath: z.string(),
});

// REMS

/** GET /treatment-sessions/:id/rems-record. */
export const remsRecordReply = z.object({
  record: domainValue<RemsMonitoringRecord>(
    'The REMS Patient Monitoring Form, as far as the record fills it',
  ),
  problems: domainValue<readonly TreatmentProblem[]>('What the form still lacks'),
  concomitantMedicationSuggestion: z.object({
    answers: domainValue<RemsMedicationAnswers>('The name matcher’s suggestion (never the form’s answer)'),
    limitation: z.string(),
    confirmed: orNull(z.object({ by: z.string(), at: instant })),
  }),
});

/** POST /treatment-sessions/:id/rems-medication. */
export const remsMedicationReply = z.object({
  confirmed: z.literal(true),
  at: instant,
  answers: domainValue<RemsMedicationAnswers>('The answers as confirmed'),
});

/** POST /treatment-sessions/:id/rems-submission. */
export const remsSubmittedReply = confirmedReply('submitted');

/** One dose on the REMS tracker: when its patient monitoring form is due and whether it was submitted. */
const remsTrackerItem = z.object({
  sessionId: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  dosedAt: instant,
  dueAt: instant,
  status: z.enum(['submitted', 'due', 'overdue', 'invalid-time']),
  submittedAt: orNull(instant),
});

/** GET /rems/tracker. */
export const remsTrackerReply = z.object({ items: z.array(remsTrackerItem) });

// Screening

/** POST /patients/:id/referrals. */
export const referralReply = z.object({
  id: z.string(),
  indication: domainValue<Indication | null>('The indication, when on the list'),
  flags: domainValue<IndicationCheck['flags']>('Indication flags'),
});

/** What an eligibility decision flagged: the patient's medications and the contraindications marked present. */
const eligibilityFlags = domainValue<EligibilityFlags>(
  'Interaction flags (with the matcher’s limitation) and the contraindications marked present, pregnancy first',
);
const decision = domainValue<EligibilityBody['decision']>('The prescriber’s decision');

/** POST /patients/:id/eligibility. */
export const eligibilityReply = z.object({ id: z.string(), decision, flags: eligibilityFlags });

/** GET /patients/:id/eligibility: the referrals and the signed decisions, newest first. */
export const screeningReply = z.object({
  referrals: z.array(
    z.object({
      id: z.string(),
      indication: z.string(),
      indicationOther: orNull(z.string()),
      flags: domainValue<IndicationCheck['flags']>('Indication flags'),
      referrer: orNull(z.string()),
      receivedOn: orNull(calendarDate),
      recordedAt: instant,
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      route: domainValue<Route>('The route decided on'),
      checklist: domainValue<
        EligibilityBody['checklist'] & { contraindications: EligibilityBody['contraindications'] }
      >('The checklist as signed'),
      flags: eligibilityFlags,
      decision,
      note: orNull(z.string()),
      signedAt: instant,
      signedBy: z.string(),
    }),
  ),
});

// Consents

export const consentDocumentsReply = z.object({
  documents: domainValue<readonly ConsentDocument[]>('The consent documents, each version per route'),
});

/** One consent as the consent routes show it. */
export const consentReply = z.object({
  id: z.string(),
  patientId: z.string(),
  route: domainValue<Route>('The route consented to'),
  documentId: z.string(),
  documentVersion: z.string(),
  signature: z.object({ kind: z.enum(['typed', 'drawn']), name: z.string() }),
  witness: orNull(z.string()),
  signedAt: instant,
  recordedBy: z.string(),
  active: z.boolean(),
  withdrawn: orNull(z.object({ at: instant, reason: orNull(z.string()) })),
  pdfPath: z.string(),
});

export const consentListReply = z.object({ consents: z.array(consentReply) });

/** POST /consents/:id/withdraw. */
export const withdrawnReply = confirmedReply('withdrawn');

// Shared care

/** A preparation or integration session, with who recorded it. */
const therapySession = z.object({
  id: z.string(),
  kind: z.string(),
  dosingSessionId: orNull(z.string()),
  heldAt: instant,
  durationMinutes: z.number(),
  notes: z.string(),
  recordedBy: z.string(),
});

/** GET /patients/:id/shared-care. */
export const sharedCareReply = z.object({
  therapySessions: z.array(therapySession),
  messages: z.array(
    z.object({ id: z.string(), text: z.string(), sentAt: instant, from: z.string(), to: orNull(z.string()) }),
  ),
  questionnairesDue: z.array(
    z.object({ instrument: z.string(), due: z.boolean(), lastCompletedAt: orNull(instant) }),
  ),
});

// Protocols and doses

/** GET /protocols. */
export const protocolListReply = z.object({
  protocols: z.array(
    z.object({
      id: z.string(),
      version: domainValue<Protocol['version']>('The protocol version'),
      ref: z.string(),
      title: z.string(),
      route: domainValue<Route>('The route'),
      summary: domainValue<Protocol['summary']>('What the protocol is for'),
    }),
  ),
});

/** GET /protocols/:id: the protocol (with ?service=, as that service uses it, with its settings version). */
export const protocolReply = domainValue<
  Protocol & { serviceSettings?: { version: number; changedAt: string } | null }
>('The protocol; with ?service=, its settings applied and `serviceSettings` naming the version');

/** POST /dose-calculations. */
export const doseReply = domainValue<DoseResult>('The checked dose calculation');

const settingsVersion = z.object({
  version: z.number(),
  settings: domainValue<SettingOverrides>('The complete set of overrides in this version'),
  reason: z.string(),
  changedAt: instant,
  changedBy: z.object({ id: z.string(), name: z.string() }),
});

/** GET /services/:serviceId/protocols/:id/settings. */
export const protocolSettingsReply = z.object({
  serviceId: z.string(),
  protocol: z.string(),
  version: orNull(z.number()),
  settings: domainValue<ProtocolSetting[]>('Every setting with its default, value and source'),
  versions: z.array(settingsVersion),
});

/** POST /services/:serviceId/protocols/:id/settings. */
export const protocolSettingsChangedReply = z.object({
  serviceId: z.string(),
  protocol: z.string(),
  version: z.number(),
  settings: domainValue<ProtocolSetting[]>('Every setting with its default, value and source'),
});
