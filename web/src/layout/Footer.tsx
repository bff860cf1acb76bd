// Footer: the standing reminder that KASPR's clinical content is decision support only.

/** The one-line footer on every page. */
export function Footer() {
  return (
    <footer className="site-footer">
      <p>Decision support only: clinical content must be reviewed by your service before clinical use.</p>
    </footer>
  );
}
