// Contraindications from clinic.md's sources, by route, and the check of a patient's recorded conditions.
import { routes, type Route } from './protocol-types.ts';
import type { Certainty, Sourced } from './problems.ts';

/** 'contraindicated': do not treat without a prescriber's documented review; 'caution': treat with more monitoring. */
export type ContraindicationSeverity = 'contraindicated' | 'caution';

/** One contraindication and the routes it applies to. */
export interface Contraindication extends Sourced {
  readonly code: string;
  readonly label: string;
  readonly severity: ContraindicationSeverity;
  readonly routes: readonly Route[];
}

const ASRA = 'clinic.md §3 ASRA/AAPM/ASA chronic-pain consensus 2018 (Cohen) contraindications [V]';
const KAP = 'seeds/002 (KAP practice): may not be suitable candidates';
const SPRAVATO = 'clinic.md §2 Spravato label contraindications [V usmedicine]';
const OSMIND = 'clinic.md §6 Osmind IV-ketamine intake guidance [V]';
const racemic: readonly Route[] = routes.filter((r) => r !== 'intranasal-esketamine');

/** The contraindications clinic.md cites. */
export const contraindications: readonly Contraindication[] = [
  {
    code: 'uncontrolled-hypertension',
    label: 'Uncontrolled hypertension',
    severity: 'contraindicated',
    routes,
    source: `${KAP} — uncontrolled hypertension; ${ASRA}: poorly controlled cardiovascular disease.`,
    certainty: 'verified',
  },
  {
    code: 'cardiovascular-disease',
    label: 'Poorly controlled cardiovascular disease',
    severity: 'contraindicated',
    routes,
    source: `${ASRA}: poorly controlled cardiovascular disease; ${KAP} — certain cardiovascular conditions.`,
    certainty: 'verified',
  },
  {
    code: 'aneurysmal-vascular-disease',
    label:
      'Aneurysmal vascular disease (thoracic and abdominal aorta, intracranial and peripheral arteries) or arteriovenous malformation',
    severity: 'contraindicated',
    routes: ['intranasal-esketamine'],
    source: SPRAVATO,
    certainty: 'verified',
  },
  {
    code: 'intracerebral-haemorrhage',
    label: 'History of intracerebral haemorrhage',
    severity: 'contraindicated',
    routes: ['intranasal-esketamine'],
    source: SPRAVATO,
    certainty: 'verified',
  },
  {
    code: 'hypersensitivity',
    label: 'Hypersensitivity to esketamine, ketamine or the excipients',
    severity: 'contraindicated',
    routes,
    source: `${SPRAVATO}; applied to racemic ketamine too [SYN].`,
    certainty: 'verified',
  },
  {
    code: 'active-substance-use-disorder',
    label: 'Active substance use disorder',
    severity: 'contraindicated',
    routes,
    source: `${ASRA}: no serial infusions with an active substance-abuse problem; ${OSMIND}: substance-use disorders; ${KAP}.`,
    certainty: 'verified',
  },
  {
    code: 'active-psychosis',
    label: 'Active psychosis',
    severity: 'contraindicated',
    routes,
    source: `${ASRA}: certain poorly controlled psychoses; ${OSMIND}: psychotic disorders; clinic.md §1 APA: attention to psychosis history [V].`,
    certainty: 'verified',
  },
  {
    code: 'severe-hepatic-impairment',
    label: 'Severe hepatic impairment',
    severity: 'contraindicated',
    routes: racemic,
    source: `${ASRA}: avoid.`,
    certainty: 'verified',
  },
  {
    code: 'moderate-hepatic-impairment',
    label: 'Moderate hepatic impairment',
    severity: 'caution',
    routes: racemic,
    source: `${ASRA}: use with monitoring.`,
    certainty: 'verified',
  },
  {
    code: 'raised-intracranial-pressure',
    label: 'Raised intracranial pressure',
    severity: 'contraindicated',
    routes,
    source: `${ASRA}: avoid, or low dose with extreme caution; clinic.md §2: do not dose esketamine if a rise in intracranial pressure poses a serious risk [S].`,
    certainty: 'verified',
  },
  {
    code: 'raised-intraocular-pressure',
    label: 'Raised intraocular pressure',
    severity: 'contraindicated',
    routes: racemic,
    source: `${ASRA}: avoid, or low dose with extreme caution.`,
    certainty: 'verified',
  },
];

/** A recorded condition that is a contraindication for the route. */
export interface ContraindicationFlag {
  readonly code: string;
  readonly label: string;
  readonly severity: ContraindicationSeverity;
  readonly source: string;
  readonly certainty: Certainty;
}

/** The check of a patient's recorded conditions against the list. */
export interface ContraindicationCheck {
  readonly flags: readonly ContraindicationFlag[];
  /** On the list, but clinic.md cites it for other routes only. */
  readonly otherRoutesOnly: readonly string[];
  /** Not on the list: for the prescriber to judge. */
  readonly unknown: readonly string[];
}

/** Sorts each recorded condition code into flags for this route, other routes only, or unknown. */
export function contraindicationCheck(present: readonly string[], route: Route): ContraindicationCheck {
  const flags: ContraindicationFlag[] = [];
  const otherRoutesOnly: string[] = [];
  const unknown: string[] = [];
  for (const code of present) {
    const c = contraindications.find((x) => x.code === code);
    if (c === undefined) unknown.push(code);
    else if (!c.routes.includes(route)) otherRoutesOnly.push(code);
    else
      flags.push({
        code: c.code,
        label: c.label,
        severity: c.severity,
        source: c.source,
        certainty: c.certainty,
      });
  }
  return { flags, otherRoutesOnly, unknown };
}
