import { Link } from 'react-router';
import { ResponsiveImage, type Rendition } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { Stars } from './Stars';

export type CardProduct = {
  id: string;
  title: string;
  slug: string;
  brand: { name: string };
  priceRange?: { min: { paise: number } } | null;
  rating?: { average: number; count: number } | null;
  media: readonly { alt: string; urls: readonly Rendition[] }[];
};

export function ProductCard({ p, eager }: { p: CardProduct; eager?: boolean }) {
  const { t, money } = useI18n();
  const img = p.media[0];
  return (
    <li className="flex flex-col rounded-md border border-slate-200 bg-white p-3 shadow-sm">
      <Link to={`/p/${p.slug}`} className="flex flex-1 flex-col gap-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-700">
        <ResponsiveImage urls={img?.urls ?? []} alt={img?.alt ?? p.title} sizes="(min-width: 1024px) 240px, 45vw" eager={eager} className="aspect-square w-full rounded object-contain" />
        <span className="text-xs uppercase tracking-wide text-slate-600">{p.brand.name}</span>
        <span className="line-clamp-2 text-sm font-medium text-slate-900">{p.title}</span>
        {p.rating && p.rating.count > 0 && <Stars average={p.rating.average} count={p.rating.count} />}
        {p.priceRange && <span className="mt-auto text-base font-bold">{t('product.from', { price: money(p.priceRange.min.paise) })}</span>}
      </Link>
    </li>
  );
}

export function ProductGrid({ products, eagerFirst = 0 }: { products: readonly CardProduct[]; eagerFirst?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <ProductCard key={p.id} p={p} eager={i < eagerFirst} />
      ))}
    </ul>
  );
}
