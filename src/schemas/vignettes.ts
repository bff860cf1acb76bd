// Calibration vignette request shapes; the assessment itself is checked field by field by the domain's parser.
import { z } from 'zod';
import { shortText, storableRecord, storableString, uuid } from './common.ts';

const level = z.number().int().min(1).max(4);

export const createVignetteSchema = z
  .object({
    title: shortText(200),
    narrative: shortText(10_000).describe('Anonymised case narrative: no patient data'),
    assessment: storableRecord().describe(
      'Harm assessment inputs, as for /harm/evaluate; the rules engine level is stored alongside',
    ),
    referenceLevel: level.describe('The agreed reference level of need (1–4)'),
    serviceId: uuid.optional().describe('Needed only when you work in more than one service'),
  })
  .strict();

export const rateVignetteSchema = z
  .object({
    level: level.describe('Your level of need for the vignette (1–4)'),
    rationale: storableString().trim().max(2000).optional(),
  })
  .strict();

export const vignetteIdParams = z.object({ id: uuid }).strict();

export const starterVignettesSchema = z
  .object({
    serviceId: uuid.optional().describe('Needed only when you work in more than one service'),
  })
  .strict();
