import { useI18n } from '../i18n';

type M = { paise: number };
export type Breakdown = {
  subtotal: M;
  automaticDiscount: M;
  couponDiscount: M;
  gst: { cgst: M; sgst: M; igst: M; total: M };
  shipping: M;
  total: M;
};

/**
 * The price of a cart or an order as the server computed it. Prices include
 * GST, so tax lines say how much of the total is GST: CGST + SGST when the
 * goods stay in the seller's state, IGST when they cross a state border.
 */
export function PriceBreakdown({ b, couponCode }: { b: Breakdown; couponCode?: string | null }) {
  const { t, money } = useI18n();
  const interState = b.gst.igst.paise > 0 || (b.gst.cgst.paise === 0 && b.gst.sgst.paise === 0 && b.gst.total.paise > 0);
  const row = (label: string, amount: string, testid: string, strong = false) => (
    <div className={`flex justify-between gap-4 py-1 ${strong ? 'border-t border-slate-300 pt-2 text-base font-bold' : 'text-sm'}`} data-testid={testid}>
      <dt>{label}</dt>
      <dd>{amount}</dd>
    </div>
  );
  return (
    <section aria-label={t('cart.breakdown')}>
      <dl>
        {row(t('cart.subtotal'), money(b.subtotal.paise), 'subtotal')}
        {b.automaticDiscount.paise > 0 && row(t('cart.automaticDiscount'), `−${money(b.automaticDiscount.paise)}`, 'automatic-discount')}
        {b.couponDiscount.paise > 0 && row(couponCode ? t('cart.couponNamed', { code: couponCode }) : t('cart.coupon'), `−${money(b.couponDiscount.paise)}`, 'coupon-discount')}
        {row(t('cart.shipping'), b.shipping.paise === 0 ? t('cart.free') : money(b.shipping.paise), 'shipping')}
        {row(t('cart.total'), money(b.total.paise), 'total', true)}
      </dl>
      <div className="mt-2 rounded bg-slate-100 p-2 text-xs text-slate-800">
        <p className="font-semibold">{t('cart.gstIncluded', { amount: money(b.gst.total.paise) })}</p>
        <dl>
          {interState ? (
            row(t('cart.igst'), money(b.gst.igst.paise), 'igst')
          ) : (
            <>
              {row(t('cart.cgst'), money(b.gst.cgst.paise), 'cgst')}
              {row(t('cart.sgst'), money(b.gst.sgst.paise), 'sgst')}
            </>
          )}
        </dl>
      </div>
    </section>
  );
}
