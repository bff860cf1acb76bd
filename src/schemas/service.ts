// Service details printed on patient documents: time zone (a real IANA name), clinic phone and address line.
import { z } from 'zod';
import { isTimeZone } from '../domain/core/zoned.ts';
import { shortText, storableString } from './common.ts';

const timeZone = storableString()
  .max(64)
  .refine(isTimeZone, 'Not a time zone: use an IANA name such as Europe/London')
  .describe('IANA time zone the service’s documents show times in, e.g. Europe/London');

const phone = storableString()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()-]{6,}$/, 'A phone number: digits, spaces, brackets, dashes and an optional leading +')
  .nullable();

/** New service: a name, and optionally the details for documents (time zone defaults to Europe/London). */
export const createServiceSchema = z
  .object({
    name: shortText(100),
    timeZone: timeZone.optional(),
    phone: phone.optional(),
    address: shortText(200).nullable().optional(),
  })
  .strict();

/** Change a service's document details; fields left out keep their value, null clears phone or address. */
export const updateServiceSchema = z
  .object({
    name: shortText(100).optional(),
    timeZone: timeZone.optional(),
    phone: phone.optional(),
    address: shortText(200).nullable().optional(),
  })
  .strict();
