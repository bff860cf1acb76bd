// GettingStartedPage: /getting-started: the first-run checklist of a new service. Each step says what it asks,
// what the records show now and links to where in the product it is done; done or not is computed by the server
// from the records. The clinical content step is done here: read the versions in force and sign them off.
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { SelectField } from '../ui/SelectField.tsx';
import type { SetupChecklist, SetupStep } from './checklist-types.ts';
import { ContentSignOffSection } from './ContentSignOffSection.tsx';

/** One step: its state, a heading linking to where it is done, what it asks and what the records show. */
function StepItem({ step, n }: { step: SetupStep; n: number }) {
  const headingId = `setup-step-${step.id}`;
  return (
    <li className="panel">
      <h2 id={headingId}>
        <span className="visually-hidden">Step {n}: </span>
        <Link to={step.path}>{step.title}</Link>{' '}
        {step.done ? <span className="badge badge-ok">Done</span> : <span className="badge">To do</span>}
      </h2>
      <p>{step.description}</p>
      <p className="muted">{step.status}</p>
      {step.links.length > 1 ? (
        <ul aria-label={`Where: ${step.title}`}>
          {step.links.map((l) => (
            <li key={l.path}>
              <Link to={l.path}>{l.text}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** /getting-started. */
export function GettingStartedPage() {
  usePageTitle('Getting started');
  const { can } = useSession();
  const [serviceId, setServiceId] = useState('');
  const services = useApiData<{ services: { id: string; name: string }[] }>('/services');
  const checklist = useApiData<SetupChecklist>(
    `/setup/checklist${serviceId ? `?service=${encodeURIComponent(serviceId)}` : ''}`,
  );
  const serviceList = services.data?.services ?? [];
  return (
    <>
      <h1>Getting started</h1>
      <p>
        The steps a new service works through before its first dosing session. Each step turns done by itself
        once the records exist; its title links to where it is done.
      </p>
      {serviceList.length > 1 ? (
        <SelectField
          label="Service"
          value={serviceId || (checklist.data?.service.id ?? '')}
          onValue={setServiceId}
          options={serviceList.map((s) => ({ value: s.id, label: s.name }))}
        />
      ) : null}
      <Loaded data={checklist} loading="Loading the checklist…">
        {(list) => {
          const left = list.steps.filter((s) => !s.done).length;
          return (
            <>
              <p role="status">
                {list.complete
                  ? `${list.service.name} is set up: every step is done.`
                  : `${list.service.name}: ${left} of ${list.steps.length} steps to do.`}
              </p>
              <ol className="stack" aria-label="Set-up steps">
                {list.steps.map((step, i) => (
                  <StepItem key={step.id} step={step} n={i + 1} />
                ))}
              </ol>
              <ContentSignOffSection
                checklist={list}
                canSignOff={can('content:manage')}
                onSignedOff={checklist.reload}
              />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
