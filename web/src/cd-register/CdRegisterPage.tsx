// CdRegisterPage: /cd-register: stock at a glance, discrepancies and losses, the chain check, and (for the officer) set-up.
import { useApiData } from '../api/use-api-data.ts';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useSession } from '../session/session-context.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { AddLocationForm } from './AddLocationForm.tsx';
import { AddProductForm } from './AddProductForm.tsx';
import { MODE_LABELS } from './cd-format.ts';
import type { RegisterSettings, StockRow } from './cd-types.ts';
import { DiscrepancyWorklist } from './DiscrepancyWorklist.tsx';
import { LedgerChainStatus } from './LedgerChainStatus.tsx';
import { RegisterModeSetting } from './RegisterModeSetting.tsx';
import { StockTable } from './StockTable.tsx';
import { useCatalog } from './use-catalog.ts';

/** /cd-register. */
export function CdRegisterPage() {
  usePageTitle('Controlled-drug register');
  const { can } = useSession();
  const stock = useApiData<{ balances: StockRow[] }>('/cd-register/balances');
  const settings = useApiData<RegisterSettings>('/cd-register/settings');
  const catalog = useCatalog();
  const added = () => {
    stock.reload();
    catalog.reload();
  };

  return (
    <>
      <h1>Controlled-drug register</h1>
      <LedgerChainStatus />
      {settings.data ? <p className="muted">Register mode: {MODE_LABELS[settings.data.mode]}</p> : null}
      <section aria-labelledby="cd-stock-heading" className="panel">
        <h2 id="cd-stock-heading">Stock at a glance</h2>
        <Loaded data={stock} loading="Loading stock…">
          {({ balances }) =>
            balances.length === 0 ? (
              <p>
                No products or stock locations yet.
                {can('cd:manage') ? ' Add them below.' : ' The CD officer adds them.'}
              </p>
            ) : (
              <StockTable rows={balances} />
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="cd-discrepancies-heading" className="panel">
        <h2 id="cd-discrepancies-heading">Discrepancies and losses</h2>
        <DiscrepancyWorklist key={settings.data?.mode ?? ''} catalog={catalog} />
      </section>
      {can('cd:manage') ? (
        <>
          <div className="panel">
            <AddProductForm onAdded={added} />
          </div>
          <div className="panel">
            <AddLocationForm onAdded={added} />
          </div>
          {settings.data ? (
            <div className="panel">
              <RegisterModeSetting
                mode={settings.data.mode}
                modeChosen={settings.data.modeChosen}
                onSaved={settings.reload}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
