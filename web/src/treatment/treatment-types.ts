// Treatment-pathway shapes the web client reads and sends: replies from the server's reply schemas, bodies from its
// request schemas, and the client's narrowing of a session event's data by its kind.
import type { z } from 'zod';
import type { ConsentDocument } from '../../../src/domain/consent/documents.ts';
import type {
  DischargeUnmet,
  DoseResult,
  GateBlock,
  Protocol,
  Route,
  SessionSetting,
  VitalAlert,
} from '../../../src/domain/treatment/index.ts';
import type {
  consentReply,
  dischargedReply,
  eligibilityReply,
  protocolListReply,
  referralReply,
  screeningReply,
  sessionDetailReply,
  sessionListReply,
  startedSessionReply,
  vitalsReply,
} from '../../../src/schemas/replies/treatment.ts';
import type {
  administrationSchema,
  consentSchema,
  dischargeSchema,
  doseCalculationSchema,
  eligibilitySchema,
  observationSchema,
  referralSchema,
  startSessionSchema,
  vitalsSchema,
} from '../../../src/schemas/treatment.ts';

export type {
  ConsentDocument,
  DischargeUnmet,
  DoseResult,
  GateBlock,
  Protocol,
  Route,
  SessionSetting,
  VitalAlert,
};

/** Request bodies, as the server's schemas accept them. */
export type ReferralBody = z.input<typeof referralSchema>;
export type EligibilityBody = z.input<typeof eligibilitySchema>;
export type ConsentBody = z.input<typeof consentSchema>;
export type DoseCalculationBody = z.input<typeof doseCalculationSchema>;
export type StartSessionBody = z.input<typeof startSessionSchema>;
export type VitalsBody = z.input<typeof vitalsSchema>;
export type AdministrationBody = z.input<typeof administrationSchema>;
export type ObservationBody = z.input<typeof observationSchema>;
export type DischargeBody = z.input<typeof dischargeSchema>;

export type PregnancyStatus = EligibilityBody['checklist']['pregnancyStatus'];
export type EligibilityDecision = EligibilityBody['decision'];
export type ObservationKind = ObservationBody['kind'];

/** A rule's refusal or flag as listed to the clinician: what it says and where it comes from. */
export interface RuleItem {
  code: string;
  text: string;
  source: string;
}

/** One entry of GET /protocols. */
export type ProtocolSummary = z.output<typeof protocolListReply>['protocols'][number];

/** The reply to POST /patients/:id/referrals. */
export type RecordedReferral = z.output<typeof referralReply>;

/** The reply to POST /patients/:id/eligibility. */
export type SignedEligibility = z.output<typeof eligibilityReply>;

/** What an eligibility decision flagged: the patient's medications and the contraindications marked present. */
export type EligibilityFlags = SignedEligibility['flags'];

/** GET /patients/:id/eligibility. */
export type ScreeningRecord = z.output<typeof screeningReply>;

export type EligibilityEntry = ScreeningRecord['decisions'][number];

/** One consent as the consent routes show it. */
export type ConsentView = z.output<typeof consentReply>;

/** One session of GET /patients/:id/treatment-sessions. */
export type SessionSummary = z.output<typeof sessionListReply>['sessions'][number];

/** A caution or warning a rule raised at session start, as the start form lists it (client-only). */
export interface StartNote {
  code: string;
  text: string;
  source: string;
}

/** The reply to POST /patients/:id/treatment-sessions. */
export type StartedSession = z.output<typeof startedSessionReply>;

/** What a reading's urgent alerts raised (POST /treatment-sessions/:id/vitals). */
export type SessionAlertOutcome = Pick<z.output<typeof vitalsReply>, 'raised' | 'suggestedActions'>;

export type VitalsData = z.output<typeof vitalsSchema> & { alerts: VitalAlert[]; baseline?: true };

type AdministrationFields = Omit<z.output<typeof administrationSchema>, 'event' | 'at'>;
/** What an administration event stores: each field, or null when it was not given. */
export type AdministrationData = { [K in keyof AdministrationFields]-?: AdministrationFields[K] | null };

export type AdministrationKind = `administration-${AdministrationBody['event']}`;

type SessionDetailReply = z.output<typeof sessionDetailReply>;

/** One entry of a session's flowsheet, its data narrowed by its kind (the client's reading of the reply). */
export type SessionEvent = Omit<SessionDetailReply['events'][number], 'kind' | 'data'> &
  (
    | { kind: 'vitals'; data: VitalsData }
    | { kind: AdministrationKind; data: AdministrationData }
    | { kind: ObservationKind; data: { score: number | null; text: string | null } }
  );

/** GET /treatment-sessions/:id, with its events narrowed. */
export type SessionDetail = Omit<SessionDetailReply, 'events'> & { events: SessionEvent[] };

/** The reply to POST /treatment-sessions/:id/discharge. */
export type Discharged = z.output<typeof dischargedReply>;
