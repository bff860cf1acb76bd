// RegisterTable: one product's register at one location, in the order entries were made, with the running balance.
import { Fragment } from 'react';
import { quantityText } from '../../../src/domain/ledger/format.ts';
import { openMg } from '../../../src/domain/ledger/index.ts';
import { formatDate, formatDateTime, formatTime } from '../ui/format.ts';
import { containersText, KIND_LABELS } from './cd-format.ts';
import type { BalanceView, ProductView, RegisterLine } from './cd-types.ts';
import { EntryDetails } from './EntryDetails.tsx';
import type { Catalog } from './use-catalog.ts';

interface RegisterTableProps {
  lines: readonly RegisterLine[];
  product: ProductView;
  locationId: string;
  catalog: Catalog;
  canOpenChart: boolean;
}

/** What an entry moved, in its kind's terms; a correction says what its target now reads. */
function quantityCell(line: RegisterLine, product: ProductView): string {
  const { entry, corrects } = line;
  if (entry.kind === 'correction')
    return corrects
      ? `Entry ${corrects.seq} now reads ${quantityText(corrects.kind, entry.quantity, product)}`
      : quantityText('receipt', entry.quantity, product);
  return quantityText(entry.kind, entry.quantity, product);
}

/** "22 Nov 2026" over "09:35", local time. */
function When({ iso }: { iso: string }) {
  return (
    <>
      <span className="cd-block">{formatDateTime(iso).split(', ')[0]}</span>
      <span className="cd-block muted">{formatTime(iso)}</span>
    </>
  );
}

function BalanceCell({ balance, product }: { balance: BalanceView | undefined; product: ProductView }) {
  if (!balance) return null;
  return (
    <>
      <span className="cd-block">{containersText(balance.containers, product)} sealed</span>
      <span className="cd-block">
        {balance.mg} mg <span className="muted">({openMg(balance, product)} mg opened)</span>
      </span>
    </>
  );
}

/** "Corrected on 02 Mar 2026 by Nora Nurse (entry 9): reason; now reads 30 mg (3 mL)." */
function footnotes(line: RegisterLine, product: ProductView): string[] {
  return line.corrections.map(
    (c) =>
      `Corrected on ${formatDate(c.recordedAt)} by ${c.author.displayName ?? c.author.id} (entry ${c.seq}): ${c.reason ?? ''}; now reads ${quantityText(line.entry.kind, c.quantity, product)}.`,
  );
}

/** Seq, Date of transaction, Entered, Kind, Details, Quantity, Balance after, By. */
export function RegisterTable({ lines, product, locationId, catalog, canOpenChart }: RegisterTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table cd-register-table">
        <caption className="visually-hidden">Register, oldest entry first</caption>
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">Date of transaction</th>
            <th scope="col">Entered</th>
            <th scope="col">Kind</th>
            <th scope="col">Details</th>
            <th scope="col">Quantity</th>
            <th scope="col">Balance after</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const { entry, struck } = line;
            const quantity = quantityCell(line, product);
            const notes = struck ? footnotes(line, product) : [];
            return (
              <Fragment key={entry.id}>
                <tr className={struck ? 'cd-struck' : undefined}>
                  <th scope="row">{entry.seq}</th>
                  <td className="nowrap">
                    <When iso={entry.occurredAt} />
                  </td>
                  <td className="nowrap">
                    <When iso={entry.recordedAt} />
                  </td>
                  <td>
                    {KIND_LABELS[entry.kind]}
                    {struck ? <span className="hint cd-block">Corrected — see the note below</span> : null}
                  </td>
                  <td className="cd-details">
                    <EntryDetails
                      line={line}
                      locationId={locationId}
                      catalog={catalog}
                      canOpenChart={canOpenChart}
                    />
                  </td>
                  <td>{struck ? <del>{quantity}</del> : quantity}</td>
                  <td className="nowrap">
                    <BalanceCell balance={line.balancesAfter[0]} product={product} />
                  </td>
                  <td>{entry.author.displayName ?? entry.author.id}</td>
                </tr>
                {notes.length > 0 ? (
                  <tr className="cd-footnote-row">
                    <td colSpan={8}>
                      {notes.map((note) => (
                        <p key={note} className="cd-footnote">
                          <span aria-hidden="true">† </span>
                          {note}
                        </p>
                      ))}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
