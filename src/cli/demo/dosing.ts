// One dosing session as the treatment routes record it, written with the protocol's own rules: the pre-checks and
// history gate, the dose, the administration drawn from the register (and the rest of the vial wasted with a
// witness), vitals with their alerts (urgent ones leave the session as alerts and tasks), and a safe discharge.
import {
  administrationCheck,
  plannedDoseOf,
  type AdministrationSession,
} from '../../domain/treatment/administration.ts';
import { administrationData } from '../../domain/treatment/administration-record.ts';
import { clinicToday } from '../../domain/treatment/clinic-day.ts';
import { dischargeRecord, type RecordedSessionEvent } from '../../domain/treatment/discharge-events.ts';
import { dischargeSummary } from '../../domain/treatment/discharge-summary.ts';
import {
  beatsPerMinute,
  breathsPerMinute,
  calculateDose,
  dischargeCheck,
  kilograms,
  milligrams,
  minutes,
  mmHg,
  percent,
  protocolRef,
  sessionPreChecks,
  vitalAlerts,
  type Protocol,
  type VitalSigns,
} from '../../domain/treatment/index.ts';
import { noDrivingShort } from '../../domain/treatment/no-driving-text.ts';
import { sessionHistoryCheck, type PastSession } from '../../domain/treatment/session-history.ts';
import type { Queryable } from '../../store/db.ts';
import { addSessionEvent, insertDischarge, insertSession } from '../../store/treatment.ts';
import { addMinutes } from './clock.ts';
import type { DemoRegister } from './cd-register.ts';
import { recordDemoChange } from './record.ts';
import { raiseUrgentAlerts } from './session-alerts.ts';
import type { Random } from './random.ts';
import { reading, type DemoVitals, type RestingVitals } from './vitals.ts';

/** Who and what a session needs; `past` is the person's session history, kept in memory between sessions. */
export interface DosingPerson {
  patientId: string;
  serviceId: string;
  consentId: string;
  weight: { kg: number; measuredOn: string };
  resting: RestingVitals;
  pregnancyStatus: 'not-applicable' | 'not-pregnant';
  past: PastSession[];
}

export interface DosingStaff {
  prescriberId: string;
  prescriberName: string;
  nurseId: string;
}

const vitalSigns = (v: DemoVitals): VitalSigns => ({
  systolic: mmHg(v.systolic),
  diastolic: mmHg(v.diastolic),
  heartRate: beatsPerMinute(v.heartRate),
  spo2: percent(v.spo2),
  respiratoryRate: breathsPerMinute(v.respiratoryRate),
  takenAt: new Date(v.takenAt),
});

const refused = (what: string, detail: unknown): Error =>
  new Error(`demo ${what} refused by the rules: ${JSON.stringify(detail)}`);

