// The onward-referral destinations and crisis-event kinds a service records, with their labels.
import type { FastifyInstance } from 'fastify';
import { crisisKinds, referralDestinations } from '../../domain/outcomes/index.ts';
import { outcomeEventKindsReply } from '../../schemas/replies/outcomes.ts';
import { zodApp, type AppContext } from '../context.ts';
import { route } from '../route.ts';

export function outcomeEventKindRoutes(app: FastifyInstance, _ctx: AppContext): void {
  const api = zodApp(app);

  api.get('/outcome-event-kinds', route('authenticated', { 200: outcomeEventKindsReply }), () => ({
    referralDestinations: [...referralDestinations],
    crisisKinds: [...crisisKinds],
  }));
}
