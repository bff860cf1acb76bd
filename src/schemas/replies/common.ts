// Building blocks of reply schemas: every route declares the shape of its success reply with these, so the
// server checks what it sends, the OpenAPI document describes it, and the web takes its types from it.
import { z } from 'zod';

/** An instant as sent on the wire: ISO 8601 in UTC (`toISOString()`). */
export const instant = z.string().describe('ISO 8601 date and time (UTC)');

/** A calendar date as sent on the wire: `YYYY-MM-DD`. */
export const calendarDate = z.string().describe('Calendar date, YYYY-MM-DD');

/** A nullable value that is always present in the reply. */
export const orNull = <T extends z.ZodType>(schema: T) => schema.nullable();

/**
 * A value whose shape is a domain type (a dose calculation, an evaluation, a measure): the domain module is
 * its one definition and the web takes the type from here. The server does not re-check it on the way out.
 */
export const domainValue = <T>(description: string) => z.custom<T>(() => true).describe(description);

/** `{ <key>: true }` for an action whose reply only confirms it, e.g. `{ acknowledged: true }`. */
export const confirmedReply = <K extends string>(key: K) =>
  z.object({ [key]: z.literal(true) } as Record<K, z.ZodLiteral<true>>);

/** `{ ok: true }` for an action that has nothing else to say. */
export const okReply = confirmedReply('ok');

/** `{ id }` for a create that returns only the new record's id. */
export const createdReply = z.object({ id: z.string() });

/** 204: no body. */
export const noContent = z.null().describe('No content');

/** A file download (PDF, CSV): the body is the file itself, not JSON. */
export const fileReply = (mediaType: string) => z.unknown().describe(`File (${mediaType})`);
