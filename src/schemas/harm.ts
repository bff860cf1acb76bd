// Harm-pathway request shapes; the assessment itself is checked field by field by the domain's parser.
import { z } from 'zod';
import { isoDate, isoDateTime, shortText, storableRecord, storableString, uuid } from './common.ts';

const text = (max = 2000) => storableString().trim().max(max);

export const assessmentContextSchema = z
  .object({
    socialFunctioning: text().optional(),
    goals: text().optional(),
    protectiveFactors: text().optional(),
    functionOfUse: text().optional().describe('What the use does for the person'),
  })
  .strict();

const assessmentBody = storableRecord().describe(
  'Harm assessment: { use: { daysUsedLast28, routes, bingeing, escalating, lastUsed? }, symptoms: [{ code, onset?, persistsAfterStoppingWeeks? }], risks: [code], measures? (sdsTotal, phq9Total, urinaryChecklistPositive, topPsychologicalHealth, topPhysicalHealth, topQualityOfLife), labs? }',
);

export const evaluateSchema = z.object({ assessment: assessmentBody }).strict();

export const saveAssessmentSchema = z
  .object({
    assessment: assessmentBody,
    context: assessmentContextSchema.optional(),
    assessedAt: isoDateTime.optional(),
    corrects: uuid.optional().describe('The assessment this one corrects (a new version)'),
    correctionReason: shortText(500).optional(),
  })
  .strict()
  .refine((b) => !b.corrects || b.correctionReason, {
    message: 'Say why the assessment is corrected',
    path: ['correctionReason'],
  });

export const decisionSchema = z
  .object({
    confirmedLevel: z
      .number()
      .int()
      .min(1)
      .max(4)
      .describe('The level the clinician confirms; differs from the proposal for an override'),
    reason: text(2000).optional().describe('Required when the level differs from the proposed one'),
  })
  .strict();

export const DELIVERY_MODES = ['one-to-one', 'group-programme', 'mdt'] as const;

export const carePlanSchema = z
  .object({
    interventions: z
      .array(
        z
          .object({
            interventionId: shortText(80),
            ownerId: uuid.optional(),
            dueDate: isoDate.optional(),
            deliveryMode: z.enum(DELIVERY_MODES),
            materials: z
              .array(z.object({ title: shortText(200), reference: text(500).optional() }).strict())
              .max(20)
              .optional(),
            note: text(1000).optional(),
          })
          .strict(),
      )
      .max(30),
    goals: z.array(shortText(500)).max(20).default([]),
    keyWorkerId: uuid.optional(),
    reviewDue: isoDate,
    decisionId: uuid.optional(),
    reason: text(500).optional().describe('Why the plan changed (for a new version)'),
  })
  .strict();

export const supervisionNoteSchema = z
  .object({
    itemType: z.enum(['decision', 'assessment', 'review']),
    itemId: shortText(80),
    note: shortText(4000),
    signOff: z.boolean(),
  })
  .strict();

export const formulationSchema = z
  .object({
    presentingHarms: text(4000),
    drivers: text(4000).describe('Drivers and function of use'),
    protectiveFactors: text(4000),
    goals: text(4000),
    baseVersion: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('The version this edit started from; 412 if another was saved since'),
  })
  .strict();
