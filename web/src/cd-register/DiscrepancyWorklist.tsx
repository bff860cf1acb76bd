// DiscrepancyWorklist: counts that found a difference (with their explanations) and losses with their report deadlines.
import { Link } from 'react-router';
import { quantityText } from '../../../src/domain/ledger/format.ts';
import { useApiData } from '../api/use-api-data.ts';
import { formatDate } from '../ui/format.ts';
import { Notice } from '../ui/Notice.tsx';
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

function LossRow({ loss, catalog }: { loss: LossItem; catalog: Catalog }) {
  const product = catalog.product(loss.entry.productId);
  return (
    <tr className={loss.overdue.length > 0 ? 'row-severe' : undefined}>
      <td>
        <EntryLink entry={loss.entry} catalog={catalog} />
      </td>
      <td className="nowrap">{formatDate(loss.discoveredOn)}</td>
      <td>
        {product ? quantityText('loss', loss.entry.quantity, product) : `${loss.entry.quantity.mg} mg`}
        {loss.theft ? <span className="badge badge-danger badge-inline">Theft suspected</span> : null}
        {loss.entry.reason ? <span className="hint cd-block">{loss.entry.reason}</span> : null}
        {loss.correctedBy.length > 0 ? <span className="hint cd-block">Corrected since</span> : null}
      </td>
      <td>
        <LossDeadlines deadlines={loss.deadlines} overdue={loss.overdue} />
      </td>
    </tr>
  );
}

/** "Count discrepancies" and "Losses", each a table, or a line saying there are none. */
export function DiscrepancyWorklist({ catalog }: { catalog: Catalog }) {
  const list = useApiData<Discrepancies>('/cd-register/discrepancies');
  if (list.error) return <Notice kind="error">{list.error.detail ?? list.error.title}</Notice>;
  if (!list.data) return <p role="status">Loading discrepancies…</p>;
  const { counts, losses } = list.data;
  return (
    <>
      <h3>Count discrepancies</h3>
      {counts.length === 0 ? (
        <p>No count has found a discrepancy.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Count discrepancies</caption>
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Counted on</th>
                <th scope="col">Counted</th>
                <th scope="col">Register showed</th>
                <th scope="col">Difference</th>
                <th scope="col">Explanation</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => {
                const product = catalog.product(c.entry.productId);
                return (
                  <tr key={c.entry.id}>
                    <td>
                      <EntryLink entry={c.entry} catalog={catalog} />
                    </td>
                    <td className="nowrap">{formatDate(c.entry.occurredAt)}</td>
                    <td>
                      {stockSentence(c.counted, product ? openedOf(c.counted, product) : null, product)}
                    </td>
                    <td>
                      {stockSentence(c.expected, product ? openedOf(c.expected, product) : null, product)}
                    </td>
                    <td className="nowrap">
                      {signed(c.difference.containers)} sealed, {signed(c.difference.mg)} mg
                    </td>
                    <td>
                      {c.explanation ?? <span className="muted">None given</span>}
                      {c.correctedBy.length > 0 ? (
                        <span className="hint cd-block">Corrected since</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>Losses</h3>
      {losses.length === 0 ? (
        <p>No losses recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Losses</caption>
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Discovered</th>
                <th scope="col">Lost</th>
                <th scope="col">Report by</th>
              </tr>
            </thead>
            <tbody>
              {losses.map((l) => (
                <LossRow key={l.entry.id} loss={l} catalog={catalog} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
