// First run: the checklist a new service works through after setup (staff, ACLS, controlled-drug stock, clinical
// content sign-off, time zone and register mode), each step computed from the records and linked to where it is
// done; and the clinical content sign-off, an append-only record of who signed off which versions when.
import { hasPermission } from '../../domain/access/roles.ts';
import type { Json } from '../../domain/audit/canonical-json.ts';
import { checklistQuerySchema, contentSignOffSchema } from '../../schemas/setup-checklist.ts';
import {
  contentSignOffReply,
  setupChecklistReply,
  type SetupStep,
} from '../../schemas/replies/setup-checklist.ts';
import {
  contentInForce,
  contentSignOffView,
  findContentSignOff,
  insertContentSignOff,
  latestContentSignOff,
  sameContent,
  type ContentSignOffRow,
} from '../../store/content-signoffs.ts';
import type { Queryable } from '../../store/db.ts';
import { findService, listServices, type ServiceRow } from '../../store/services.ts';
import { setupFacts, type SetupFacts } from '../../store/setup-checklist.ts';
import { readLedgerSettings } from '../../store/ledger.ts';
import type { UserRow } from '../../store/users.ts';
import { authOf, type AppContext, type ZodApp } from '../context.ts';
import { problem } from '../problem.ts';
import { recordChange } from '../record-change.ts';
import { route } from '../route.ts';
import { todayInZone } from '../services-today.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The service a checklist or sign-off is for: the one named (an administrator may name any; others only their
 * own, else 404), or the caller's first service by name, or the first service.
 */
async function serviceFor(db: Queryable, user: UserRow, named: string | undefined): Promise<ServiceRow> {
  const mayNameAny = hasPermission(user.roles, 'service:manage');
  if (named !== undefined) {
    const service = await findService(db, named);
    if (!service || (!mayNameAny && !user.service_ids.includes(named))) throw problem('not-found');
    return service;
  }
  const all = await listServices(db);
  const service = all.find((s) => user.service_ids.includes(s.id)) ?? all[0];
  if (!service) throw problem('not-found', 'No service exists yet.');
  return service;
}

/** The steps, in the order a new service works through them. */
function stepsOf(
  facts: SetupFacts,
  service: ServiceRow,
  registerMode: 'uk' | 'us',
  signOff: { current: boolean; row: ContentSignOffRow | undefined },
): SetupStep[] {
  const staffDone = facts.prescribers > 0 && facts.nurses > 0;
  const cdDone = facts.cdProducts > 0 && facts.cdLocations > 0 && facts.cdReceipts > 0;
  const mode = registerMode === 'us' ? 'US (DEA)' : 'UK';
  return [
    {
      id: 'staff',
      title: 'Add staff with their roles and services',
      description:
        `Add the people who work in ${service.name}, each with their roles and this service: at least one ` +
        'prescriber and one nurse for dosing sessions, and a CD officer to keep the controlled-drug register.',
      status: `${service.name} has ${plural(facts.prescribers, 'prescriber')}, ${plural(facts.nurses, 'nurse')} and ${plural(facts.cdOfficers, 'CD officer')}.`,
      done: staffDone,
      path: '/admin#staff',
      links: [{ text: 'Admin → Staff', path: '/admin#staff' }],
    },
    {
      id: 'acls',
      title: 'Record the ACLS credential of the staff present at dosing',
      description:
        'A dosing session in the clinic needs an ACLS-credentialed clinician present. Record the credential ' +
        '(kind "ACLS", or the local equivalent named starting "ACLS", with its expiry) of each prescriber or ' +
        'nurse who will be present: Admin → Staff → Credentials on their row.',
      status:
        facts.aclsClinicians > 0
          ? `${plural(facts.aclsClinicians, 'prescriber or nurse', 'prescribers or nurses')} of ${service.name} ${facts.aclsClinicians === 1 ? 'holds' : 'hold'} a valid ACLS credential.`
          : `No prescriber or nurse of ${service.name} holds a valid ACLS credential yet.`,
      done: facts.aclsClinicians > 0,
      path: '/admin#staff',
      links: [{ text: 'Admin → Staff → Credentials', path: '/admin#staff' }],
    },
    {
      id: 'cd-stock',
      title: 'Receive controlled-drug stock',
      description:
        'The CD officer adds the product (for example ketamine 10 mg/mL vials) and the stock location (the CD ' +
        'cupboard), then records the first receipt in the controlled-drug register, so doses are drawn from it.',
      status: `${plural(facts.cdProducts, 'product')}, ${plural(facts.cdLocations, 'location')} and ${plural(facts.cdReceipts, 'receipt')} in the register.`,
      done: cdDone,
      path: '/cd-register',
      links: [{ text: 'CD register', path: '/cd-register' }],
    },
    {
      id: 'content-signoff',
      title: 'Review the clinical content and sign it off',
      description:
        'Read the questionnaires, the harm-pathway content pack, the treatment protocols and this service’s ' +
        'thresholds (Admin → Protocol settings), change what your service needs, then sign off the versions in ' +
        'force. A later change of any of them needs a new sign-off.',
      status: signOff.row
        ? signOff.current
          ? `Signed off by ${signOff.row.signed_off_by_name} on ${signOff.row.signed_off_at.toISOString().slice(0, 10)}.`
          : `The content changed after the last sign-off (${signOff.row.signed_off_at.toISOString().slice(0, 10)}, ${signOff.row.signed_off_by_name}): sign off again.`
        : 'Not signed off yet.',
      done: signOff.current,
      path: '/getting-started#content',
      links: [
        { text: 'Review and sign off', path: '/getting-started#content' },
        { text: 'Admin → Protocol settings', path: '/admin#protocol-settings' },
      ],
    },
    {
      id: 'time-zone-and-register',
      title: 'Choose the time zone and the register mode',
      description:
        'An administrator saves the time zone that documents and times show (Admin → Services), and the CD ' +
        'officer saves the register mode: the UK record or the US (DEA) record (CD register → Register mode).',
      status:
        `Time zone ${service.time_zone}${facts.timeZoneChosen ? '' : ' (the default, not yet chosen)'}; ` +
        `register mode ${mode}${facts.registerModeChosen ? '' : ' (the default, not yet chosen)'}.`,
      done: facts.timeZoneChosen && facts.registerModeChosen,
      path: '/admin#services',
      links: [
        { text: 'Admin → Services', path: '/admin#services' },
        { text: 'CD register → Register mode', path: '/cd-register#cd-mode-heading' },
      ],
    },
  ];
}

