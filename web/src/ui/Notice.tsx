// Notice: a short status or error line, announced politely (status) or at once (alert).
import type { ReactNode } from 'react';

interface NoticeProps {
  kind?: 'info' | 'success' | 'error' | 'warning';
  children: ReactNode;
}

/** A boxed message; errors use role="alert", the rest role="status". */
export function Notice({ kind = 'info', children }: NoticeProps) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`notice notice-${kind}`}>
      {children}
    </div>
  );
}
