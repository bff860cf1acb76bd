// The controlled-drug register's stock locations: the CD cupboards and safes, each at its premises.
import { locationListReply, locationReply } from '../../schemas/replies/cd-register.ts';
import { randomUUID } from 'node:crypto';
import { locationBodySchema } from '../../schemas/cd-register.ts';
import { findLocationByName, insertLocation, listLocations } from '../../store/ledger.ts';
import { locationView } from '../cd-register/views.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { route } from '../route.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';

export function cdRegisterLocationRoutes(api: ZodApp, ctx: AppContext): void {
  api.get('/cd-register/locations', route('cd:read', { 200: locationListReply }), async () => ({
    locations: (await listLocations(ctx.db)).map(locationView),
  }));

  api.post(
    '/cd-register/locations',
    route('cd:manage', { body: locationBodySchema, 201: locationReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const location = { id: randomUUID(), name: req.body.name, premisesId: req.body.premises };
      if (await findLocationByName(ctx.db, location.premisesId, location.name))
        throw problem('conflict', 'A location with that name already exists at those premises.');
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        await insertLocation(tx, location, auth.user.id, now);
        await recordChange(req, tx, {
          action: 'cd-location.create',
          resource: { type: 'CdLocation', id: location.id },
          details: { name: location.name, premises: location.premisesId },
          now,
        });
      });
      return reply.status(201).send(locationView(location));
    },
  );
}