export function setupChecklistRoutes(api: ZodApp, ctx: AppContext): void {
  api.get(
    '/setup/checklist',
    route('content:manage', { querystring: checklistQuerySchema, 200: setupChecklistReply }),
    async (req) => {
      const service = await serviceFor(ctx.db, authOf(req).user, req.query.service);
      // On the service's calendar, as session start checks an ACLS credential's expiry.
      const today = todayInZone(ctx.now(), service.time_zone);
      const [facts, content, latest, ledger] = [
        await setupFacts(ctx.db, service.id, today),
        await contentInForce(ctx.db, service.id),
        await latestContentSignOff(ctx.db, service.id),
        await readLedgerSettings(ctx.db),
      ];
      const current = latest !== undefined && sameContent(latest.content, content.refs);
      const steps = stepsOf(facts, service, ledger.mode, { current, row: latest });
      return {
        service: { id: service.id, name: service.name },
        complete: steps.every((s) => s.done),
        steps,
        content,
        latestSignOff: latest ? contentSignOffView(latest) : null,
      };
    },
  );

  api.post(
    '/content-signoffs',
    route('content:manage', { body: contentSignOffSchema, 201: contentSignOffReply }),
    async (req, reply) => {
      const auth = authOf(req);
      const service = await serviceFor(ctx.db, auth.user, req.body.serviceId);
      const now = ctx.now();
      const id = await ctx.db.transaction(async (tx) => {
        const inForce = await contentInForce(tx, service.id);
        // The sign-off names what the reviewer read: if the content changed since, they must read it again.
        if (!sameContent(req.body.reviewed, inForce.refs))
          throw problem(
            'conflict',
            'The clinical content in force changed after you loaded it: reload, review the new versions and sign off again.',
          );
        const created = await insertContentSignOff(tx, {
          serviceId: service.id,
          content: inForce.refs,
          note: req.body.note ?? null,
          at: now,
          by: auth.user.id,
        });
        await recordChange(req, tx, {
          action: 'content-signoff.create',
          resource: { type: 'ContentSignOff', id: created },
          details: { serviceId: service.id, content: inForce.refs as unknown as Json },
          now,
        });
        return created;
      });
      const row = await findContentSignOff(ctx.db, id);
      if (!row) throw new Error('sign-off vanished');
      return reply.status(201).send(contentSignOffView(row));
    },
  );
}
