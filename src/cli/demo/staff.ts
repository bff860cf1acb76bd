// The demo service and its staff: one sign-in per role (reused on a re-run, with a fresh password), ACLS
// credentials for the clinicians at dosing, and more practitioners so caseloads and calibration have raters.
import { randomBytes } from 'node:crypto';
import { passwordProblem } from '../../domain/auth/password-policy.ts';
import type { Role } from '../../domain/access/roles.ts';
import { commonPasswords } from '../../security/common-passwords.ts';
import { hashPassword } from '../../security/passwords.ts';
import type { Database } from '../../store/db.ts';
import { findServiceByName, insertService } from '../../store/services.ts';
import { findUserByEmail, insertCredential, insertUser, setPassword } from '../../store/users.ts';
import { isoDay, addDays } from './clock.ts';
import { recordDemoChange } from './record.ts';

export const DEMO_SERVICE = 'Demo service';

export interface DemoStaffMember {
  key: StaffKey;
  email: string;
  displayName: string;
  roles: Role[];
  /** Present at dosing: holds an ACLS credential. */
  acls?: boolean;
}

export type StaffKey =
  | 'admin'
  | 'supervisor'
  | 'prescriber'
  | 'nurse'
  | 'practitioner'
  | 'practitioner2'
  | 'practitioner3'
  | 'cdOfficer';

/** One sign-in per role (the first practitioner is the one printed for the role), and two more practitioners. */
export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { key: 'admin', email: 'demo.admin@example.org', displayName: 'Ada Admin (demo)', roles: ['admin'] },
  {
    key: 'supervisor',
    email: 'demo.supervisor@example.org',
    displayName: 'Sana Supervisor (demo)',
    roles: ['supervisor'],
  },
  {
    key: 'prescriber',
    email: 'demo.prescriber@example.org',
    displayName: 'Priya Prescriber (demo)',
    roles: ['prescriber'],
    acls: true,
  },
  {
    key: 'nurse',
    email: 'demo.nurse@example.org',
    displayName: 'Nadia Nurse (demo)',
    roles: ['nurse'],
    acls: true,
  },
  {
    key: 'practitioner',
    email: 'demo.practitioner@example.org',
    displayName: 'Pat Practitioner (demo)',
    roles: ['practitioner'],
  },
  {
    key: 'practitioner2',
    email: 'demo.practitioner2@example.org',
    displayName: 'Robin Keyworker (demo)',
    roles: ['practitioner'],
  },
  {
    key: 'practitioner3',
    email: 'demo.practitioner3@example.org',
    displayName: 'Jules Outreach (demo)',
    roles: ['practitioner'],
  },
  {
    key: 'cdOfficer',
    email: 'demo.cd-officer@example.org',
    displayName: 'Carl CD-Officer (demo)',
    roles: ['cd-officer'],
  },
];

/** A generated password that meets the product's password policy. */
export function demoPassword(member: Pick<DemoStaffMember, 'email' | 'displayName'>): string {
  for (;;) {
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    const weak = passwordProblem(password, {
      email: member.email,
      displayName: member.displayName,
      common: commonPasswords(),
    });
    if (!weak) return password;
  }
}

export interface DemoStaff {
  serviceId: string;
  ids: Record<StaffKey, string>;
  signIns: { role: string; email: string; password: string; created: boolean }[];
}

/**
 * The demo service and its staff, created on the first run and reused after; every demo user gets a new
 * password so the printed sign-ins work. Credentials are recorded once, valid across the demo's window.
 */
export async function ensureDemoStaff(db: Database, today: Date, from: Date): Promise<DemoStaff> {
  const passwords = DEMO_STAFF.map((m) => demoPassword(m));
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  return db.transaction(async (tx) => {
    const service =
      (await findServiceByName(tx, DEMO_SERVICE)) ??
      (await insertService(tx, DEMO_SERVICE, {
        phone: '01632 960000',
        address: '1 Example Street, Demo Town, DT1 1AA',
      }));
    const ids: Partial<Record<StaffKey, string>> = {};
    const signIns: DemoStaff['signIns'] = [];
    const actor = { admin: '' };
    for (const [i, member] of DEMO_STAFF.entries()) {
      const passwordHash = hashes[i] ?? '';
      const password = passwords[i] ?? '';
      const existing = await findUserByEmail(tx, member.email);
      const id =
        existing?.id ??
        (await insertUser(tx, {
          email: member.email,
          displayName: member.displayName,
          passwordHash,
          roles: member.roles,
          serviceIds: [service.id],
        }));
      if (existing) await setPassword(tx, id, passwordHash);
      if (member.key === 'admin') actor.admin = id;
      const by = actor.admin || id;
      await recordDemoChange(tx, {
        action: existing ? 'user.update' : 'user.create',
        resource: { type: 'User', id },
        details: existing ? { via: 'kaspr demo', password: 'reset' } : { via: 'kaspr demo' },
        actorId: by,
        now: today,
      });
      if (!existing && member.acls) {
        const credential = await insertCredential(tx, {
          userId: id,
          kind: 'ACLS',
          identifier: `DEMO-ACLS-${String(i + 1).padStart(3, '0')}`,
          issuedOn: isoDay(addDays(from, -200)),
          expiresOn: isoDay(addDays(today, 530)),
          recordedBy: by,
        });
        await recordDemoChange(tx, {
          action: 'credential.create',
          resource: { type: 'StaffCredential', id: credential.id },
          details: { kind: 'ACLS' },
          actorId: by,
          now: today,
        });
      }
      ids[member.key] = id;
      signIns.push({ role: member.roles.join(', '), email: member.email, password, created: !existing });
    }
    return { serviceId: service.id, ids: ids as Record<StaffKey, string>, signIns };
  });
}
