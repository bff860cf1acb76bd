// One administration event against its session: the state machine, stock only at the start, the dose or amount
// given, the register correction when less was given than drawn, and the status shown on the session.
import { describe, expect, it } from 'vitest';
import {
  administrationCheck,
  administrationStatus,
  plannedDoseOf,
  type AdministrationRequest,
  type AdministrationSession,
} from './administration.ts';
import type { RecordedSessionEvent } from './discharge-events.ts';
import { at, ivPsychiatric, TODAY, weighed } from './test-fixtures.ts';

const planned = { doseMg: 35, rateMgPerHour: 52.5, durationMin: 40 };
const stock = { productId: 'p1', locationId: 'l1', entryId: 'e1' };
const started = (data: Record<string, unknown> = {}): RecordedSessionEvent => ({
  kind: 'administration-start',
  at: at(0),
  data: { doseMg: 35, concentrationMgPerMl: 1, cdStock: stock, ...data },
});
const session = (events: RecordedSessionEvent[] = [], changes: Partial<AdministrationSession> = {}) => ({
  now: at(60),
  startedAt: at(-10),
  baselineAt: at(-10),
  discharged: false,
  events,
  protocol: ivPsychiatric,
  planned,
  plannedConcentrationMgPerMl: 1,
  weight: weighed(70),
  today: TODAY,
  ...changes,
});
const request = (changes: Partial<AdministrationRequest> = {}): AdministrationRequest => ({
  event: 'start',
  at: at(0),
  drawsStock: false,
  ...changes,
});

