import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Alert, Button, CancelOrderDocument, OrderByIdDocument, OrderStatusChangedDocument, SubmitReviewDocument, TextField, appErrors, type OrderByIdQuery, type OrderStatus } from '@purra/web-shared';
import { useI18n, stateName, type MessageKey } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState, useErrorText, useFieldErrorText } from '../components/QueryState';
import { PriceBreakdown } from '../components/PriceBreakdown';
import { SignInFirst } from '../components/auth';

type O = NonNullable<OrderByIdQuery['order']>;
const cancellable: readonly OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'CONFIRMED', 'PACKED'];

function Cancel({ o, onDone }: { o: O; onDone: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [res, cancel] = useMutation(CancelOrderDocument);
  const err = appErrors(res.error);
  const fe = useFieldErrorText(err);
  if (!cancellable.includes(o.status)) return null;
  if (!open) return <Button variant="secondary" onClick={() => setOpen(true)}>{t('order.cancel')}</Button>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await cancel({ id: o.id, reason: reason.trim() });
    if (r.data) { setOpen(false); onDone(); }
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3" noValidate>
      <TextField label={t('order.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fe('reason')} hint={t('order.cancelHint')} />
      {err.filter((e) => e.field !== 'reason').map((e, i) => <Alert key={i}>{text(e)}</Alert>)}
      <div className="flex gap-2">
        <Button type="submit" busy={res.fetching}>{t('order.confirmCancel')}</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{t('action.back')}</Button>
      </div>
    </form>
  );
}

function ReviewForm({ productId }: { productId: string }) {
  const { t } = useI18n();
  const text = useErrorText();
  const [v, setV] = useState({ rating: 5, title: '', text: '' });
  const [res, submitReview] = useMutation(SubmitReviewDocument);
  const err = appErrors(res.error);
  const fe = useFieldErrorText(err);
  if (res.data) return <Alert kind="success">{t('review.thanks')}</Alert>;
  return (
    <form onSubmit={(e) => { e.preventDefault(); submitReview({ input: { productId, rating: v.rating, title: v.title.trim(), text: v.text.trim() } }); }} className="mt-2 flex flex-col gap-2" noValidate>
      <label className="flex items-center gap-2 text-sm">{t('review.rating')}
        <select value={v.rating} onChange={(e) => setV({ ...v, rating: Number(e.target.value) })} className="rounded border border-slate-400 bg-white px-2 py-1">
          {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>{t('reviews.stars', { n })}</option>)}
        </select>
      </label>
      <TextField label={t('review.headline')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fe('title')} />
      <TextField label={t('review.text')} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} error={fe('text')} />
      {err.filter((e) => !['title', 'text'].includes(e.field ?? '')).map((e, i) => <Alert key={i}>{text(e)}</Alert>)}
      <Button type="submit" variant="secondary" busy={res.fetching}>{t('review.submit')}</Button>
    </form>
  );
}

function OrderView({ o, refetch, live }: { o: O; refetch: () => void; live: boolean }) {
  const { t, money, date, locale } = useI18n();
  const a = o.shippingAddress;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('order.title', { number: o.orderNumber })}</h1>
        <p className="rounded-full bg-indigo-100 px-3 py-1 font-semibold text-indigo-900" role="status" aria-live="polite" data-testid="order-status" data-status={o.status}>
          {t(`status.${o.status}` as MessageKey)}
        </p>
      </div>
      <p className="text-sm text-slate-700">{t('order.placed', { at: date(o.placedAt) })} {live && <span className="text-green-800">· {t('order.live')}</span>}</p>
      {o.trackingNumber && <p className="text-sm">{t('order.tracking', { carrier: o.carrier ?? '', number: o.trackingNumber })}</p>}
      {o.cancellationReason && <p className="text-sm">{t('order.cancelledBecause', { reason: o.cancellationReason })}</p>}
      <Cancel o={o} onDone={refetch} />
      <div className="grid gap-6 md:grid-cols-[1fr_320px]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="timeline">
            <h2 id="timeline" className="mb-2 text-lg font-bold">{t('order.timeline')}</h2>
            <ol className="border-l-2 border-indigo-300 pl-4" data-testid="timeline">
              {o.statusHistory.map((h, i) => (
                <li key={i} className="mb-2">
                  <span className="font-semibold">{t(`status.${h.to}` as MessageKey)}</span> <span className="text-sm text-slate-700">{date(h.at)}</span>
                  {h.note && <p className="text-sm text-slate-700">{h.note}</p>}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="items">
            <h2 id="items" className="mb-2 text-lg font-bold">{t('order.items')}</h2>
            <ul className="flex flex-col gap-2">
              {o.items.map((i) => (
                <li key={i.id} className="rounded border border-slate-300 bg-white p-3 text-sm">
                  <p className="font-semibold">{i.title}</p>
                  <p>{i.quantity} × {money(i.unitPrice.paise)} · {t('order.gstLine', { rate: i.gstRatePercent, amount: money(i.gst.paise) })} · {money(i.lineTotal.paise)}</p>
                  {o.status === 'DELIVERED' && <details><summary className="cursor-pointer text-indigo-800 underline">{t('review.write')}</summary><ReviewForm productId={i.variant.product.id} /></details>}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="ship">
            <h2 id="ship" className="mb-2 text-lg font-bold">{t('order.shipTo')}</h2>
            <p className="text-sm">{a.name}, {a.line1}{a.line2 ? `, ${a.line2}` : ''}{a.landmark ? `, ${a.landmark}` : ''}, {a.city}, {stateName(a.state, locale)} {a.pinCode} · {a.phone}</p>
            <p className="text-sm">{t('order.paidBy', { method: t(`pay.${o.paymentMethod.type}` as MessageKey) })}</p>
          </section>
        </div>
        <aside className="rounded-md border border-slate-300 bg-white p-4">
          <PriceBreakdown b={o} couponCode={o.couponCode} />
        </aside>
      </div>
    </div>
  );
}

export default function Order() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const s = useSession();
  const [res, run] = useQuery({ query: OrderByIdDocument, variables: { id }, pause: !s, requestPolicy: 'cache-and-network' });
  // Live status: every change pushed by the orders subgraph refetches the order (timeline, totals).
  const [sub] = useSubscription({ query: OrderStatusChangedDocument, variables: { orderId: id }, pause: !s || !res.data?.order }, (_prev, event) => {
    run({ requestPolicy: 'network-only' });
    return event;
  });
  useHead(res.data?.order ? t('order.title', { number: res.data.order.orderNumber }) : t('orders.title'));
  if (!s) return <SignInFirst title={t('orders.title')} />;
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) => (d.order ? <OrderView o={d.order} refetch={() => run({ requestPolicy: 'network-only' })} live={sub.fetching && !sub.error} /> : <p>{t('order.notFound')}</p>)}
    </QueryState>
  );
}
