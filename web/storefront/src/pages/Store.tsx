import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { StorePageDocument } from '@purra/web-shared';
import { useI18n, stateName } from '../i18n';
import { useHead } from '../head';
import { QueryState } from '../components/QueryState';
import { ProductGrid } from '../components/ProductCard';

export default function Store() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const [res, run] = useQuery({ query: StorePageDocument, variables: { slug } });
  const s = res.data?.store;
  useHead(s?.name ?? '', s?.description ?? undefined);
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) =>
        !d.store ? (
          <p className="py-8">{t('store.notFound')}</p>
        ) : (
          <div className="flex flex-col gap-6">
            <header className="rounded-md border border-slate-300 bg-white p-4">
              <h1 className="text-2xl font-bold">{d.store.name}</h1>
              {d.store.description && <p className="mt-1 whitespace-pre-line text-sm">{d.store.description}</p>}
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="font-semibold">{t('store.gstin')}</dt>
                <dd>{d.store.gstin}</dd>
                <dt className="font-semibold">{t('store.location')}</dt>
                <dd>{d.store.pickupAddress.city}, {stateName(d.store.pickupAddress.state, locale)}</dd>
              </dl>
            </header>
            <section aria-labelledby="store-products">
              <h2 id="store-products" className="mb-3 text-xl font-bold">{t('store.products', { count: d.store.products.totalCount })}</h2>
              <ProductGrid products={d.store.products.edges.map((e) => e.node)} eagerFirst={4} />
            </section>
          </div>
        )
      }
    </QueryState>
  );
}
