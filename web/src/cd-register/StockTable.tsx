// StockTable: "Stock at a glance": every product at every location, sealed and opened, each row opening its register.
import { Link } from 'react-router';
import type { StockRow } from './cd-types.ts';

/** The path of one product's register at one location. */
export function registerPath(productId: string, locationId: string): string {
  return `/cd-register/${encodeURIComponent(productId)}/${encodeURIComponent(locationId)}`;
}

/** Product (link to its register there), Location, Sealed containers, Opened mg, Total mg. */
export function StockTable({ rows }: { rows: readonly StockRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table cd-stock-table">
        <caption className="visually-hidden">Stock at a glance</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Location</th>
            <th scope="col" className="cd-num">
              Sealed containers
            </th>
            <th scope="col" className="cd-num">
              Opened mg
            </th>
            <th scope="col" className="cd-num">
              Total mg
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={`${b.productId}/${b.locationId}`} className={b.mg === 0 ? 'row-muted' : undefined}>
              <td>
                <Link to={registerPath(b.productId, b.locationId)}>
                  {b.product ?? 'Unknown product'}
                  <span className="visually-hidden"> at {b.location?.name ?? 'unknown location'}</span>
                </Link>
              </td>
              <td>
                {b.location?.name ?? 'Unknown location'}
                {b.location ? <span className="hint cd-block">{b.location.premises}</span> : null}
              </td>
              <td className="cd-num">{b.containers}</td>
              <td className="cd-num">{b.openedMg ?? '—'}</td>
              <td className="cd-num">{b.mg}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
