// Pickers (roles, ECR repositories and images) read a bounded number of pages from the SDK's paginators:
// enough for any account a person scrolls through, and a typed value still works beyond it.
export const PICKER_PAGES = 5;

/** The items of at most `maxPages` pages of an SDK paginator. */
export async function firstPages<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => Item[],
  maxPages = PICKER_PAGES,
): Promise<Item[]> {
  const out: Item[] = [];
  let read = 0;
  for await (const page of pages) {
    out.push(...items(page));
    if (++read >= maxPages) break;
  }
  return out;
}
