/** Parameters for govukPagination, keeping the page's other query values in every link. */
export interface PaginationView {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

export function pageNumber(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** `fragment` ("#actions") is added to every link, to land on the paged list rather than the page top. */
export function pagination(
  basePath: string,
  query: URLSearchParams,
  page: number,
  totalPages: number,
  fragment = "",
): PaginationView | null {
  if (totalPages <= 1) return null;
  const href = (n: number) => {
    const q = new URLSearchParams(query);
    if (n === 1) q.delete("page");
    else q.set("page", String(n));
    const s = q.toString();
    return `${basePath}${s ? `?${s}` : ""}${fragment}`;
  };
  const items: PaginationView["items"] = [];
  for (let n = 1; n <= totalPages; n++) {
    // First, last, and two either side of the current page; the rest collapse to an ellipsis.
    if (n === 1 || n === totalPages || Math.abs(n - page) <= 2)
      items.push({ number: n, href: href(n), current: n === page });
    else if (!("ellipsis" in (items[items.length - 1] ?? {}))) items.push({ ellipsis: true });
  }
  return {
    ...(page > 1 ? { previous: { href: href(page - 1) } } : {}),
    ...(page < totalPages ? { next: { href: href(page + 1) } } : {}),
    items,
  };
}
