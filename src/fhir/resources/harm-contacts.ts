// The FHIR types served for the harm pathway's contacts with other people and services: appointments
// (Appointment, each event a version) and onward and inbound referrals (ServiceRequest, each outcome a version).
import type { Queryable } from '../../store/db.ts';
import {
  findInboundReferral,
  findOnwardReferral,
  inboundReferralsInScope,
  onwardReferralsInScope,
  appointmentsInScope,
  findAppointmentRecord,
} from '../../store/fhir-harm-contacts.ts';
import { appointmentVersions } from '../map/harm-appointment.ts';
import { inboundReferralVersions, onwardReferralVersions } from '../map/harm-service-request.ts';
import type { Appointment, ServiceRequest } from '../map/harm-types.ts';
import {
  commonParams,
  dates,
  foundAs,
  subjectParams,
  refs,
  tokensOf,
  type ResourceType,
} from '../resource-kit.ts';

export const appointmentType: ResourceType<Appointment> = {
  type: 'Appointment',
  patientData: true,
  includes: ['Appointment:patient', 'Appointment:practitioner', 'Appointment:actor'],
  params: [
    ...commonParams(),
    {
      name: 'patient',
      type: 'reference',
      description: 'The patient (`Patient/id` or a bare id)',
      values: (a) => refs(...a.participant.map((p) => p.actor)).filter((r) => r.startsWith('Patient/')),
    },
    {
      name: 'practitioner',
      type: 'reference',
      description: 'The clinician seeing the patient',
      values: (a) => refs(...a.participant.map((p) => p.actor)).filter((r) => r.startsWith('Practitioner/')),
    },
    {
      name: 'actor',
      type: 'reference',
      description: 'Any participant: the patient or the clinician',
      values: (a) => refs(...a.participant.map((p) => p.actor)),
    },
    { name: 'date', type: 'date', description: 'When it starts', values: (a) => dates(a.start) },
    {
      name: 'status',
      type: 'token',
      description: '`booked`, `cancelled`, `fulfilled` or `noshow`',
      values: (a) => [{ code: a.status }],
    },
    {
      name: 'service-type',
      type: 'token',
      description: 'The contact type (`https://kaspr.example/fhir/CodeSystem/contact-type|…`)',
      values: (a) => (a.serviceType ?? []).flatMap(tokensOf),
    },
  ],
  inScope: async (db, scope) =>
    (await appointmentsInScope(db, scope)).flatMap((r) =>
      appointmentVersions(r.appointment, r.events).slice(0, 1),
    ),
  byId: async (db, id) => {
    const record = await findAppointmentRecord(db, id);
    const current = record && appointmentVersions(record.appointment, record.events)[0];
    return record && current && foundAs(current, record.appointment);
  },
  versions: async (db, id) => {
    const record = await findAppointmentRecord(db, id);
    return record ? appointmentVersions(record.appointment, record.events) : [];
  },
};

/**
 * Onward referrals and inbound treatment referrals both keep their own table's uuid as id: both are drawn by
 * gen_random_uuid(), so one id never names two referrals, and a read looks in both tables.
 */
async function referralVersions(db: Queryable, id: string) {
  const onward = await findOnwardReferral(db, id);
  if (onward) return { row: onward, versions: onwardReferralVersions(onward) };
  const inbound = await findInboundReferral(db, id);
  return inbound && { row: inbound, versions: inboundReferralVersions(inbound) };
}

export const serviceRequestType: ResourceType<ServiceRequest> = {
  type: 'ServiceRequest',
  patientData: true,
  includes: ['ServiceRequest:patient', 'ServiceRequest:subject', 'ServiceRequest:requester'],
  params: [
    ...commonParams(),
    ...subjectParams<ServiceRequest>((r) => r.subject),
    {
      name: 'status',
      type: 'token',
      description: '`draft` (decided), `active`, `revoked` or `completed`',
      values: (r) => [{ code: r.status }],
    },
    {
      name: 'authored',
      type: 'date',
      description: 'When it was decided or received',
      values: (r) => dates(r.authoredOn),
    },
    {
      name: 'occurrence',
      type: 'date',
      description: 'From the decision to the target date for making the referral',
      values: (r) => dates(r.occurrencePeriod?.start, r.occurrencePeriod?.end),
    },
    {
      name: 'category',
      type: 'token',
      description: '`http://snomed.info/sct|3457005` (patient referral)',
      values: (r) => (r.category ?? []).flatMap(tokensOf),
    },
    {
      name: 'code',
      type: 'token',
      description:
        'The destination of an onward referral (`https://kaspr.example/fhir/CodeSystem/referral-destination|…`)',
      values: (r) => tokensOf(r.code),
    },
    { name: 'requester', type: 'reference', description: 'Who decided it', values: (r) => refs(r.requester) },
  ],
  inScope: async (db, scope) => [
    ...(await onwardReferralsInScope(db, scope)).flatMap((r) => onwardReferralVersions(r).slice(0, 1)),
    ...(await inboundReferralsInScope(db, scope)).flatMap((r) => inboundReferralVersions(r).slice(0, 1)),
  ],
  byId: async (db, id) => {
    const referral = await referralVersions(db, id);
    const current = referral?.versions[0];
    return referral && current && foundAs(current, referral.row);
  },
  versions: async (db, id) => (await referralVersions(db, id))?.versions ?? [],
};