describe('administrationCheck', () => {
  it('records a start at the planned dose with its chart line', () => {
    const r = administrationCheck(session(), request());
    expect(r).toMatchObject({
      ok: true,
      value: {
        kind: 'administration-start',
        dose: { doseMg: 35 },
        timeline: 'Administration started (35 mg)',
      },
    });
  });

  it('blocks a second start with 409-kind blocked', () => {
    const r = administrationCheck(session([started()]), request());
    expect(r).toMatchObject({
      ok: false,
      refusal: { kind: 'blocked', code: 'administration-already-started' },
    });
  });

  it('refuses a time in the future as out of bounds on the "at" field', () => {
    const r = administrationCheck(session(), request({ at: at(63) }));
    expect(r).toMatchObject({
      ok: false,
      refusal: { kind: 'out-of-bounds', code: 'administration-time-invalid', path: 'at' },
    });
  });

  it('blocks any event on a discharged session', () => {
    const r = administrationCheck(session([], { discharged: true }), request());
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'blocked', code: 'session-discharged' } });
  });

  it('draws stock at the start, and refuses stock with a rate change or a stop', () => {
    expect(administrationCheck(session(), request({ drawsStock: true }))).toMatchObject({
      ok: true,
      value: { drawStock: true },
    });
    for (const event of ['rate-change', 'stop'] as const) {
      const r = administrationCheck(session([started()]), request({ event, at: at(40), drawsStock: true }));
      expect(r).toMatchObject({
        ok: false,
        refusal: { kind: 'out-of-bounds', code: 'cd-stock-at-start-only', path: 'cdStock' },
      });
    }
  });

  it('takes the register as the default source: a start outside it while it holds stock needs a reason', () => {
    const withStock = session([], { registerStockAvailable: true });
    expect(administrationCheck(withStock, request({ drawsStock: true }))).toMatchObject({
      ok: true,
      value: { drawStock: true, notFromRegisterReason: null },
    });
    for (const notFromRegisterReason of [undefined, '', '   ']) {
      const r = administrationCheck(withStock, request({ notFromRegisterReason }));
      expect(r).toMatchObject({
        ok: false,
        refusal: {
          kind: 'out-of-bounds',
          code: 'cd-stock-reason-required',
          path: 'notFromRegisterReason',
          text: expect.stringContaining('give the reason it is not drawn from the register'),
        },
      });
    }
    const given = administrationCheck(
      withStock,
      request({ notFromRegisterReason: '  Patient’s own supply, witnessed  ' }),
    );
    expect(given).toMatchObject({
      ok: true,
      value: { drawStock: false, notFromRegisterReason: 'Patient’s own supply, witnessed' },
    });
  });

  it('asks no reason when the register holds no stock for the service, or for a rate change or stop', () => {
    for (const changes of [{}, { registerStockAvailable: false }]) {
      expect(administrationCheck(session([], changes), request())).toMatchObject({ ok: true });
    }
    const r = administrationCheck(
      session([started()], { registerStockAvailable: true }),
      request({ event: 'rate-change', at: at(5), rateMgPerHour: 52.5 }),
    );
    expect(r).toMatchObject({ ok: true });
  });

  it('refuses a reason for a dose outside the register with stock drawn, or away from the start', () => {
    const drawn = administrationCheck(
      session([], { registerStockAvailable: true }),
      request({ drawsStock: true, notFromRegisterReason: 'Own supply' }),
    );
    expect(drawn).toMatchObject({
      ok: false,
      refusal: { code: 'cd-stock-reason-with-stock', path: 'notFromRegisterReason' },
    });
    const stop = administrationCheck(
      session([started()]),
      request({ event: 'stop', at: at(40), notFromRegisterReason: 'Own supply' }),
    );
    expect(stop).toMatchObject({ ok: false, refusal: { code: 'cd-stock-reason-with-stock' } });
  });

  it('keeps a rate change off the chart', () => {
    const r = administrationCheck(
      session([started()]),
      request({ event: 'rate-change', at: at(5), rateMgPerHour: 52.5 }),
    );
    expect(r).toMatchObject({ ok: true, value: { kind: 'administration-rate-change', timeline: null } });
  });

  it('refuses a dose above the protocol maximum as out of bounds on the dose', () => {
    const r = administrationCheck(session(), request({ doseMg: 350, reason: 'typo' }));
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'out-of-bounds', path: 'doseMg' } });
  });

  it('corrects the register from the start stock when 0.1 mg is left over, not when nothing is', () => {
    const stop = (givenMg: number) =>
      administrationCheck(session([started()]), request({ event: 'stop', at: at(40), givenMg }));
    expect(stop(34.9)).toMatchObject({
      ok: true,
      value: { refundFrom: stock, stopped: { leftOverMg: 0.1 } },
    });
    expect(stop(35)).toMatchObject({ ok: true, value: { refundFrom: null, stopped: { leftOverMg: 0 } } });
  });

  it('needs the amount when an infusion stops early, as out of bounds on givenMg', () => {
    const r = administrationCheck(session([started()]), request({ event: 'stop', at: at(20) }));
    expect(r).toMatchObject({
      ok: false,
      refusal: { kind: 'out-of-bounds', code: 'administration-amount-needed', path: 'givenMg' },
    });
  });

  it('says on the chart how much a stop gave', () => {
    const r = administrationCheck(session([started()]), request({ event: 'stop', at: at(40), givenMg: 20 }));
    expect(r).toMatchObject({ ok: true, value: { timeline: 'Administration stopped: 20 mg given' } });
  });
});

describe('administrationStatus', () => {
  it('is not started, running, then stopped with the amount given', () => {
    const p = plannedDoseOf({ doseMg: 35, rateMgPerHour: 52.5, durationMin: 40 });
    expect(administrationStatus(p, [])).toMatchObject({ status: 'not-started', givenMg: null });
    expect(administrationStatus(p, [started()])).toMatchObject({ status: 'running', startedMg: 35 });
    const stop = { kind: 'administration-stop', data: { givenMg: 20, leftOverMg: 15, stoppedEarly: true } };
    expect(administrationStatus(p, [started(), stop])).toEqual({
      status: 'stopped',
      plannedMg: 35,
      startedMg: 35,
      givenMg: 20,
      leftOverMg: 15,
      stoppedEarly: true,
    });
  });

  it('takes the dose started when a stop recorded no amount', () => {
    const p = plannedDoseOf({ doseMg: 35 });
    const stop = { kind: 'administration-stop', data: {} };
    expect(administrationStatus(p, [started(), stop])).toMatchObject({ givenMg: 35, leftOverMg: 0 });
  });
});
