// Replies of the first-run checklist: each step with whether the database shows it done, what it asks in plain
// words and where in the product it is done; the clinical content in force and its latest sign-off.
import { z } from 'zod';
import { instant, orNull } from './common.ts';

export const SETUP_STEP_IDS = [
  'staff',
  'acls',
  'cd-stock',
  'content-signoff',
  'time-zone-and-register',
] as const;

const link = z.object({ text: z.string(), path: z.string().describe('Web address where it is done') });

export const setupStepReply = z.object({
  id: z.enum(SETUP_STEP_IDS),
  title: z.string(),
  description: z.string().describe('What the step asks, in plain words'),
  status: z.string().describe('What the database shows now, in plain words'),
  done: z
    .boolean()
    .describe('Computed from the records (the content step: a sign-off of the versions in force)'),
  path: z.string().describe('Web address where the step is done'),
  links: z.array(link).describe('Every place the step is done, the first being `path`'),
});
export type SetupStep = z.output<typeof setupStepReply>;

const contentItem = z.object({ ref: z.string(), title: z.string() });

export const contentRefsReply = z.object({
  instruments: z.array(z.string()),
  harmPack: z.string(),
  protocols: z.array(z.string()),
  thresholds: z.array(z.string()),
});

/** POST /content-signoffs: who signed off which versions, when. */
export const contentSignOffReply = z.object({
  id: z.string(),
  serviceId: z.string(),
  content: contentRefsReply,
  note: orNull(z.string()),
  signedOffAt: instant,
  signedOffBy: z.object({ id: z.string(), name: z.string() }),
});
export type ContentSignOff = z.output<typeof contentSignOffReply>;

/** GET /setup/checklist. */
export const setupChecklistReply = z.object({
  service: z.object({ id: z.string(), name: z.string() }),
  complete: z.boolean().describe('Every step is done'),
  steps: z.array(setupStepReply),
  content: z.object({
    refs: contentRefsReply,
    instruments: z.array(contentItem),
    harmPack: contentItem,
    protocols: z.array(contentItem),
    thresholds: z.array(contentItem),
  }),
  latestSignOff: orNull(contentSignOffReply),
});
export type SetupChecklist = z.output<typeof setupChecklistReply>;