/** Records a whole session starting at `start`; returns its id. `surge` gives one hypertensive reading. */
export async function recordDosingSession(
  tx: Queryable,
  s: {
    random: Random;
    person: DosingPerson;
    staff: DosingStaff;
    register: DemoRegister;
    protocol: Protocol;
    timeZone: string;
    start: Date;
    mgPerKgDose: number;
    surge: boolean;
  },
): Promise<string> {
  const { random, person, staff, register, protocol, start } = s;
  const today = clinicToday(start, s.timeZone);
  const baseline = reading(random, person.resting, addMinutes(start, -10), 0);
  const history = sessionHistoryCheck({ protocol, now: start, sessions: person.past });
  const checks = sessionPreChecks({
    protocol,
    consent: { active: true, route: protocol.route },
    eligibility: { signed: true, pregnancyStatus: person.pregnancyStatus },
    baseline: vitalSigns(baseline),
    now: start,
    escortConfirmed: true,
    fastingConfirmed: true,
    newContraindication: false,
    aclsClinicianPresent: true,
    setting: 'clinic',
    acknowledgedByPrescriber: true,
  });
  const blocks = [...checks.blocks, ...history.blocks];
  if (blocks.length > 0) throw refused('session start', blocks);
  const calculated = calculateDose({
    protocol,
    weight: { kg: kilograms(person.weight.kg), measuredOn: person.weight.measuredOn },
    today,
    // A whole, even number of mg: its 40-min rate is a whole number of mg/h. (An odd half-mg dose, e.g. 28.5 mg,
    // gives a planned rate rounded up to 42.8 mg/h, which the administration check refuses as above the
    // protocol's fastest rate of 42.75 mg/h.)
    doseMg: milligrams(2 * Math.ceil((s.mgPerKgDose * person.weight.kg) / 2)),
    durationMin: minutes(40),
    firstSession: history.firstSession,
  });
  if (!calculated.ok) throw refused('dose', calculated.problems);
  const dose = JSON.parse(JSON.stringify(calculated.value)) as Record<string, unknown>;
  const sessionId = await insertSession(tx, {
    patientId: person.patientId,
    serviceId: person.serviceId,
    protocolRef: protocolRef(protocol),
    protocol,
    setting: 'clinic',
    consentId: person.consentId,
    prechecks: {
      protocol: protocol.id,
      setting: 'clinic',
      escortConfirmed: true,
      fastingConfirmed: true,
      newContraindication: false,
      aclsClinicianId: staff.nurseId,
      firstSession: history.firstSession,
      warnings: history.warnings.map((w) => w.code),
    },
    baseline,
    dose,
    aclsUserId: staff.nurseId,
    startedAt: start,
    createdBy: staff.prescriberId,
  });
  const events: RecordedSessionEvent[] = [];
  const flowsheet = async (
    kind: string,
    data: Record<string, unknown>,
    at: Date,
    by: string,
    audit?: { action: string; timeline?: string; details?: Record<string, string[]> },
  ) => {
    await addSessionEvent(tx, { sessionId, kind, data, at, recordedAt: at, by });
    events.push({ kind, at, data });
    if (!audit) return;
    await recordDemoChange(tx, {
      action: audit.action,
      resource: { type: 'TreatmentSession', id: sessionId },
      patientId: person.patientId,
      ...(audit.timeline
        ? { timeline: { kind: 'treatment-session', summary: audit.timeline, occurredAt: at } }
        : {}),
      ...(audit.details ? { details: audit.details } : {}),
      actorId: by,
      now: at,
    });
  };
  await flowsheet(
    'vitals',
    { ...baseline, baseline: true, alerts: [] },
    new Date(baseline.takenAt),
    staff.prescriberId,
  );
  await recordDemoChange(tx, {
    action: 'treatment-session.create',
    resource: { type: 'TreatmentSession', id: sessionId },
    patientId: person.patientId,
    timeline: {
      kind: 'treatment-session',
      summary: `Dosing session started: ${protocol.title}, ${calculated.value.doseMg} mg planned`,
    },
    details: { protocol: protocolRef(protocol) },
    actorId: staff.prescriberId,
    now: start,
  });
  const planned = plannedDoseOf(dose);
  const facts = (now: Date): AdministrationSession => ({
    now,
    startedAt: start,
    baselineAt: new Date(baseline.takenAt),
    discharged: false,
    events,
    protocol,
    planned,
    plannedConcentrationMgPerMl: null,
    weight: { kg: kilograms(person.weight.kg), measuredOn: person.weight.measuredOn },
    today,
    firstSession: history.firstSession,
  });
  const administer = async (event: 'start' | 'stop', at: Date) => {
    const startDose =
      event === 'start'
        ? {
            doseMg: planned.doseMg,
            ...(planned.rateMgPerHour !== null ? { rateMgPerHour: planned.rateMgPerHour } : {}),
          }
        : {};
    const checked = administrationCheck(facts(at), {
      event,
      at,
      drawsStock: event === 'start',
      ...startDose,
    });
    if (!checked.ok) throw refused(`administration ${event}`, checked.refusal);
    const plan = checked.value;
    let stock = {};
    if (event === 'start') {
      await register.restock(tx, at);
      const entryId = await register.write(
        tx,
        {
          kind: 'administration',
          quantity: { mg: plan.dose.doseMg ?? 0, containers: 1 },
          patientId: person.patientId,
          sessionId,
          administeredById: staff.nurseId,
          prescriberId: staff.prescriberId,
        },
        at,
        staff.nurseId,
      );
      const cdStock = {
        productId: register.product.id,
        locationId: register.locationId,
        containersOpened: 1,
      };
      stock = { drawn: { stock: cdStock, entryId } };
    }
    const entered = { product: `${register.product.drug} 10 mg/mL`, concentrationMgPerMl: 10 };
    const data = administrationData(plan, planned, event === 'start' ? entered : {}, stock);
    await flowsheet(plan.kind, data, at, staff.nurseId, {
      action: `treatment-session.${plan.kind}`,
      ...(plan.timeline ? { timeline: plan.timeline } : {}),
    });
    return plan;
  };
  const raised = new Set<string>();
  const vitals = async (at: Date, rise: number, surge = false) => {
    const r = reading(random, person.resting, at, rise, surge);
    const alerts = vitalAlerts(vitalSigns(r), vitalSigns(baseline), protocol);
    await flowsheet('vitals', { ...r, alerts }, at, staff.nurseId, {
      action: 'treatment-session.vitals',
      details: { alerts: alerts.map((a) => a.code) },
    });
    await raiseUrgentAlerts(tx, {
      alerts,
      raised,
      protocol,
      person,
      sessionId,
      prescriberId: staff.prescriberId,
      by: staff.nurseId,
      at,
    });
  };
  const started = await administer('start', addMinutes(start, 5));
  await vitals(addMinutes(start, 25), 0.14, s.surge);
  await administer('stop', addMinutes(start, 45));
  // The rest of the opened vial, wasted with the prescriber as witness.
  const leftOver = Number(register.product.mgPerContainer) - (started.dose.doseMg ?? 0);
  if (leftOver > 0)
    await register.write(
      tx,
      { kind: 'waste', quantity: { mg: leftOver }, patientId: person.patientId, sessionId },
      addMinutes(start, 48),
      staff.nurseId,
      staff.prescriberId,
    );
  await vitals(addMinutes(start, 77), 0.01);
  const dischargeAt = addMinutes(start, 80);
  const record = dischargeRecord(events, null);
  if (!record.ok) throw refused('discharge', record);
  const result = dischargeCheck({
    protocol,
    baseline: vitalSigns(baseline),
    latestVitals: record.value.latestVitals,
    postDoseVitals: record.value.postDoseVitals,
    administrationEndedAt: record.value.administrationEndedAt,
    dosedAt: record.value.dosedAt,
    now: dischargeAt,
    alertAndOriented: true,
    escortPresent: true,
    setting: 'clinic',
    timeZone: s.timeZone,
  });
  if (!result.ok) throw refused('discharge', result.unmet);
  const summary = dischargeSummary(record.value, result, {
    protocolRef: protocolRef(protocol),
    dose,
    prescriber: staff.prescriberName,
  });
  await insertDischarge(tx, {
    sessionId,
    at: dischargeAt,
    noDrivingUntil: result.noDrivingUntil,
    summary,
    by: staff.nurseId,
  });
  const noDriving = noDrivingShort(protocol.discharge.noDriving.kind, result.noDrivingUntil, s.timeZone);
  await recordDemoChange(tx, {
    action: 'treatment-session.discharge',
    resource: { type: 'TreatmentSession', id: sessionId },
    patientId: person.patientId,
    timeline: { kind: 'treatment-session', summary: `Discharged; ${noDriving}` },
    actorId: staff.nurseId,
    now: dischargeAt,
  });
  person.past.push({ startedAt: start, route: protocol.route, discharged: true, administered: true });
  return sessionId;
}
