// Request shapes for a service's protocol settings, shared with the admin screen.
import { z } from 'zod';
import { shortText, storableString, uuid } from './common.ts';

export const protocolSettingsSchema = z
  .object({
    settings: z
      .record(
        storableString().min(1).max(120).describe('Dotted path of a setting, e.g. "preDose.systolicAbove"'),
        z.union([z.number(), z.boolean(), z.null()]),
      )
      .describe(
        'New values; null returns a setting to the shipped default. Settings left out keep their value.',
      ),
    reason: shortText(1000).describe('Why the clinic changes these settings'),
  })
  .strict();

export const protocolQuerySchema = z
  .object({ service: uuid.optional().describe('Show the protocol as this service uses it') })
  .strict();
