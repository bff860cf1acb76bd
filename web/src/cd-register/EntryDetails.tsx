// EntryDetails: the "Details" cell of a register line: supplier, patient and session, destination, witnesses, reason.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../ui/format.ts';
import type { RegisterLine } from './cd-types.ts';
import type { Catalog } from './use-catalog.ts';

interface EntryDetailsProps {
  line: RegisterLine;
  /** The location whose register this is (a transfer reads "To …" or "From …" from here). */
  locationId: string;
  catalog: Catalog;
  canOpenChart: boolean;
}

const nameOf = (p: { id: string; displayName: string | null } | null) => p?.displayName ?? p?.id ?? '';

/** One short line per fact the entry records, in the order the regulators list them. */
export function EntryDetails({ line, locationId, catalog, canOpenChart }: EntryDetailsProps) {
  const { entry, corrects } = line;
  const facts: ReactNode[] = [];
  if (corrects) facts.push(`Corrects entry ${corrects.seq}`);
  if (entry.supplier) {
    const reg = entry.supplier.registrationNumber ? ` (reg. ${entry.supplier.registrationNumber})` : '';
    facts.push(`From ${entry.supplier.name}, ${entry.supplier.address}${reg}`);
  }
  if (entry.invoice) facts.push(`Invoice ${entry.invoice}`);
  if (entry.lot) facts.push(`Lot ${entry.lot}${entry.expiry ? `, expiry ${formatDate(entry.expiry)}` : ''}`);
  if (entry.kind === 'transfer') {
    facts.push(
      entry.locationId === locationId
        ? `To ${catalog.location(entry.toLocationId ?? '')?.name ?? 'another location'}`
        : `From ${catalog.location(entry.locationId)?.name ?? 'another location'}`,
    );
  }
  if (entry.patientId) {
    // Named as the UK register and US record print the patient to this reader (decision record 017).
    const patient = entry.patient;
    const name = patient?.name ?? 'A patient';
    const where = patient?.address ? `, ${patient.address}` : '';
    facts.push(
      canOpenChart && patient && !patient.withheld ? (
        <>
          {entry.kind === 'administration' ? 'Supplied to ' : 'For '}
          <Link to={`/patients/${encodeURIComponent(entry.patientId)}`}>{name}</Link>
          {where}
        </>
      ) : (
        `${entry.kind === 'administration' ? 'Supplied to' : 'For'} ${name}${where}`
      ),
    );
    if (patient?.addressMissing)
      facts.push(
        <strong className="warning-text">
          Address of the person supplied not recorded: the register needs it (UK reg 19; US 21 CFR
          1304.22(c)(4)). Add it to the patient&apos;s record.
        </strong>,
      );
  }
  if (entry.sessionId) facts.push(`Session ${entry.sessionId.slice(0, 8)}`);
  if (entry.administeredBy) facts.push(`Given by ${nameOf(entry.administeredBy)}`);
  if (entry.prescriber) facts.push(`Prescriber ${nameOf(entry.prescriber)}`);
  if (entry.expected)
    facts.push(`Register showed ${entry.expected.containers} sealed, ${entry.expected.mg} mg`);
  if (entry.theft) facts.push('Theft suspected');
  if (entry.destructionMethod) facts.push(`Method: ${entry.destructionMethod}`);
  if (entry.reason) facts.push(`Reason: ${entry.reason}`);
  if (entry.witnesses.length > 0) facts.push(`Witness: ${entry.witnesses.map(nameOf).join(', ')}`);
  if (entry.lateEntryReason) facts.push(`Late entry: ${entry.lateEntryReason}`);
  if (facts.length === 0) return null;
  return (
    <ul className="cd-facts">
      {facts.map((fact, i) => (
        <li key={i}>{fact}</li>
      ))}
    </ul>
  );
}
