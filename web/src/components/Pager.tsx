/** Newer/older buttons for a paged list (pages are newest first). */
export function Pager({
  label,
  page,
  totalItems,
  size,
  onPage,
}: {
  label: string;
  page: number;
  totalItems: number;
  size: number;
  onPage(page: number): void;
}) {
  const pages = Math.ceil(totalItems / size);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Newer
      </button>
      <span>
        Page {page + 1} of {pages}
      </span>
      <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Older
      </button>
    </nav>
  );
}
