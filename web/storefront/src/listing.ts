// The listing's filter state lives in the URL (shareable, the back button
// works): q, brand (slugs), min/max (rupees), a.<attribute-slug> (values),
// stock=1 and sort. These turn it into the API's ProductFilter and back.
import type { ProductFilter, ProductSort } from '@purra/web-shared';

export const sorts: readonly ProductSort[] = ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'RATING'];

export type Facets = { brands: readonly { id: string; slug: string }[] };

export function filterFromParams(params: URLSearchParams, facets: Facets, categoryId?: string): ProductFilter {
  const f: ProductFilter = {};
  const q = params.get('q')?.trim();
  if (q) f.query = q;
  if (categoryId) f.categoryId = categoryId;
  const brandSlugs = params.getAll('brand');
  if (brandSlugs.length) f.brandIds = facets.brands.filter((b) => brandSlugs.includes(b.slug)).map((b) => b.id);
  const rupees = (k: string) => {
    const v = params.get(k);
    if (v === null || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : undefined;
  };
  const min = rupees('min');
  const max = rupees('max');
  if (min !== undefined) f.minPrice = min;
  if (max !== undefined) f.maxPrice = max;
  const attrs = new Map<string, string[]>();
  for (const [k, v] of params) if (k.startsWith('a.')) attrs.set(k.slice(2), [...(attrs.get(k.slice(2)) ?? []), v]);
  if (attrs.size) f.attributes = [...attrs].map(([attribute, values]) => ({ attribute, values }));
  if (params.get('stock') === '1') f.inStock = true;
  return f;
}

export function sortFromParams(params: URLSearchParams): ProductSort {
  const s = params.get('sort') as ProductSort | null;
  return s && sorts.includes(s) ? s : 'RELEVANCE';
}

/** Adds or removes one value of a multi-valued parameter, dropping the page state. */
export function toggleParam(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(key);
  next.delete(key);
  const kept = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  for (const v of kept) next.append(key, v);
  return next;
}
