// Replies of the system-client routes: a client as the administrator sees it (never a private key).
import { z } from 'zod';
import { instant } from './common.ts';

export const systemClientReply = z.object({
  id: z.string().describe('The client_id the client puts in iss and sub of its assertions'),
  userId: z.string().describe('The account its reads are audited under'),
  name: z.string(),
  scope: z.string(),
  serviceIds: z.array(z.string()),
  disabled: z.boolean(),
  keyVersion: z.number().int().describe('1 at registration, one more at each key replacement'),
  keys: z.array(z.object({ kty: z.string(), kid: z.string().optional(), alg: z.string().optional() })),
  createdAt: instant,
  updatedAt: instant,
});
export type SystemClientView = z.output<typeof systemClientReply>;

/** GET /system-clients. */
export const systemClientsReply = z.object({ systemClients: z.array(systemClientReply) });

/** POST /system-clients: the new client's id, and the client. */
export const systemClientCreatedReply = z.object({ clientId: z.string(), client: systemClientReply });

/** POST /system-clients/:id/keys and /disable: the client as it now is. */
export const systemClientChangedReply = z.object({ client: systemClientReply });
