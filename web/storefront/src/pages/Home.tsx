import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HomePageDocument } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { useHead } from '../head';
import { QueryState } from '../components/QueryState';
import { ProductGrid } from '../components/ProductCard';

type Banner = { id: string; title: string; subtitle?: string | null; imageUrl: string; linkUrl: string };

function BannerLink({ b, children, className }: { b: Banner; children: React.ReactNode; className?: string }) {
  return b.linkUrl.startsWith('/') ? (
    <Link to={b.linkUrl} className={className}>{children}</Link>
  ) : (
    <a href={b.linkUrl} className={className} rel="noopener">{children}</a>
  );
}

function Hero({ banners }: { banners: readonly Banner[] }) {
  const { t } = useI18n();
  const [i, setI] = useState(0);
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (banners.length < 2 || paused) return;
    const id = setInterval(() => setI((n) => (n + 1) % banners.length), 6000);
    return () => clearInterval(id);
  }, [banners.length, paused]);
  const b = banners[i];
  if (!b) return null;
  return (
    <section aria-roledescription="carousel" aria-label={t('home.hero')} className="relative overflow-hidden rounded-lg bg-indigo-100" onMouseEnter={() => setPaused(true)} onMouseLeave={() => setPaused(false)} onFocus={() => setPaused(true)}>
      <BannerLink b={b} className="block">
        <img src={b.imageUrl} alt="" className="h-48 w-full object-cover sm:h-72" width={1200} height={400} fetchPriority="high" />
        <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/80 to-transparent p-4 text-white">
          <h2 className="text-2xl font-bold">{b.title}</h2>
          {b.subtitle && <p className="text-sm">{b.subtitle}</p>}
        </div>
      </BannerLink>
      {banners.length > 1 && (
        <div className="absolute right-3 top-3 flex gap-1">
          {banners.map((x, n) => (
            <button key={x.id} type="button" onClick={() => setI(n)} aria-label={t('home.slide', { n: n + 1, total: banners.length })} aria-current={n === i} className={`h-3 w-3 rounded-full border border-white ${n === i ? 'bg-white' : 'bg-black/40'}`} />
          ))}
        </div>
      )}
    </section>
  );
}

export default function Home() {
  const { t } = useI18n();
  useHead(t('home.title'), t('home.description'));
  const [res, run] = useQuery({ query: HomePageDocument });
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) => (
        <div className="flex flex-col gap-8">
          <h1 className="sr-only">{t('home.title')}</h1>
          <Hero banners={d.hero} />
          {d.strip.map((b) => (
            <BannerLink key={b.id} b={b} className="block rounded-md bg-amber-100 px-4 py-3 text-center text-sm font-semibold text-slate-900">
              {b.title}
              {b.subtitle ? ` — ${b.subtitle}` : ''}
            </BannerLink>
          ))}
          <section aria-labelledby="cats">
            <h2 id="cats" className="mb-3 text-xl font-bold">{t('home.categories')}</h2>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {[...d.categories].sort((a, b) => a.position - b.position).map((c) => (
                <li key={c.id}>
                  <Link to={`/c/${c.slug}`} className="block rounded-md border border-slate-300 bg-white p-4 text-center font-medium hover:border-indigo-700">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="featured">
            <h2 id="featured" className="mb-3 text-xl font-bold">{t('home.featured')}</h2>
            <ProductGrid products={d.featured.edges.map((e) => e.node)} eagerFirst={4} />
          </section>
        </div>
      )}
    </QueryState>
  );
}
