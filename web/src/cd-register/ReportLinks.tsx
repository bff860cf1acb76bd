// ReportLinks: the regulator views of this register as files: the UK register and the US record, as CSV or PDF.

interface ReportLinksProps {
  productId: string;
  locationId: string;
}

const REPORTS = [
  { path: 'uk', format: 'csv', label: 'UK register CSV' },
  { path: 'uk', format: 'pdf', label: 'UK register PDF' },
  { path: 'us', format: 'csv', label: 'US record CSV' },
  { path: 'us', format: 'pdf', label: 'US record PDF' },
] as const;

/** Plain links: the browser sends the session cookie and saves the file the server names. */
export function ReportLinks({ productId, locationId }: ReportLinksProps) {
  const query = `productId=${encodeURIComponent(productId)}&locationId=${encodeURIComponent(locationId)}`;
  return (
    <ul className="cd-report-links">
      {REPORTS.map((r) => (
        <li key={r.label}>
          <a href={`/api/v1/cd-register/reports/${r.path}?${query}&format=${r.format}`}>{r.label}</a>
        </li>
      ))}
    </ul>
  );
}
