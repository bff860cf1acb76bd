// Treatment-pathway shapes the web client reads and sends, taken from the server's domain types and request schemas.
import type { z } from 'zod';
import type { ConsentDocument } from '../../../src/domain/consent/documents.ts';
import type {
  ContraindicationCheck,
  DischargeUnmet,
  DoseResult,
  GateBlock,
  Indication,
  IndicationCheck,
  InteractionFlag,
  Protocol,
  Route,
  SessionSetting,
  VitalAlert,
} from '../../../src/domain/treatment/index.ts';
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
export type ProtocolSummary = Pick<Protocol, 'id' | 'version' | 'title' | 'route' | 'summary'> & {
  ref: string;
};

/** The reply to POST /patients/:id/referrals. */
export type RecordedReferral = IndicationCheck & { id: string; indication: Indication | null };

/** What an eligibility decision flagged: the patient's medications and the contraindications marked present. */
export interface EligibilityFlags {
  interactions: InteractionFlag[];
  contraindications: ContraindicationCheck;
}

/** The reply to POST /patients/:id/eligibility. */
export interface SignedEligibility {
  id: string;
  decision: EligibilityDecision;
  flags: EligibilityFlags;
}

/** GET /patients/:id/eligibility (the route builds both lists inline from its rows). */
export interface ScreeningRecord {
  referrals: {
    id: string;
    indication: string;
    indicationOther: string | null;
    flags: IndicationCheck['flags'];
    referrer: string | null;
    receivedOn: string | null;
    recordedAt: string;
  }[];
  decisions: {
    id: string;
    route: Route;
    checklist: EligibilityBody['checklist'] & { contraindications: EligibilityBody['contraindications'] };
    flags: EligibilityFlags;
    decision: EligibilityDecision;
    note: string | null;
    signedAt: string;
    signedBy: string;
  }[];
}

export type EligibilityEntry = ScreeningRecord['decisions'][number];

/** One consent as the consent routes show it. */
export interface ConsentView {
  id: string;
  patientId: string;
  route: Route;
  documentId: string;
  documentVersion: string;
  signature: { kind: ConsentBody['signature']['kind']; name: string };
  witness: string | null;
  signedAt: string;
  recordedBy: string;
  active: boolean;
  withdrawn: { at: string; reason: string | null } | null;
  pdfPath: string;
}

/** One session of GET /patients/:id/treatment-sessions. */
export interface SessionSummary {
  id: string;
  /** The protocol reference, "id@version". */
  protocol: string;
  setting: SessionSetting;
  startedAt: string;
  dose: DoseResult;
  dischargedAt: string | null;
}

/** A caution or warning a rule raised at session start, with its source. */
export interface StartNote {
  code: string;
  text: string;
  source: string;
}

/** The reply to POST /patients/:id/treatment-sessions. */
export interface StartedSession {
  id: string;
  protocol: string;
  dose: DoseResult;
  /** Cautions that do not block (a pregnancy recorded at eligibility). */
  prechecks?: { cautions?: StartNote[] };
  /** Warnings from the session history (a session within the minimum interval). */
  warnings?: StartNote[];
}

export type VitalsData = z.output<typeof vitalsSchema> & { alerts: VitalAlert[]; baseline?: true };

type AdministrationFields = Omit<z.output<typeof administrationSchema>, 'event' | 'at'>;
/** What an administration event stores: each field, or null when it was not given. */
export type AdministrationData = { [K in keyof AdministrationFields]-?: AdministrationFields[K] | null };

export type AdministrationKind = `administration-${AdministrationBody['event']}`;

interface EventBase {
  id: number;
  at: string;
  recordedBy: string;
}

/** One entry of a session's flowsheet. */
export type SessionEvent =
  | (EventBase & { kind: 'vitals'; data: VitalsData })
  | (EventBase & { kind: AdministrationKind; data: AdministrationData })
  | (EventBase & { kind: ObservationKind; data: { score: number | null; text: string | null } });

/** What the discharge stored, shown again on the session. */
export interface DischargeSummary {
  noDrivingRule: string;
  ifUnwell: string;
  administrationStartedAt: string;
  administrationEndedAt: string;
}

/** GET /treatment-sessions/:id. */
export interface SessionDetail {
  id: string;
  patientId: string;
  protocol: string;
  setting: SessionSetting;
  startedAt: string;
  baseline: VitalsBody;
  dose: DoseResult;
  events: SessionEvent[];
  discharge: {
    dischargedAt: string;
    noDrivingUntil: string | null;
    summary: DischargeSummary;
    pdfPath: string;
  } | null;
}

/** The reply to POST /treatment-sessions/:id/discharge. */
export type Discharged = DischargeSummary & {
  dischargedAt: string;
  noDrivingUntil: string;
  pdfPath: string;
};
