// ProductRegisterPage: /cd-register/:productId/:locationId, one product's register at one location, its reports and entry forms.
import { Link, useParams } from 'react-router';
import { emptyBalance, openMg } from '../../../src/domain/ledger/index.ts';
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { stockSentence } from './cd-format.ts';
import type { BalanceView, RegisterList, RegisterSettings } from './cd-types.ts';
import { EntryForms } from './EntryForms.tsx';
import { RegisterTable } from './RegisterTable.tsx';
import { ReportLinks } from './ReportLinks.tsx';
import { useCatalog } from './use-catalog.ts';

/** /cd-register/:productId/:locationId. */
export function ProductRegisterPage() {
  const { productId = '', locationId = '' } = useParams();
  const { can } = useSession();
  const catalog = useCatalog();
  const product = catalog.product(productId);
  const location = catalog.location(locationId);
  const found = product !== undefined && location !== undefined;
  const register = useApiData<RegisterList>(
    found
      ? `/cd-register/entries?productId=${encodeURIComponent(productId)}&locationId=${encodeURIComponent(locationId)}`
      : null,
  );
  const settings = useApiData<RegisterSettings>('/cd-register/settings');
  const title = found ? `${product.label} — ${location.name}` : 'Controlled-drug register';
  usePageTitle(title);

  const back = (
    <p className="breadcrumb">
      <Link to="/cd-register">Controlled-drug register</Link>
    </p>
  );
  if (catalog.error) return <Notice kind="error">{catalog.error.detail ?? catalog.error.title}</Notice>;
  if (!catalog.loaded) return <p role="status">Loading the register…</p>;
  if (!found)
    return (
      <>
        {back}
        <h1>Register not found</h1>
        <p>There is no such product or stock location. Choose one from the stock table.</p>
      </>
    );

  const lines = register.data?.lines ?? [];
  const balance: BalanceView = lines.at(-1)?.balancesAfter[0] ?? {
    ...emptyBalance(productId, locationId),
    openedMg: null,
  };
  return (
    <>
      {back}
      <h1>{title}</h1>
      <p className="muted">
        {location.premises}.
        {register.data
          ? ` In stock now: ${stockSentence(balance, openMg(balance, product), product)}.`
          : null}
      </p>
      <section aria-labelledby="cd-register-heading" className="subsection">
        <h2 id="cd-register-heading">Register</h2>
        {register.error ? (
          <Notice kind="error">{register.error.detail ?? register.error.title}</Notice>
        ) : null}
        {register.loading && !register.data ? <p role="status">Loading entries…</p> : null}
        {register.data && lines.length === 0 ? <p>No entries yet.</p> : null}
        {lines.some((l) => l.entry.patient?.withheld) ? (
          <p className="hint">
            Some patients are shown by reference only: you may not read their records. The reports below name
            them the same way; a colleague who may read them prints the register with names and addresses.
          </p>
        ) : null}
        {lines.length > 0 ? (
          <RegisterTable
            lines={lines}
            product={product}
            locationId={locationId}
            catalog={catalog}
            canOpenChart={can('patient:read')}
          />
        ) : null}
      </section>
      <section aria-labelledby="cd-reports-heading" className="subsection">
        <h2 id="cd-reports-heading">Reports</h2>
        <ReportLinks productId={productId} locationId={locationId} />
      </section>
      {settings.error ? <Notice kind="error">{settings.error.detail ?? settings.error.title}</Notice> : null}
      {can('cd:write') && register.data && settings.data ? (
        <EntryForms
          ctx={{
            product,
            location,
            catalog,
            balance,
            settings: settings.data,
            lines,
            onStale: register.reload,
          }}
          onRecorded={register.reload}
        />
      ) : null}
    </>
  );
}
