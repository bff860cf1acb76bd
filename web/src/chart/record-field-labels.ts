// The parts of a patient record as the chart names them (History, and the timeline's correction lines).

/** Each content field of a record in words, in lower case. */
export const RECORD_FIELD_LABELS: Readonly<Record<string, string>> = {
  givenName: 'given name',
  familyName: 'family name',
  birthDate: 'date of birth',
  sex: 'sex',
  identifiers: 'identifiers',
  contact: 'contact',
  gp: 'GP',
  weight: 'weight',
  height: 'height',
  allergies: 'allergies',
  allergyStatus: 'allergy status',
  medications: 'medications',
};
