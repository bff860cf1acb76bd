// DiscrepancyWorklist: counts that found a difference (with their explanations) and losses with their report deadlines.
import { Link } from 'react-router';
import { quantityText } from '../../../src/domain/ledger/format.ts';
import { useApiData } from '../api/use-api-data.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { formatDate } from '../ui/format.ts';
import { Loaded } from '../ui/Loaded.tsx';
import { openedOf, stockSentence } from './cd-format.ts';
import type { Discrepancies, EntryView, LossItem } from './cd-types.ts';
import { LossDeadlines } from './LossDeadlines.tsx';
import { registerPath } from './StockTable.tsx';
import type { Catalog } from './use-catalog.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function EntryLink({ entry, catalog }: { entry: EntryView; catalog: Catalog }) {
  const location = catalog.location(entry.locationId);
  return (
    <>
      <Link to={registerPath(entry.productId, entry.locationId)}>Entry {entry.seq}</Link>
      <span className="hint cd-block">
        {catalog.product(entry.productId)?.drug ?? 'Unknown product'}, {location?.name ?? 'unknown location'}
      </span>
    </>
  );
}

type CountItem = Discrepancies['counts'][number];

/** The columns of the count discrepancies, which name products from the catalogue. */
function countColumns(catalog: Catalog): Column<CountItem>[] {
  const stock = (c: CountItem, at: CountItem['counted']) => {
    const product = catalog.product(c.entry.productId);
    return stockSentence(at, product ? openedOf(at, product) : null, product);
  };
  return [
    { header: 'Entry', cell: (c) => <EntryLink entry={c.entry} catalog={catalog} /> },
    { header: 'Counted on', className: 'nowrap', cell: (c) => formatDate(c.entry.occurredAt) },
    { header: 'Counted', cell: (c) => stock(c, c.counted) },
    { header: 'Register showed', cell: (c) => stock(c, c.expected) },
    {
      header: 'Difference',
      className: 'nowrap',
      cell: (c) => `${signed(c.difference.containers)} sealed, ${signed(c.difference.mg)} mg`,
    },
    {
      header: 'Explanation',
      cell: (c) => (
        <>
          {c.explanation ?? <span className="muted">None given</span>}
          {c.correctedBy.length > 0 ? <span className="hint cd-block">Corrected since</span> : null}
        </>
      ),
    },
  ];
}

/** What was lost, flagged when theft is suspected, with the reason. */
function LostCell({ loss, catalog }: { loss: LossItem; catalog: Catalog }) {
  const product = catalog.product(loss.entry.productId);
  return (
    <>
      {product ? quantityText('loss', loss.entry.quantity, product) : `${loss.entry.quantity.mg} mg`}
      {loss.theft ? <span className="badge badge-danger badge-inline">Theft suspected</span> : null}
      {loss.entry.reason ? <span className="hint cd-block">{loss.entry.reason}</span> : null}
      {loss.correctedBy.length > 0 ? <span className="hint cd-block">Corrected since</span> : null}
    </>
  );
}

/** The columns of the losses. */
function lossColumns(catalog: Catalog): Column<LossItem>[] {
  return [
    { header: 'Entry', cell: (l) => <EntryLink entry={l.entry} catalog={catalog} /> },
    { header: 'Discovered', className: 'nowrap', cell: (l) => formatDate(l.discoveredOn) },
    { header: 'Lost', cell: (l) => <LostCell loss={l} catalog={catalog} /> },
    { header: 'Report by', cell: (l) => <LossDeadlines deadlines={l.deadlines} overdue={l.overdue} /> },
  ];
}

/** "Count discrepancies" and "Losses", each a table, or a line saying there are none. */
export function DiscrepancyWorklist({ catalog }: { catalog: Catalog }) {
  const list = useApiData<Discrepancies>('/cd-register/discrepancies');
  return (
    <Loaded data={list} loading="Loading discrepancies…">
      {({ counts, losses }) => (
        <>
          <h3>Count discrepancies</h3>
          <DataTable
            columns={countColumns(catalog)}
            rows={counts}
            rowKey={(c) => c.entry.id}
            caption="Count discrepancies"
            captionHidden
            empty={<p>No count has found a discrepancy.</p>}
          />
          <h3>Losses</h3>
          <DataTable
            columns={lossColumns(catalog)}
            rows={losses}
            rowKey={(l) => l.entry.id}
            rowClassName={(l) => (l.overdue.length > 0 ? 'row-severe' : undefined)}
            caption="Losses"
            captionHidden
            empty={<p>No losses recorded.</p>}
          />
        </>
      )}
    </Loaded>
  );
}
