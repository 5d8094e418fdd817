import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, CategoryBySlugDocument, ListingFacetsDocument, SearchProductsDocument, type ProductFilter, type ProductSort } from '@purra/web-shared';
import { useI18n, type MessageKey } from '../i18n';
import { useHead } from '../head';
import { QueryState } from '../components/QueryState';
import { ProductGrid } from '../components/ProductCard';
import { filterFromParams, sortFromParams, sorts, toggleParam } from '../listing';

const PAGE = 20;

/** One page of results; the last page offers "load more", which adds the next. */
function ResultsPage({ filter, sort, after, last, onMore, first }: { filter: ProductFilter; sort: ProductSort; after: string | null; last: boolean; onMore: (cursor: string) => void; first: boolean }) {
  const { t, count } = useI18n();
  const [res, run] = useQuery({ query: SearchProductsDocument, variables: { filter, sort, first: PAGE, after } });
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) => (
        <>
          {first && (
            <p role="status" className="mb-3 text-sm text-slate-700">
              {t('listing.count', { count: count(d.products.totalCount) })}
            </p>
          )}
          {first && d.products.totalCount === 0 && <p className="py-8 text-slate-700">{t('listing.empty')}</p>}
          <ProductGrid products={d.products.edges.map((e) => e.node)} eagerFirst={first ? 4 : 0} />
          {last && d.products.pageInfo.hasNextPage && d.products.pageInfo.endCursor && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" onClick={() => onMore(d.products.pageInfo.endCursor!)}>
                {t('listing.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}

function Results({ filter, sort }: { filter: ProductFilter; sort: ProductSort }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div className="flex flex-col gap-4">
      {cursors.map((after, i) => (
        <ResultsPage key={after ?? 'first'} filter={filter} sort={sort} after={after} first={i === 0} last={i === cursors.length - 1} onMore={(c) => setCursors([...cursors, c])} />
      ))}
    </div>
  );
}

function Filters({ facets, children }: { facets: { brands: readonly { id: string; name: string; slug: string }[]; attributes: readonly { id: string; name: string; slug: string; values: readonly { id: string; value: string }[] }[] }; children?: React.ReactNode }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const toggle = (k: string, v: string) => setParams(toggleParam(params, k, v));
  const [min, setMin] = useState(params.get('min') ?? '');
  const [max, setMax] = useState(params.get('max') ?? '');
  const applyPrice = (e: React.FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    for (const [k, v] of [['min', min], ['max', max]] as const) {
      if (v.trim()) next.set(k, v.trim());
      else next.delete(k);
    }
    setParams(next);
  };
  const checkbox = (k: string, v: string, label: string) => (
    <label key={v} className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={params.getAll(k).includes(v)} onChange={() => toggle(k, v)} />
      {label}
    </label>
  );
  return (
    <aside aria-label={t('listing.filters')} className="flex flex-col gap-4 text-sm">
      {children}
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" checked={params.get('stock') === '1'} onChange={() => { const n = new URLSearchParams(params); if (n.get('stock') === '1') n.delete('stock'); else n.set('stock', '1'); setParams(n); }} />
        {t('listing.inStock')}
      </label>
      <form onSubmit={applyPrice} className="flex flex-col gap-2" aria-label={t('listing.price')}>
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">{t('listing.price')}</legend>
          <div className="flex gap-2">
            <label className="flex flex-col text-xs">{t('listing.min')}<input inputMode="numeric" value={min} onChange={(e) => setMin(e.target.value)} className="w-24 rounded border border-slate-400 px-2 py-1" /></label>
            <label className="flex flex-col text-xs">{t('listing.max')}<input inputMode="numeric" value={max} onChange={(e) => setMax(e.target.value)} className="w-24 rounded border border-slate-400 px-2 py-1" /></label>
          </div>
          <Button type="submit" variant="secondary">{t('listing.apply')}</Button>
        </fieldset>
      </form>
      <details open>
        <summary className="cursor-pointer font-semibold">{t('listing.brand')}</summary>
        <fieldset className="mt-2 flex max-h-48 flex-col gap-1 overflow-auto">
          <legend className="sr-only">{t('listing.brand')}</legend>
          {facets.brands.map((b) => checkbox('brand', b.slug, b.name))}
        </fieldset>
      </details>
      {facets.attributes.map((a) => (
        <details key={a.id} open={['storage', 'ram', 'colour'].includes(a.slug)}>
          <summary className="cursor-pointer font-semibold">{a.name}</summary>
          <fieldset className="mt-2 flex max-h-48 flex-col gap-1 overflow-auto">
            <legend className="sr-only">{a.name}</legend>
            {a.values.map((v) => checkbox(`a.${a.slug}`, v.value, v.value))}
          </fieldset>
        </details>
      ))}
    </aside>
  );
}

function SortSelect() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm">
      {t('listing.sort')}
      <select value={sortFromParams(params)} onChange={(e) => { const n = new URLSearchParams(params); n.set('sort', e.target.value); setParams(n); }} className="rounded border border-slate-400 bg-white px-2 py-1">
        {sorts.map((s) => <option key={s} value={s}>{t(`sort.${s}` as MessageKey)}</option>)}
      </select>
    </label>
  );
}

export default function Listing() {
  const { slug } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const [facetsRes, runFacets] = useQuery({ query: ListingFacetsDocument });
  const [catRes, runCat] = useQuery({ query: CategoryBySlugDocument, variables: { slug: slug ?? '' }, pause: !slug });
  const category = catRes.data?.category;
  const q = params.get('q') ?? '';
  const title = slug ? category?.name ?? '' : t('listing.searchTitle', { q });
  useHead(title, slug ? t('listing.categoryDescription', { name: title }) : t('listing.searchDescription', { q }));
  if (slug && catRes.data && !category) return <p className="py-8">{t('listing.noCategory')}</p>;
  return (
    <QueryState {...facetsRes} retry={() => { runFacets({ requestPolicy: 'network-only' }); runCat({ requestPolicy: 'network-only' }); }}>
      {(facets) => {
        if (slug && !category) return null;
        const filter = filterFromParams(params, facets, category?.id);
        const sort = sortFromParams(params);
        return (
          <div className="flex flex-col gap-4">
            {category && (
              <nav aria-label={t('product.breadcrumbs')} className="text-sm text-slate-700">
                <Link to="/">{t('nav.home')}</Link>
                {category.breadcrumbs.slice(0, -1).map((b) => (
                  <span key={b.id}> / <Link to={`/c/${b.slug}`} className="underline">{b.name}</Link></span>
                ))}
              </nav>
            )}
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h1 className="text-2xl font-bold">{title}</h1>
              <SortSelect />
            </div>
            <div className="grid gap-6 md:grid-cols-[220px_1fr]">
              <Filters facets={facets}>
                {category && category.children.length > 0 && (
                  <nav aria-label={t('listing.subcategories')}>
                    <h2 className="font-semibold">{t('listing.subcategories')}</h2>
                    <ul className="mt-1 flex flex-col gap-1">
                      {category.children.map((c) => <li key={c.id}><Link to={`/c/${c.slug}`} className="text-indigo-800 underline">{c.name}</Link></li>)}
                    </ul>
                  </nav>
                )}
              </Filters>
              <Results key={JSON.stringify([filter, sort])} filter={filter} sort={sort} />
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
