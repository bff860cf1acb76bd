// The onward-referral destinations and crisis-event kinds a service records, with their labels.
import { crisisKinds, referralDestinations } from '../../domain/outcomes/index.ts';
import { outcomeEventKindsReply } from '../../schemas/replies/outcomes.ts';
import type { ZodApp } from '../context.ts';
import { route } from '../route.ts';

export function outcomeEventKindRoutes(api: ZodApp): void {
  api.get('/outcome-event-kinds', route('authenticated', { 200: outcomeEventKindsReply }), () => ({
    referralDestinations: [...referralDestinations],
    crisisKinds: [...crisisKinds],
  }));
}
