import { describe, expect, it } from 'vitest';
import { prescriberReasonBlock, sessionPreChecks, type SessionPreCheckInput } from './session-gates.ts';
import { at, esketamine, ivPsychiatric, readyForSession, sublingual, vitals } from './test-fixtures.ts';

const ready: SessionPreCheckInput = readyForSession;
const check = (changes: Partial<SessionPreCheckInput>) => sessionPreChecks({ ...ready, ...changes });
const codes = (changes: Partial<SessionPreCheckInput>) => check(changes).blocks.map((b) => b.code);

describe('sessionPreChecks: IV psychiatric', () => {
  it('passes when every gate is satisfied', () => {
    expect(check({})).toEqual({ ok: true, blocks: [] });
  });

  it.each([
    ['no consent', { consent: null }],
    ['inactive consent', { consent: { active: false, route: 'iv-racemic' } }],
    ['consent for another route', { consent: { active: true, route: 'sublingual' } }],
  ] as const)('blocks on %s', (_label, changes) => {
    expect(codes(changes)).toEqual(['consent-required']);
  });

  it('names the route of a consent for another route', () => {
    expect(check({ consent: { active: true, route: 'sublingual' } }).blocks[0]?.text).toContain(
      'covers sublingual, not iv-racemic',
    );
  });

  it('blocks until eligibility is signed', () => {
    expect(codes({ eligibility: { signed: false } })).toEqual(['eligibility-not-signed']);
    expect(codes({ eligibility: null })).toEqual(['eligibility-not-signed']);
  });

  it('blocks on a new contraindication, missing escort, fasting or ACLS clinician, each with a source', () => {
    const result = check({
      newContraindication: true,
      escortConfirmed: false,
      fastingConfirmed: false,
      aclsClinicianPresent: false,
    });
    expect(result.ok).toBe(false);
    expect(result.blocks.map((b) => b.code)).toEqual([
      'new-contraindication',
      'escort-not-confirmed',
      'fasting-not-confirmed',
      'acls-clinician-required',
    ]);
    for (const b of result.blocks) expect(b.source).not.toBe('');
    expect(result.blocks.find((b) => b.code === 'acls-clinician-required')?.source).toContain('tenet 6');
    expect(result.blocks.find((b) => b.code === 'fasting-not-confirmed')?.text).toContain('2 hours');
  });

  it('blocks without a baseline, with an incomplete or future one, and with one older than 60 min', () => {
    expect(codes({ baseline: null })).toEqual(['baseline-vitals-missing']);
    expect(codes({ baseline: vitals({ spo2: NaN }, at(-10)) })).toEqual(['baseline-vitals-missing']);
    expect(codes({ baseline: vitals({}, at(5)) })).toEqual(['baseline-vitals-missing']);
    expect(codes({ baseline: vitals({}, new Date('x')) })).toEqual(['baseline-vitals-missing']);
    expect(codes({ baseline: vitals({}, at(-60)) })).toEqual([]);
    expect(codes({ baseline: vitals({}, at(-61)) })).toEqual(['baseline-vitals-missing']);
    expect(codes({ baseline: vitals({}, at(-60 * 24)) })).toEqual(['baseline-vitals-missing']);
  });

  it.each([
    [140, 90, []],
    [141, 90, ['bp-above-threshold-needs-acknowledgement']],
    [140, 91, ['bp-above-threshold-needs-acknowledgement']],
  ])('pre-dose BP %i/%i gives %j', (systolic, diastolic, expected) => {
    expect(codes({ baseline: vitals({ systolic, diastolic }, at(-10)) })).toEqual(expected);
  });

  it('lets a prescriber acknowledge BP above 140/90, and cites the source', () => {
    const high = vitals({ systolic: 150, diastolic: 95 }, at(-10));
    expect(check({ baseline: high }).blocks[0]?.source).toMatch(/>140 systolic or >90 diastolic/);
    expect(
      codes({ baseline: high, prescriberAcknowledgedHighBp: true, acknowledgedByPrescriber: true }),
    ).toEqual([]);
  });

  it('refuses an acknowledgement of high BP that does not come from a prescriber', () => {
    const high = vitals({ systolic: 150, diastolic: 95 }, at(-10));
    expect(codes({ baseline: high, prescriberAcknowledgedHighBp: true })).toEqual([
      'prescriber-authorisation-required',
    ]);
    expect(
      codes({ baseline: high, prescriberAcknowledgedHighBp: true, acknowledgedByPrescriber: false }),
    ).toEqual(['prescriber-authorisation-required']);
  });

  it.each([
    [179, 109, []],
    [180, 109, ['bp-above-absolute-ceiling']],
    [179, 110, ['bp-above-absolute-ceiling']],
    [181, 80, ['bp-above-absolute-ceiling']],
    [120, 111, ['bp-above-absolute-ceiling']],
  ])(
    'blocks pre-dose BP %i/%i at the absolute ceiling even when a prescriber acknowledges it: %j',
    (systolic, diastolic, expected) => {
      const baseline = vitals({ systolic, diastolic }, at(-10));
      expect(codes({ baseline, prescriberAcknowledgedHighBp: true, acknowledgedByPrescriber: true })).toEqual(
        expected,
      );
    },
  );

  it('takes the ceiling from the protocol when it sets one, and cites its source', () => {
    const protocol = {
      ...ivPsychiatric,
      preDose: {
        ...ivPsychiatric.preDose,
        systolicCeiling: { ...ivPsychiatric.preDose.systolicCeiling!, value: 170 },
      },
    };
    const baseline = vitals({ systolic: 170, diastolic: 90 }, at(-10));
    const result = check({
      protocol,
      baseline,
      prescriberAcknowledgedHighBp: true,
      acknowledgedByPrescriber: true,
    });
    expect(result.blocks.map((b) => b.code)).toEqual(['bp-above-absolute-ceiling']);
    expect(result.blocks[0]?.source).toMatch(/180\/110/);
  });

  it.each(['home', 'remote'] as const)(
    'keeps IV in the clinic (ASKP tenet 8): blocks a %s session',
    (setting) => {
      const result = check({ setting });
      expect(result.blocks.map((b) => b.code)).toEqual(['parenteral-route-needs-clinic']);
      expect(result.blocks[0]?.source).toContain('tenet 8');
    },
  );

  it('asks for an escort to be confirmed for a clinic session', () => {
    expect(codes({ escortConfirmed: false })).toEqual(['escort-not-confirmed']);
  });
});

