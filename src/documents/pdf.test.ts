import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/support/pdf-text.ts';
import { renderPdf } from './pdf.ts';

describe('renderPdf', () => {
  it('writes a PDF whose text can be read back', async () => {
    const bytes = await renderPdf({
      title: 'Discharge summary',
      subtitle: 'Synthetic test',
      blocks: [{ heading: 'Going home', text: 'Do not drive before 22:30.', note: 'Source: test' }],
      footer: 'KASPR',
    });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Discharge summary');
    expect(text).toContain('Do not drive before 22:30.');
  });
});
