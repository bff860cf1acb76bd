// Versioned consent documents per treatment route: plain-language sections, each with its source.

export type ConsentRoute = 'iv-racemic' | 'im' | 'intranasal-esketamine' | 'oral' | 'sublingual';

export interface ConsentSection {
  readonly heading: string;
  readonly text: string;
  readonly source: string;
}

export interface ConsentDocument {
  readonly id: string;
  readonly version: string;
  readonly route: ConsentRoute;
  readonly title: string;
  readonly sections: readonly ConsentSection[];
  /** Whether a witness must countersign (a clinic setting; default off for all routes). */
  readonly witnessRequired: boolean;
}

const DISSOCIATION: ConsentSection = {
  heading: 'Dissociation and perception',
  text:
    'During and shortly after a dose you may feel detached from your body or surroundings, see or hear things differently, ' +
    'or feel confused. This is common and usually passes within hours; occasionally it returns up to a day later. Staff ' +
    'stay with you until it has settled.',
  source:
    'clinic.md §2 (Spravato label: dissociative changes in 61–75 %) and §6 adverse events (ketamine label: emergence reactions, may recur up to 24 h)',
};

const BLOOD_PRESSURE: ConsentSection = {
  heading: 'Blood pressure and heart rate',
  text:
    'Ketamine raises blood pressure for a short time, most at about 40 minutes. We measure your blood pressure before the ' +
    'dose and regularly until you leave, and we will not give a dose if it is too high beforehand.',
  source:
    'clinic.md §1 (Yale 2,342 infusions: mean peak +16/+11 mmHg at 40 min; severe hypertension in 0.98 % of sessions)',
};

const OTHER_EFFECTS: ConsentSection = {
  heading: 'Other effects',
  text: 'You may feel sick, dizzy or sleepy, or have double vision. Tell staff at once if you feel unwell.',
  source: 'clinic.md §6 adverse events to code',
};

const BLADDER: ConsentSection = {
  heading: 'Bladder harm with repeated use',
  text:
    'Repeated or frequent ketamine use can damage the bladder. Tell us at once about needing to pass urine more often or ' +
    'urgently, pain on passing urine, pain above the pubic bone, or blood in your urine. We will ask about these at your ' +
    'visits.',
  source:
    'clinic.md §6 (ketamine label: genitourinary pain with chronic use — consider stopping); harm.md §2.1 ketamine uropathy',
};

const MISUSE: ConsentSection = {
  heading: 'Misuse',
  text: 'Ketamine is a controlled drug that can be misused. Take it only as prescribed and never share it.',
  source: 'clinic.md §2 (boxed warning: abuse and misuse) and §5 (Schedule III / Schedule 2)',
};

const WITHDRAW: ConsentSection = {
  heading: 'Your choice',
  text: 'You can ask questions at any time and withdraw your consent at any time, without it affecting your other care.',
  source: 'KASPR (product synthesis)',
};

const OFF_LABEL: ConsentSection = {
  heading: 'An off-label treatment',
  text:
    'Racemic ketamine is licensed as an anaesthetic. Using it for depression or pain is "off-label": it is supported by ' +
    'research, but not by a licence for this use. The consensus statement on its use is guidance, not a standard of care. ' +
    'Most published treatment used 0.5 mg/kg over 40 minutes; your prescriber will tell you the dose planned for you.',
  source:
    'clinic.md §1 (Sanacora 2017: not a standard or guideline; 0.5 mg/kg over 40 min in most reports, to be part of consent)',
};

const PREGNANCY: ConsentSection = {
  heading: 'Pregnancy',
  text:
    'Ketamine and esketamine are not recommended in pregnancy. Tell us before treatment if you are or might be ' +
    'pregnant, or plan to become pregnant, and tell us before your next dose if this changes. We will ask at each ' +
    'session and will not start a dose until a prescriber has reviewed it.',
  source:
    'clinic.md §7.1 (pregnancy is part of the eligibility and screening record). That esketamine (Spravato) is not recommended in pregnancy is not in clinic.md: clinical-safety review 2026-12 §6 item 15 ("check the current PI") [U]',
};

const drivingAfter = (hours: string, source: string): ConsentSection => ({
  heading: 'Going home',
  text:
    `A responsible adult must take you home. Do not drive, operate machinery or sign legal documents ${hours}. ` +
    'You will be given written instructions and a number to call if you feel unwell.',
  source,
});

const INTEGRATION: ConsentSection = {
  heading: 'Preparation and integration',
  text: 'Dosing sessions sit between preparation and integration sessions with your therapist, who shares a care plan with your prescriber.',
  source:
    'clinic.md §6–7 (KAP: preparation, dosing and integration sessions; prescriber–psychotherapist care team)',
};

