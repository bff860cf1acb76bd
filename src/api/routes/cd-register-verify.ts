// Checking the controlled-drug register's hash chain: every entry links to the one before, with no gaps (R22).
import { chainVerificationReply } from '../../schemas/replies/cd-register.ts';
import { verifyLedgerChain } from '../../store/ledger.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';

export function cdRegisterVerifyRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/cd-register/verify', route('cd:read', { 200: chainVerificationReply }), async () =>
    verifyLedgerChain(ctx.db),
  );
}
