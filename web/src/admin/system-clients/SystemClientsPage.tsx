// SystemClientsPage: /admin/system-clients, the SMART Backend Services clients (a data warehouse, an EHR) that read
// the FHIR API with a signed assertion instead of a person's sign-in: the list, registering one, keys and disabling.
import { Link } from 'react-router';
import type { SystemClientView } from '../../../../src/schemas/replies/system-clients.ts';
import { useApiData } from '../../api/use-api-data.ts';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { Service } from '../admin-types.ts';
import { RegisterSystemClientForm } from './RegisterSystemClientForm.tsx';
import { SystemClientRow } from './SystemClientRow.tsx';
import { useSmartConfiguration } from './use-smart-configuration.ts';
import './system-clients.css';

const HEADERS = ['Name', 'Client id', 'Scope', 'Services', 'Keys', 'Status', 'Created', 'Actions'].map(
  (header) => ({ header }),
);

/** /admin/system-clients (permission user:manage, as the API's). */
export function SystemClientsPage() {
  usePageTitle('System clients');
  const clients = useApiData<{ systemClients: SystemClientView[] }>('/system-clients');
  const services = useApiData<{ services: Service[] }>('/services');
  const smart = useSmartConfiguration();
  const configuration = smart.state === 'loaded' ? smart.configuration : null;
  const serviceList = services.data?.services ?? [];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin">Admin</Link>
      </p>
      <h1>System clients</h1>
      <p>
        A system with no person to sign in, such as a data warehouse or an EHR integration engine, reads the
        FHIR API as a SMART Backend Services client: it signs an assertion with its private key and gets a
        five-minute token. It reads only the services named here, and its reads are audited as “System client:
        name”.
      </p>
      {configuration ? (
        <p>
          Token URL: <code className="client-id">{configuration.tokenUrl}</code>
        </p>
      ) : null}
      {smart.state === 'failed' ? (
        <Notice kind="error">Could not read the FHIR discovery document for the token URL and scopes.</Notice>
      ) : null}
      <section className="panel" aria-labelledby="system-clients-heading">
        <h2 id="system-clients-heading">Registered clients</h2>
        {services.error ? (
          <Notice kind="error">{services.error.detail ?? services.error.title}</Notice>
        ) : null}
        <Loaded data={clients} loading="Loading system clients…">
          {({ systemClients }) => (
            <DataTable
              columns={HEADERS}
              rows={systemClients}
              rowKey={(c) => c.id}
              empty="No system clients yet."
              row={(c) => <SystemClientRow client={c} services={serviceList} onChanged={clients.reload} />}
            />
          )}
        </Loaded>
      </section>
      <section className="panel" aria-labelledby="register-client-heading">
        <h2 id="register-client-heading">Register a system client</h2>
        <RegisterSystemClientForm
          services={serviceList}
          smart={configuration}
          onRegistered={clients.reload}
        />
      </section>
    </>
  );
}
