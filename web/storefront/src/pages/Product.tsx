import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AddToCartDocument, AddToWishlistDocument, Alert, Button, ProductBySlugDocument, ResponsiveImage, appErrors, discountPercent, type ProductBySlugQuery } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState, useErrorText } from '../components/QueryState';
import { VariantPicker } from '../components/VariantPicker';
import { RatingSummary, ReviewList } from '../components/Reviews';
import { initialVariant } from '../variants';

type P = NonNullable<ProductBySlugQuery['product']>;
type V = P['variants'][number];

function Gallery({ p, v }: { p: P; v: V | undefined }) {
  const { t } = useI18n();
  const images = [...(v?.media ?? []), ...p.media];
  const [i, setI] = useState(0);
  const shown = images[Math.min(i, images.length - 1)];
  return (
    <div className="flex flex-col gap-2">
      <div className="rounded-md border border-slate-200 bg-white p-2">
        <ResponsiveImage urls={shown?.urls ?? []} alt={shown?.alt ?? p.title} sizes="(min-width: 768px) 480px, 100vw" eager className="aspect-square w-full object-contain" />
      </div>
      {images.length > 1 && (
        <div role="group" aria-label={t('product.gallery')} className="flex gap-2">
          {images.map((m, n) => (
            <button key={m.id} type="button" onClick={() => setI(n)} aria-pressed={n === i} aria-label={m.alt} className={`w-16 rounded border p-1 ${n === i ? 'border-indigo-700' : 'border-slate-300'}`}>
              <ResponsiveImage urls={m.urls} alt="" sizes="64px" className="aspect-square w-full object-contain" />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Buy({ p, v }: { p: P; v: V }) {
  const { t, money } = useI18n();
  const text = useErrorText();
  const signedIn = !!useSession();
  const navigate = useNavigate();
  const moq = v.minOrderQuantity ?? 1;
  const retailer = !!v.retailerPrice;
  const [qty, setQty] = useState(retailer ? moq : 1);
  const [cart, addToCart] = useMutation(AddToCartDocument);
  const [wish, addToWishlist] = useMutation(AddToWishlistDocument);
  const [done, setDone] = useState<'cart' | 'wishlist' | null>(null);
  const max = retailer ? 10000 : 10;
  const requireSignIn = () => navigate(`/signin?next=${encodeURIComponent(`/p/${p.slug}?v=${v.id}`)}`);
  const errors = appErrors(cart.error ?? wish.error);
  return (
    <div className="flex flex-col gap-3">
      <div>
        <p className="flex flex-wrap items-baseline gap-2">
          <span className="text-3xl font-bold" data-testid="price">{money(v.price.paise)}</span>
          {v.mrp.paise > v.price.paise && (
            <>
              <span className="text-sm text-slate-700">{t('product.mrp')} <s>{money(v.mrp.paise)}</s></span>
              <span className="text-sm font-semibold text-green-800">{t('product.off', { n: discountPercent(v.mrp.paise, v.price.paise) })}</span>
            </>
          )}
        </p>
        <p className="text-xs text-slate-700">{t('product.gstNote', { rate: p.gstRatePercent })}</p>
        {v.retailerPrice && (
          <p className="mt-1 text-sm font-semibold text-indigo-900">{t('product.retailerPrice', { price: money(v.retailerPrice.paise), moq })}</p>
        )}
      </div>
      <p className={v.inStock ? 'font-semibold text-green-800' : 'font-semibold text-red-800'} data-testid="stock">
        {v.inStock ? t('product.inStock') : t('product.outOfStock')}
      </p>
      <div className="flex items-center gap-2">
        <label htmlFor="qty" className="text-sm font-medium">{t('cart.quantity')}</label>
        <input id="qty" type="number" min={retailer ? moq : 1} max={max} value={qty} onChange={(e) => setQty(Math.max(1, Math.min(max, Number(e.target.value) || 1)))} className="w-20 rounded border border-slate-400 px-2 py-1" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button disabled={!v.inStock} busy={cart.fetching} onClick={async () => {
          if (!signedIn) return requireSignIn();
          const r = await addToCart({ variantId: v.id, quantity: qty });
          if (r.data) setDone('cart');
        }}>
          {t('product.addToCart')}
        </Button>
        <Button variant="secondary" busy={wish.fetching} onClick={async () => {
          if (!signedIn) return requireSignIn();
          const r = await addToWishlist({ variantId: v.id });
          if (r.data) setDone('wishlist');
        }}>
          {t('product.addToWishlist')}
        </Button>
      </div>
      {done && (
        <Alert kind="success">
          {t(done === 'cart' ? 'product.addedToCart' : 'product.addedToWishlist')} <Link to={done === 'cart' ? '/cart' : '/wishlist'} className="font-semibold underline">{t(done === 'cart' ? 'product.goToCart' : 'product.goToWishlist')}</Link>
        </Alert>
      )}
      {errors.map((e, i) => <Alert key={i}>{text(e)}</Alert>)}
    </div>
  );
}

function ProductView({ p }: { p: P }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const v = initialVariant(p.variants, params.get('v'));
  useHead(p.title, p.description.slice(0, 160));
  return (
    <article className="flex flex-col gap-8">
      <nav aria-label={t('product.breadcrumbs')} className="text-sm text-slate-700">
        <Link to="/" className="underline">{t('nav.home')}</Link>
        {p.category.breadcrumbs.map((b) => <span key={b.id}> / <Link to={`/c/${b.slug}`} className="underline">{b.name}</Link></span>)}
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <Gallery key={v?.id} p={p} v={v} />
        <div className="flex flex-col gap-4">
          <div>
            <p className="text-sm uppercase tracking-wide text-slate-700">{p.brand.name}</p>
            <h1 className="text-2xl font-bold">{p.title}</h1>
            {v && <p className="text-slate-700">{v.title}</p>}
            <a href="#reviews" className="text-sm underline">{p.rating.count > 0 ? t('rating.label', { average: p.rating.average.toFixed(1), count: p.rating.count }) : t('reviews.none')}</a>
          </div>
          <VariantPicker variants={p.variants} selected={v} onSelect={(n) => setParams({ v: n.id }, { replace: true })} />
          {v && <Buy key={v.id} p={p} v={v} />}
          <p className="text-sm">
            {t('product.soldBy')} <Link to={`/s/${p.store.slug}`} className="font-semibold text-indigo-800 underline">{p.store.name}</Link>
          </p>
        </div>
      </div>
      <section aria-labelledby="about">
        <h2 id="about" className="mb-2 text-xl font-bold">{t('product.about')}</h2>
        <p className="whitespace-pre-line text-sm">{p.description}</p>
      </section>
      <section id="reviews" aria-labelledby="reviews-title">
        <h2 id="reviews-title" className="mb-2 text-xl font-bold">{t('reviews.title')}</h2>
        <RatingSummary rating={p.rating} />
        <ReviewList productId={p.id} first={p.reviews} />
      </section>
    </article>
  );
}

export default function Product() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const [res, run] = useQuery({ query: ProductBySlugDocument, variables: { slug } });
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) => (d.product ? <ProductView p={d.product} /> : <p className="py-8">{t('product.notFound')}</p>)}
    </QueryState>
  );
}
