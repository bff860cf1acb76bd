// The people of the demo: synthetic records (population.ts) registered on the day they are first seen, weighed
// that day, with an NHS number from the test range that no one else in the service has.
import type { CreatePatient } from '../../schemas/patient.ts';
import { isoDay } from './clock.ts';
import { syntheticNhsNumber, syntheticPatient } from './population.ts';
import type { DemoWorld } from './world.ts';

export function uniquePatient(w: DemoWorld, index: number, at: Date): Omit<CreatePatient, 'serviceId'> {
  const patient = syntheticPatient(w.random, index, at);
  const day = isoDay(at);
  const identifiers = (patient.identifiers ?? []).map((i) => {
    if (i.system !== 'nhs') return i;
    let value = i.value;
    while (w.nhsNumbers.has(value)) value = syntheticNhsNumber(w.random);
    w.nhsNumbers.add(value);
    return { ...i, value };
  });
  return {
    ...patient,
    identifiers,
    ...(patient.weight ? { weight: { ...patient.weight, measuredOn: day } } : {}),
    ...(patient.height ? { height: { ...patient.height, measuredOn: day } } : {}),
  };
}
