// The first-run checklist as the API sends it (types from the reply schemas).
export type {
  ContentSignOff,
  SetupChecklist,
  SetupStep,
} from '../../../src/schemas/replies/setup-checklist.ts';
