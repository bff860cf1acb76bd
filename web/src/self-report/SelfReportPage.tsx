// SelfReportPage: the public page a patient opens from a self-report link: no sign-in, no app around it.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import type { SelfReportForm as SelfReportContent } from '../questionnaires/questionnaire-types.ts';
import { SelfReportForm } from './SelfReportForm.tsx';

const GONE = 'This link has expired or was already used. Please ask your clinic for a new one.';

/** /self-report/:token: "Before your appointment", the questions, then a thank-you. */
export function SelfReportPage() {
  usePageTitle('Before your appointment');
  const { token = '' } = useParams();
  const content = useApiData<SelfReportContent>(`/self-report/${encodeURIComponent(token)}`);
  const [state, setState] = useState<'answering' | 'sent' | 'gone'>('answering');
  // A malformed token is refused as invalid (422) rather than unknown (404); to the patient both are the same.
  const gone = state === 'gone' || content.error?.status === 404 || content.error?.status === 422;

  let body;
  if (state === 'sent') {
    body = (
      <div role="status" className="self-report-done">
        <p>Thank you — your answers have been sent to your clinic.</p>
        <p>You can close this page now.</p>
      </div>
    );
  } else if (gone) {
    body = (
      <div role="alert" className="notice notice-warning">
        <p>{GONE}</p>
      </div>
    );
  } else if (content.error) {
    body = (
      <div role="alert" className="notice notice-error">
        <p>Your questions could not be loaded. Please check your connection and try again.</p>
        <button type="button" onClick={content.reload}>
          Try again
        </button>
      </div>
    );
  } else if (!content.data) {
    body = <p role="status">Loading your questions…</p>;
  } else {
    body = (
      <>
        <p className="self-report-intro">
          Your clinic has asked you to answer{' '}
          {content.data.instruments.length === 1 ? 'this questionnaire' : 'these questionnaires'} before your
          appointment. Choose the answer that fits best for each question. Your answers go only to your
          clinic.
        </p>
        <SelfReportForm
          token={token}
          instruments={content.data.instruments}
          onSent={() => {
            setState('sent');
            window.scrollTo(0, 0);
          }}
          onGone={() => {
            setState('gone');
          }}
        />
      </>
    );
  }

  return (
    <div className="self-report">
      <main id="main" className="self-report-main">
        <h1>Before your appointment</h1>
        {body}
      </main>
    </div>
  );
}
