// Request shapes for the esketamine REMS Patient Monitoring Form.
import { z } from 'zod';

/** A person's Y/N answers to the form's concomitant-medication questions, from the reviewed medication list. */
export const remsMedicationSchema = z
  .object({
    benzodiazepines: z.boolean(),
    nonBenzodiazepineSedativeHypnotics: z.boolean(),
    psychostimulants: z.boolean(),
    maois: z.boolean(),
    opioids: z.boolean(),
  })
  .strict()
  .describe('Confirmed by the person completing the REMS form; never filled from the name matcher alone');
