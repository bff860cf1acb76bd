// The controlled-drug register's products: the drugs, forms and strengths it keeps a section for (capability C5).
import { productListReply, productReply } from '../../schemas/replies/cd-register.ts';
import { randomUUID } from 'node:crypto';
import { makeProduct } from '../../domain/ledger/index.ts';
import { productBodySchema } from '../../schemas/cd-register.ts';
import { insertProduct, listProducts } from '../../store/ledger.ts';
import { productRefusal } from '../cd-register/refusals.ts';
import { productView } from '../cd-register/views.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { recordChange } from '../record-change.ts';

export function cdRegisterProductRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/cd-register/products', route('cd:read', { 200: productListReply }), async () => ({
    products: (await listProducts(ctx.db)).map(productView),
  }));

  api.post(
    '/cd-register/products',
    route('cd:manage', { body: productBodySchema, 201: productReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const body = req.body;
      const made = makeProduct({
        id: randomUUID(),
        drug: body.drug,
        form: body.form,
        ...('mgPerMl' in body.strength
          ? { strengthMgPerMl: body.strength.mgPerMl }
          : { mgPerUnit: body.strength.mgPerUnit }),
        containerSize: body.containerSize,
        containerName: body.containerName,
        code: body.code,
        schedule: body.schedule,
      });
      if (!made.ok) throw productRefusal(made.problems);
      const product = made.value;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await insertProduct(tx, product, auth.user.id, now);
        await recordChange(req, tx, {
          action: 'cd-product.create',
          resource: { type: 'CdProduct', id: product.id },
          details: { drug: product.drug, code: `${product.code.system}:${product.code.value}` },
          now,
        });
      });
      return reply.status(201).send(productView(product));
    },
  );
}
