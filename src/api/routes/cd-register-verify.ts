// Checking the controlled-drug register's hash chain: every entry links to the one before, with no gaps (R22).
import { chainVerificationReply } from '../../schemas/replies/cd-register.ts';
import type { FastifyInstance } from 'fastify';
import { verifyLedgerChain } from '../../store/ledger.ts';
import { zodApp, type AppContext } from '../context.ts';
import { route } from '../route.ts';

export function cdRegisterVerifyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = zodApp(app);

  api.get('/cd-register/verify', route('cd:read', { 200: chainVerificationReply }), async () =>
    verifyLedgerChain(ctx.db),
  );
}
