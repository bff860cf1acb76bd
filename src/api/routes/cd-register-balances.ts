// Stock at a glance: every product at every location the reader may see, zero balances included.
import { stockReply } from '../../schemas/replies/cd-register.ts';
import { keptBalances, listProducts } from '../../store/ledger.ts';
import { scopedLocations, scopeOf } from '../cd-register/access.ts';
import { balanceView, everyBalance, locationView, productView } from '../cd-register/views.ts';
import { type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';

export function cdRegisterBalanceRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/cd-register/balances', route('cd:read', { 200: stockReply }), async (req) => {
    const scope = await scopeOf(ctx, req);
    // The kept balances (one row per product and location), not a sum over the whole register.
    const [products, locations, kept] = [
      await listProducts(ctx.db),
      await scopedLocations(ctx, scope),
      await keptBalances(ctx.db),
    ];
    const byProduct = new Map(products.map((p) => [p.id, p]));
    const byLocation = new Map(locations.map((l) => [l.id, l]));
    return {
      balances: everyBalance(kept, products, locations).map((b) => {
        const product = byProduct.get(b.productId);
        const location = byLocation.get(b.locationId);
        return {
          ...balanceView(b, product),
          product: product ? productView(product).label : null,
          location: location ? locationView(location) : null,
        };
      }),
    };
  });
}