const IV_DRIVING = drivingAfter(
  'for 12 hours after the end of the dose',
  'clinic.md §3 discharge criteria (ASKP: no driving for 12 hours; ketamine label: accompanied by a responsible adult; RCEM written instructions)',
);

/** The sections every racemic-ketamine route shares (IV, IM, oral, sublingual), as in version 1.0.0. */
const RACEMIC_SECTIONS_1_0_0: readonly ConsentSection[] = [
  OFF_LABEL,
  DISSOCIATION,
  BLOOD_PRESSURE,
  OTHER_EFFECTS,
  BLADDER,
  MISUSE,
  IV_DRIVING,
  INTEGRATION,
  WITHDRAW,
];

/** The current racemic sections: 1.0.0 with a pregnancy section before "Your choice". */
const RACEMIC_SECTIONS: readonly ConsentSection[] = [
  ...RACEMIC_SECTIONS_1_0_0.slice(0, -1),
  PREGNANCY,
  WITHDRAW,
];

/** A new version of a document: the same id and route, a new number and its sections. */
function revised(
  doc: ConsentDocument,
  version: string,
  sections: readonly ConsentSection[],
): ConsentDocument {
  return { ...doc, version, sections };
}

/**
 * Version 1.0.0 of each document, kept unchanged so consents signed on it are shown as signed; new
 * consents use the current version (1.1.0 adds the pregnancy section).
 */
const documents1_0_0: readonly ConsentDocument[] = [
  {
    id: 'consent-iv-racemic',
    version: '1.0.0',
    route: 'iv-racemic',
    title: 'Consent to intravenous ketamine treatment',
    sections: RACEMIC_SECTIONS_1_0_0,
    witnessRequired: false,
  },
  {
    id: 'consent-im',
    version: '1.0.0',
    route: 'im',
    title: 'Consent to intramuscular ketamine treatment',
    sections: RACEMIC_SECTIONS_1_0_0,
    witnessRequired: false,
  },
  {
    id: 'consent-intranasal-esketamine',
    version: '1.0.0',
    route: 'intranasal-esketamine',
    title: 'Consent to esketamine nasal spray treatment',
    sections: [
      DISSOCIATION,
      BLOOD_PRESSURE,
      OTHER_EFFECTS,
      BLADDER,
      MISUSE,
      {
        heading: 'Monitoring',
        text: 'You will be watched for at least 2 hours after each dose, and until you are stable and ready to leave.',
        source:
          'clinic.md §2 (Spravato label boxed warning; REMS: ≥ 2 h and until sedation, dissociation and respiratory depression have resolved)',
      },
      drivingAfter(
        'until the next day after a restful sleep',
        'clinic.md §2 (Spravato label: no driving or machinery until the next day after a restful sleep)',
      ),
      WITHDRAW,
    ],
    witnessRequired: false,
  },
  {
    id: 'consent-sublingual',
    version: '1.0.0',
    route: 'sublingual',
    title: 'Consent to ketamine lozenges (ketamine-assisted psychotherapy)',
    sections: RACEMIC_SECTIONS_1_0_0,
    witnessRequired: false,
  },
  {
    id: 'consent-oral',
    version: '1.0.0',
    route: 'oral',
    title: 'Consent to oral ketamine treatment',
    sections: RACEMIC_SECTIONS_1_0_0,
    witnessRequired: false,
  },
];

/** The current documents, one per route: 1.0.0 with a pregnancy section (clinic.md §7.1). */
const currentDocuments: readonly ConsentDocument[] = documents1_0_0.map((doc) =>
  revised(
    doc,
    '1.1.0',
    doc.route === 'intranasal-esketamine'
      ? [...doc.sections.slice(0, -1), PREGNANCY, ...doc.sections.slice(-1)]
      : RACEMIC_SECTIONS,
  ),
);

/**
 * The consent documents KASPR ships: the current version of each route first, then earlier versions (kept so a
 * signed consent is always shown as signed). A clinic adapts them and gives its version a new number.
 */
export const consentDocuments: readonly ConsentDocument[] = [...currentDocuments, ...documents1_0_0];

/** The current shipped document for a route. */
export function consentDocumentFor(route: ConsentRoute): ConsentDocument | undefined {
  return currentDocuments.find((d) => d.route === route);
}

/**
 * What to do if unwell after discharge, printed on every discharge summary. The emergency number is the UK's;
 * a clinic elsewhere ships its own wording (clinic.md §3: RCEM written instructions include an emergency
 * phone number).
 */
export const dischargeAdvice: ConsentSection = {
  heading: 'If you feel unwell',
  text:
    'If you feel unwell, faint, confused, or have chest pain or trouble breathing, call 999 (or your local ' +
    'emergency number). For other worries, call the clinic.',
  source: 'clinic.md §3 discharge criteria (RCEM: written instructions with an emergency phone number)',
};