describe('sessionPreChecks: esketamine (REMS)', () => {
  const spravato: Partial<SessionPreCheckInput> = {
    protocol: esketamine,
    consent: { active: true, route: 'intranasal-esketamine' },
    prescriberOnSite: true,
    remsPatientEnrolled: true,
  };

  it('passes with a prescriber on site and an enrolled patient', () => {
    expect(codes(spravato)).toEqual([]);
  });

  it('blocks without a prescriber on site or REMS enrolment', () => {
    expect(codes({ ...spravato, prescriberOnSite: undefined, remsPatientEnrolled: false })).toEqual([
      'prescriber-on-site-required',
      'rems-enrolment-required',
    ]);
  });

  it('is never given at home (REMS: never dispensed for home use)', () => {
    expect(codes({ ...spravato, setting: 'home' })).toEqual(['setting-not-allowed']);
  });
});

describe('sessionPreChecks: sublingual KAP', () => {
  const kap: Partial<SessionPreCheckInput> = {
    protocol: sublingual,
    consent: { active: true, route: 'sublingual' },
    aclsClinicianPresent: false,
  };

  // Review 2026-12 §6 item 20: ACLS for clinic KAP is a setting defaulting to ASKP tenet 6.
  it('needs an ACLS clinician in the clinic (ASKP tenet 6), and passes with one', () => {
    expect(codes(kap)).toEqual(['acls-clinician-required']);
    expect(codes({ ...kap, aclsClinicianPresent: true })).toEqual([]);
  });

  it.each(['home', 'remote'] as const)('needs a chaperone present for a %s session', (setting) => {
    expect(codes({ ...kap, setting })).toEqual(['chaperone-required']);
    expect(codes({ ...kap, setting, chaperonePresent: false })).toEqual(['chaperone-required']);
    // No ACLS clinician away from the clinic: the chaperone rule applies there.
    expect(codes({ ...kap, setting, chaperonePresent: true, escortConfirmed: false })).toEqual([]);
  });
});

describe('prescriberReasonBlock', () => {
  it('needs a prescriber only when the dose carries an escalation reason', () => {
    expect(prescriberReasonBlock({}, false)).toBeNull();
    expect(prescriberReasonBlock({ prescriberReason: 'Partial response' }, true)).toBeNull();
    expect(prescriberReasonBlock({ prescriberReason: 'Partial response' }, false)?.code).toBe(
      'prescriber-authorisation-required',
    );
  });
});
