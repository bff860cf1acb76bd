// Sources as a patient or clinician reads them: kept here for existing imports; the formatter is core/source-text.ts.
export {
  CLINIC_PRACTICE,
  publishedReference,
  readerReference,
  sourceText,
  withoutInternalNotation,
} from '../core/source-text.ts';
