import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, ApplyCouponDocument, Button, MeDocument, MyCartDocument, RemoveCartItemDocument, RemoveCouponDocument, ResponsiveImage, TextField, UpdateCartItemDocument, appErrors, fieldError, type MyCartQuery } from '@purra/web-shared';
import { useI18n, stateName } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState, useErrorText } from '../components/QueryState';
import { PriceBreakdown } from '../components/PriceBreakdown';
import { SignInFirst } from '../components/auth';

type Line = MyCartQuery['myCart']['items'][number];

function CartLine({ line, retailer, onChanged }: { line: Line; retailer: boolean; onChanged: () => void }) {
  const { t, money } = useI18n();
  const text = useErrorText();
  const [upd, update] = useMutation(UpdateCartItemDocument);
  const [rem, remove] = useMutation(RemoveCartItemDocument);
  const v = line.variant;
  const min = retailer ? (v.minOrderQuantity ?? 1) : 1;
  const max = retailer ? 10000 : 10;
  const setQty = async (q: number) => {
    const r = await update({ itemId: line.id, quantity: q });
    if (r.data) onChanged();
  };
  const err = appErrors(upd.error ?? rem.error)[0];
  const unit = retailer && v.retailerPrice ? v.retailerPrice : v.price;
  const img = v.product.media[0];
  return (
    <li className="flex gap-3 border-b border-slate-200 py-4" data-testid="cart-line">
      <div className="w-20 shrink-0">
        <ResponsiveImage urls={img?.urls ?? []} alt="" sizes="80px" className="aspect-square w-full object-contain" />
      </div>
      <div className="flex flex-1 flex-col gap-1">
        <Link to={`/p/${v.product.slug}?v=${v.id}`} className="font-medium underline">{v.product.title}</Link>
        <span className="text-sm text-slate-700">{v.title}</span>
        <span className="text-sm">
          <span className="font-semibold">{money(unit.paise)}</span>
          {v.mrp.paise > unit.paise && <s className="ml-2 text-slate-600">{money(v.mrp.paise)}</s>}
        </span>
        {!v.inStock && <span className="text-sm font-semibold text-red-800">{t('product.outOfStock')}</span>}
        {retailer && v.minOrderQuantity && <span className="text-xs text-slate-700">{t('cart.moq', { moq: v.minOrderQuantity })}</span>}
        <div className="flex items-center gap-2">
          <div role="group" aria-label={t('cart.quantityOf', { title: v.title })} className="flex items-center rounded border border-slate-400">
            <button type="button" aria-label={t('cart.decrease')} disabled={line.quantity <= min || upd.fetching} onClick={() => setQty(line.quantity - 1)} className="px-3 py-1 disabled:opacity-40">−</button>
            <span aria-live="polite" className="min-w-8 text-center" data-testid="line-qty">{line.quantity}</span>
            <button type="button" aria-label={t('cart.increase')} disabled={line.quantity >= max || upd.fetching} onClick={() => setQty(line.quantity + 1)} className="px-3 py-1 disabled:opacity-40">+</button>
          </div>
          <Button variant="ghost" busy={rem.fetching} onClick={async () => { const r = await remove({ itemId: line.id }); if (r.data) onChanged(); }}>
            {t('cart.remove')}
          </Button>
        </div>
        {err && <p role="alert" className="text-sm text-red-700">{text(err)}</p>}
      </div>
    </li>
  );
}

function Coupon({ code, rejection, onChanged }: { code?: string | null; rejection?: { message: string; reason: string } | null; onChanged: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const [value, setValue] = useState('');
  const [apply, applyCoupon] = useMutation(ApplyCouponDocument);
  const [rem, removeCoupon] = useMutation(RemoveCouponDocument);
  const errors = appErrors(apply.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await applyCoupon({ code: value.trim() });
    if (r.data) { setValue(''); onChanged(); }
  };
  if (code) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm">{t('cart.couponApplied', { code })}</p>
        {rejection && <Alert>{text({ code: 'BAD_USER_INPUT', reason: rejection.reason, message: rejection.message })}</Alert>}
        <Button variant="secondary" busy={rem.fetching} onClick={async () => { const r = await removeCoupon({}); if (r.data) onChanged(); }}>{t('cart.removeCoupon')}</Button>
      </div>
    );
  }
  const err = fieldError(errors, 'code') ?? errors[0];
  return (
    <form onSubmit={submit} className="flex items-end gap-2" noValidate>
      <TextField label={t('cart.couponCode')} value={value} onChange={(e) => setValue(e.target.value.toUpperCase())} error={err && text(err)} className="flex-1" autoComplete="off" />
      <Button type="submit" variant="secondary" busy={apply.fetching} disabled={!value.trim()}>{t('cart.apply')}</Button>
    </form>
  );
}

export default function Cart() {
  const { t, locale } = useI18n();
  const s = useSession();
  useHead(t('cart.title'), t('cart.title'));
  const [me] = useQuery({ query: MeDocument, pause: !s });
  const addresses = me.data?.me?.addresses ?? [];
  const [addressId, setAddressId] = useState<string | null>(null);
  const [res, run] = useQuery({ query: MyCartDocument, variables: { shippingAddressId: addressId }, pause: !s });
  const refetch = () => run({ requestPolicy: 'network-only' });
  if (!s) return <SignInFirst title={t('cart.title')} message={t('cart.signInFirst')} />;
  const retailer = s.user.role === 'RETAILER';
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('cart.title')}</h1>
      <QueryState {...res} retry={refetch}>
        {(d) =>
          d.myCart.items.length === 0 ? (
            <p>{t('cart.empty')} <Link to="/" className="underline">{t('cart.continue')}</Link></p>
          ) : (
            <div className="grid gap-6 md:grid-cols-[1fr_320px]">
              <ul aria-label={t('cart.lines')}>
                {d.myCart.items.map((l) => <CartLine key={l.id} line={l} retailer={retailer} onChanged={refetch} />)}
              </ul>
              <aside className="flex flex-col gap-4 rounded-md border border-slate-300 bg-white p-4">
                {addresses.length > 0 && (
                  <label className="flex flex-col gap-1 text-sm font-medium">
                    {t('cart.deliverTo')}
                    <select value={addressId ?? addresses.find((a) => a.isDefault)?.id ?? ''} onChange={(e) => setAddressId(e.target.value)} className="rounded border border-slate-400 bg-white px-2 py-1 font-normal">
                      {addresses.map((a) => <option key={a.id} value={a.id}>{a.name}, {a.city}, {stateName(a.state, locale)} {a.pinCode}</option>)}
                    </select>
                  </label>
                )}
                <Coupon code={d.myCart.couponCode} rejection={d.myCart.pricing?.couponRejection} onChanged={refetch} />
                {d.myCart.pricing ? <PriceBreakdown b={d.myCart.pricing} couponCode={d.myCart.couponCode} /> : <Alert>{t('cart.pricingUnavailable')}</Alert>}
                <Link to={addressId ? `/checkout?address=${addressId}` : '/checkout'} className="rounded-md bg-indigo-700 px-4 py-2 text-center font-semibold text-white hover:bg-indigo-800">
                  {t('cart.checkout')}
                </Link>
              </aside>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
