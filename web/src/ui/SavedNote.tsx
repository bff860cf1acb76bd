// SavedNote: the polite line saying what a form has just saved ("Appointment booked.", "Added Main safe.").

/** Nothing until there is something to say; then the text as a status. */
export function SavedNote({ text }: { text: string | null | false }) {
  return text ? (
    <p className="saved-note" role="status">
      {text}
    </p>
  ) : null;
}
