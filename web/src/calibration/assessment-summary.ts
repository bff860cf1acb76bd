// A vignette's assessment inputs in a few plain lines: use, symptoms, risks, measures and labs.
import type { HarmAssessment } from '../../../src/domain/harm/index.ts';
import { CO_USE_LABELS, RISK_LABELS, ROUTE_LABELS, SYMPTOM_LABELS } from '../harm/harm-labels.ts';

/** Label/value pairs for a definition list; empty sections are left out. */
export function assessmentSummary(a: HarmAssessment): { label: string; value: string }[] {
  const u = a.use;
  const use = [
    `${u.daysUsedLast28} of the last 28 days`,
    u.routes.length > 0 ? u.routes.map((r) => ROUTE_LABELS[r].toLowerCase()).join(', ') : null,
    u.bingeing ? 'bingeing' : null,
    u.escalating ? 'escalating' : null,
    u.typicalAmount ? `typically ${u.typicalAmount}` : null,
    u.coUse && u.coUse.length > 0
      ? `with ${u.coUse.map((c) => CO_USE_LABELS[c].toLowerCase()).join(', ')}`
      : null,
  ].filter((x): x is string => x !== null);
  const symptoms = a.symptoms.map(
    (s) =>
      SYMPTOM_LABELS[s.code] +
      (s.persistsAfterStoppingWeeks !== undefined
        ? ` (${s.persistsAfterStoppingWeeks} weeks after stopping)`
        : ''),
  );
  const m = a.measures ?? {};
  const measures = [
    m.sdsTotal !== undefined ? `SDS ${m.sdsTotal}` : null,
    m.phq9Total !== undefined ? `PHQ-9 ${m.phq9Total}` : null,
    m.topPsychologicalHealth !== undefined ? `TOP psychological health ${m.topPsychologicalHealth}/20` : null,
    m.topPhysicalHealth !== undefined ? `TOP physical health ${m.topPhysicalHealth}/20` : null,
    m.topQualityOfLife !== undefined ? `TOP quality of life ${m.topQualityOfLife}/20` : null,
    m.urinaryChecklistPositive !== undefined
      ? `urinary checklist ${m.urinaryChecklistPositive ? 'positive' : 'negative'}`
      : null,
  ].filter((x): x is string => x !== null);
  const l = a.labs ?? {};
  const labs = [
    l.egfr !== undefined ? `eGFR ${l.egfr}` : null,
    l.creatinineUmolL !== undefined ? `creatinine ${l.creatinineUmolL} µmol/L` : null,
    l.alt !== undefined ? `ALT ${l.alt} U/L` : null,
    l.alp !== undefined ? `ALP ${l.alp} U/L` : null,
    l.urinalysis ? `urinalysis: ${l.urinalysis}` : null,
  ].filter((x): x is string => x !== null);
  return [
    { label: 'Use', value: use.join('; ') },
    { label: 'Symptoms', value: symptoms.length > 0 ? symptoms.join('; ') : 'None reported' },
    { label: 'Risks', value: a.risks.length > 0 ? a.risks.map((r) => RISK_LABELS[r]).join('; ') : 'None' },
    ...(measures.length > 0 ? [{ label: 'Measures', value: measures.join('; ') }] : []),
    ...(labs.length > 0 ? [{ label: 'Labs', value: labs.join('; ') }] : []),
  ];
}
