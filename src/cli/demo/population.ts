// Synthetic demo patients: invented names, NHS numbers from the 999 test range, plausible measurements.
import type { CreatePatient } from '../../schemas/patient.ts';
import type { Random } from './random.ts';

const GIVEN_F = [
  'Amara',
  'Beth',
  'Chloe',
  'Dana',
  'Ellie',
  'Farah',
  'Grace',
  'Hana',
  'Isla',
  'Jade',
  'Kira',
  'Lena',
  'Maya',
  'Nia',
  'Orla',
  'Priya',
  'Rosa',
  'Sian',
  'Tara',
  'Zoe',
];
const GIVEN_M = [
  'Adam',
  'Ben',
  'Callum',
  'Dev',
  'Ethan',
  'Finn',
  'Gabe',
  'Hari',
  'Idris',
  'Jon',
  'Kai',
  'Liam',
  'Marek',
  'Niall',
  'Owen',
  'Ravi',
  'Sam',
  'Theo',
  'Umar',
  'Zac',
];
const FAMILY = [
  'Archer',
  'Bennett',
  'Carver',
  'Dunmore',
  'Ellery',
  'Fairweather',
  'Garnet',
  'Holloway',
  'Ingram',
  'Jessop',
  'Kestrel',
  'Lockwood',
  'Marlow',
  'Northcott',
  'Oakley',
  'Pemberton',
  'Quill',
  'Rowan',
  'Stirling',
  'Thornby',
  'Underhill',
  'Vance',
  'Whitlow',
  'Yardley',
];
const ALLERGENS = [
  { substance: 'Penicillin', reaction: 'Rash' },
  { substance: 'Latex', reaction: 'Hives' },
  { substance: 'Codeine', reaction: 'Nausea and vomiting' },
  { substance: 'Peanut', reaction: 'Swelling of lips' },
];
const MEDICATIONS = [
  { name: 'Sertraline', dose: '50 mg', route: 'oral', frequency: 'once daily' },
  { name: 'Mirtazapine', dose: '15 mg', route: 'oral', frequency: 'at night' },
  { name: 'Lamotrigine', dose: '100 mg', route: 'oral', frequency: 'twice daily' },
  { name: 'Omeprazole', dose: '20 mg', route: 'oral', frequency: 'once daily' },
  { name: 'Salbutamol', dose: '100 micrograms', route: 'inhaled', frequency: 'as needed' },
];
const SEVERITIES = ['mild', 'moderate', 'severe'] as const;

/** An NHS number in the 999 range reserved for testing, with a valid modulus-11 check digit. */
export function syntheticNhsNumber(random: Random): string {
  for (;;) {
    const body = `999${String(random.int(0, 999_999)).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i += 1) sum += Number(body[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${body}${check === 11 ? 0 : check}`;
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** One synthetic patient, as a registration request. `today` fixes dates so a seed always gives the same data. */
export function syntheticPatient(
  random: Random,
  index: number,
  today: Date,
): Omit<CreatePatient, 'serviceId'> {
  const female = random.chance(0.5);
  const age = random.int(18, 70);
  const birth = new Date(Date.UTC(today.getUTCFullYear() - age, random.int(0, 11), random.int(1, 28)));
  const measured = new Date(today.getTime() - random.int(0, 120) * 86_400_000);
  const allergies = random.chance(0.25)
    ? [{ ...random.pick(ALLERGENS), severity: random.pick(SEVERITIES) }]
    : [];
  const medications = Array.from({ length: random.int(0, 2) }, () => random.pick(MEDICATIONS));
  return {
    givenName: random.pick(female ? GIVEN_F : GIVEN_M),
    familyName: random.pick(FAMILY),
    birthDate: iso(birth),
    sex: female ? 'female' : 'male',
    identifiers: [
      { system: 'nhs', value: syntheticNhsNumber(random) },
      { system: 'mrn', value: `DEMO-${String(index + 1).padStart(6, '0')}` },
    ],
    contact: { phone: `07700 900${String(random.int(0, 999)).padStart(3, '0')}` },
    weight: { kg: random.int(48, 120), measuredOn: iso(measured) },
    height: { cm: random.int(150, 195), measuredOn: iso(measured) },
    allergies,
    medications: [...new Map(medications.map((m) => [m.name, m])).values()],
  };
}
