// Money and dates as Indian shoppers read them: rupees with Indian digit
// grouping (₹1,29,900.00) and times in IST whatever the device's zone.
export type Locale = 'en' | 'hi';

const intlLocale: Record<Locale, string> = { en: 'en-IN', hi: 'hi-IN' };
const rupees = new Map<Locale, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

/** ₹ with Indian grouping from integer paise: 12990000 → "₹1,29,900.00". Exact: no float maths on amounts. */
export function formatPaise(paise: number, locale: Locale = 'en'): string {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`paise must be a safe integer, got ${paise}`);
  let f = rupees.get(locale);
  if (!f) {
    // numberingSystem latn: Hindi pages keep Latin digits, as Indian price tags do.
    f = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency: 'INR', numberingSystem: 'latn' });
    rupees.set(locale, f);
  }
  // Split into rupees and paise as integers so 1e15 paise still formats exactly.
  const sign = paise < 0 ? -1 : 1;
  const abs = Math.abs(paise);
  const whole = Math.trunc(abs / 100);
  const frac = abs % 100;
  const parts = f.formatToParts(sign * whole).map((p) => (p.type === 'fraction' ? { ...p, value: String(frac).padStart(2, '0') } : p));
  return parts.map((p) => p.value).join('');
}

/** Discount off the MRP in whole percent, rounded down (a shop never overstates a discount). */
export function discountPercent(mrpPaise: number, pricePaise: number): number {
  if (mrpPaise <= 0 || pricePaise >= mrpPaise) return 0;
  return Math.floor(((mrpPaise - pricePaise) * 100) / mrpPaise);
}

export type DateStyle = 'date' | 'dateTime';

/** A DateTime from the API in IST: "7 Dec 2026, 8:45 pm". */
export function formatDate(iso: string, locale: Locale = 'en', style: DateStyle = 'dateTime'): string {
  const key = `${locale}:${style}`;
  let f = dates.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: 'Asia/Kolkata',
      dateStyle: 'medium',
      ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
      numberingSystem: 'latn',
    });
    dates.set(key, f);
  }
  return f.format(new Date(iso));
}

/** Whole numbers with Indian grouping: 150000 → "1,50,000". */
export function formatCount(n: number, locale: Locale = 'en'): string {
  return new Intl.NumberFormat(intlLocale[locale], { numberingSystem: 'latn' }).format(n);
}
