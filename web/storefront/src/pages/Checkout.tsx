import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, CheckoutDocument, MeDocument, MyCartDocument, TextField, appErrors, fieldError, formErrors, type PaymentMethodType } from '@purra/web-shared';
import { useI18n, stateName, type MessageKey } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState, useErrorText } from '../components/QueryState';
import { SignInFirst } from '../components/auth';
import { AddressForm } from '../components/AddressForm';
import { PriceBreakdown } from '../components/PriceBreakdown';

const methods: readonly PaymentMethodType[] = ['UPI', 'CARD', 'NETBANKING', 'COD'];

/** A fresh key per checkout attempt: a retry or a double click of the same attempt reuses it, so one order is placed. */
function newAttemptKey() {
  return `web-${crypto.randomUUID()}`;
}

export default function Checkout() {
  const { t, locale } = useI18n();
  const text = useErrorText();
  const s = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useHead(t('checkout.title'), t('checkout.title'));
  const [me, runMe] = useQuery({ query: MeDocument, pause: !s });
  const addresses = me.data?.me?.addresses ?? [];
  const [chosen, setChosen] = useState<string | null>(params.get('address'));
  const addressId = addresses.some((a) => a.id === chosen) ? chosen : (addresses.find((a) => a.isDefault)?.id ?? null);
  const [cart, runCart] = useQuery({ query: MyCartDocument, variables: { shippingAddressId: addressId }, pause: !s || !me.data });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [method, setMethod] = useState<PaymentMethodType>('UPI');
  const [vpa, setVpa] = useState('');
  const [codRefusal, setCodRefusal] = useState<string | null>(null);
  const attempt = useRef(newAttemptKey());
  const [placing, checkout] = useMutation(CheckoutDocument);
  const errors = appErrors(placing.error);
  // Changing what is being bought makes a new attempt (a new key).
  const changed = <T,>(fn: (v: T) => void) => (v: T) => { attempt.current = newAttemptKey(); fn(v); };

  if (!s) return <SignInFirst title={t('checkout.title')} message={t('checkout.signIn')} />;

  const place = async () => {
    if (!addressId || placing.fetching) return;
    const r = await checkout({
      input: { addressId, idempotencyKey: attempt.current, paymentMethod: { type: method, ...(method === 'UPI' ? { upiVpa: vpa.trim() } : {}) } },
    });
    if (r.data) {
      navigate(`/orders/${r.data.checkout.order.id}`);
      return;
    }
    const cod = appErrors(r.error).find((e) => e.reason === 'COD_LIMIT_EXCEEDED' || e.reason === 'COD_NOT_AVAILABLE');
    if (cod) { setCodRefusal(text(cod)); setMethod('UPI'); }
    // A refused attempt is over: the next click is a new attempt.
    if (!appErrors(r.error).some((e) => e.code === 'NETWORK')) attempt.current = newAttemptKey();
  };
  const payError = fieldError(errors, 'paymentMethod') ?? fieldError(errors, 'upiVpa');

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('checkout.title')}</h1>
      <QueryState {...me} retry={() => runMe({ requestPolicy: 'network-only' })}>
        {() => (
          <div className="grid gap-6 md:grid-cols-[1fr_320px]">
            <div className="flex flex-col gap-6">
              <section aria-labelledby="addr-title" className="rounded-md border border-slate-300 bg-white p-4">
                <h2 id="addr-title" className="mb-3 text-lg font-bold">{t('checkout.address')}</h2>
                {addresses.length > 0 && (
                  <fieldset className="flex flex-col gap-2">
                    <legend className="sr-only">{t('checkout.address')}</legend>
                    {addresses.map((a) => (
                      <div key={a.id} className="flex items-start justify-between gap-2 rounded border border-slate-200 p-2">
                        <label className="flex items-start gap-2 text-sm">
                          <input type="radio" name="address" value={a.id} checked={a.id === addressId} onChange={() => changed(setChosen)(a.id)} className="mt-1" />
                          <span>
                            <span className="font-semibold">{a.name}</span>, {a.line1}{a.line2 ? `, ${a.line2}` : ''}, {a.city}, {stateName(a.state, locale)} {a.pinCode} · {a.phone}
                          </span>
                        </label>
                        <Button variant="ghost" onClick={() => setEditing(a.id)} aria-label={t('address.editNamed', { name: a.name, city: a.city })}>{t('address.edit')}</Button>
                      </div>
                    ))}
                  </fieldset>
                )}
                {editing ? (
                  <div className="mt-3">
                    <AddressForm
                      key={editing}
                      id={editing === 'new' ? undefined : editing}
                      initial={editing === 'new' ? undefined : addresses.find((a) => a.id === editing)}
                      onSaved={(id) => { setEditing(null); changed(setChosen)(id); runMe({ requestPolicy: 'network-only' }); runCart({ requestPolicy: 'network-only' }); }}
                      onCancel={addresses.length ? () => setEditing(null) : undefined}
                    />
                  </div>
                ) : (
                  <Button variant="secondary" className="mt-3" onClick={() => setEditing('new')}>{t('address.add')}</Button>
                )}
              </section>
              <section aria-labelledby="pay-title" className="rounded-md border border-slate-300 bg-white p-4">
                <h2 id="pay-title" className="mb-3 text-lg font-bold">{t('checkout.payment')}</h2>
                <fieldset className="flex flex-col gap-2" aria-describedby={payError ? 'pay-error' : undefined}>
                  <legend className="sr-only">{t('checkout.payment')}</legend>
                  {methods.map((m) => (
                    <label key={m} className="flex items-center gap-2 text-sm">
                      <input type="radio" name="method" value={m} checked={method === m} disabled={m === 'COD' && !!codRefusal} onChange={() => changed(setMethod)(m)} />
                      {t(`pay.${m}` as MessageKey)}
                      {m === 'COD' && codRefusal && <span className="text-xs text-slate-700">({codRefusal})</span>}
                    </label>
                  ))}
                </fieldset>
                {method === 'UPI' && <TextField className="mt-3" label={t('checkout.vpa')} value={vpa} onChange={(e) => changed(setVpa)(e.target.value)} placeholder="name@okbank" hint={t('checkout.vpaHint')} error={fieldError(errors, 'upiVpa') && text(fieldError(errors, 'upiVpa')!)} />}
                {method !== 'COD' && <p className="mt-2 text-xs text-slate-700">{t('checkout.sandbox')}</p>}
                {payError && payError.field === 'paymentMethod' && <p id="pay-error" role="alert" className="mt-2 text-sm text-red-700">{text(payError)}</p>}
              </section>
            </div>
            <aside className="flex flex-col gap-3 rounded-md border border-slate-300 bg-white p-4">
              <h2 className="text-lg font-bold">{t('checkout.summary')}</h2>
              <QueryState {...cart} retry={() => runCart({ requestPolicy: 'network-only' })}>
                {(d) =>
                  d.myCart.items.length === 0 ? (
                    <p>{t('cart.empty')} <Link to="/" className="underline">{t('cart.continue')}</Link></p>
                  ) : (
                    <>
                      <ul className="text-sm">
                        {d.myCart.items.map((i) => <li key={i.id}>{i.quantity} × {i.variant.product.title} ({i.variant.title})</li>)}
                      </ul>
                      {d.myCart.pricing && <PriceBreakdown b={d.myCart.pricing} couponCode={d.myCart.couponCode} />}
                      {formErrors(errors, ['paymentMethod', 'upiVpa']).map((e, i) => <Alert key={i}>{text(e)}</Alert>)}
                      <Button onClick={place} busy={placing.fetching} disabled={!addressId || (method === 'UPI' && !vpa.trim())}>
                        {t('checkout.place')}
                      </Button>
                      {!addressId && <p className="text-xs text-slate-700">{t('checkout.needAddress')}</p>}
                    </>
                  )
                }
              </QueryState>
            </aside>
          </div>
        )}
      </QueryState>
    </div>
  );
}
