// UI primitives shared by Purra's web apps: accessible by construction
// (labels tied to inputs, errors announced and linked with aria-describedby,
// visible focus rings) and styled with Tailwind utility classes.
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

const cx = (...c: (string | false | null | undefined)[]) => c.filter(Boolean).join(' ');

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'ghost'; busy?: boolean };

export function Button({ variant = 'primary', busy, className, children, disabled, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={cx(
        'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 disabled:cursor-not-allowed disabled:opacity-60',
        variant === 'primary' && 'bg-indigo-700 text-white hover:bg-indigo-800',
        variant === 'secondary' && 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-50',
        variant === 'ghost' && 'text-indigo-800 underline-offset-2 hover:underline',
        className,
      )}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  );
}

type FieldBase = { label: string; error?: string; hint?: string };

/** Label, control, hint and error of a form field, tied together for screen readers. */
function Field({ label, error, hint, className, control }: FieldBase & { className?: string; control: (a: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode }) {
  const id = useId();
  const described = [error && `${id}-err`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described,
        className: cx('rounded-md border bg-white px-3 py-2 text-sm text-slate-900', error ? 'border-red-700' : 'border-slate-400'),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, error, hint, className, ...rest }: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint} className={className} control={(a) => <input {...rest} {...a} />} />;
}

export function SelectField({ label, error, hint, className, children, ...rest }: FieldBase & SelectHTMLAttributes<HTMLSelectElement>) {
  return <Field label={label} error={error} hint={hint} className={className} control={(a) => <select {...rest} {...a}>{children}</select>} />;
}

export function Spinner({ small, label }: { small?: boolean; label?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-2">
      <span aria-hidden="true" className={cx('inline-block animate-spin rounded-full border-2 border-current border-t-transparent', small ? 'h-4 w-4' : 'h-6 w-6')} />
      {label && <span className="text-sm text-slate-700">{label}</span>}
    </span>
  );
}

/** A failure the shopper did not cause: say so and offer to try again (never a blank page). */
export function ErrorState({ message, retryLabel, onRetry }: { message: string; retryLabel: string; onRetry: () => void }) {
  return (
    <div role="alert" className="my-8 flex flex-col items-start gap-3 rounded-md border border-red-300 bg-red-50 p-4">
      <p className="text-sm text-red-900">{message}</p>
      <Button variant="secondary" onClick={onRetry}>
        {retryLabel}
      </Button>
    </div>
  );
}

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'info' | 'success'; children: ReactNode }) {
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      className={cx(
        'rounded-md border p-3 text-sm',
        kind === 'error' && 'border-red-300 bg-red-50 text-red-900',
        kind === 'info' && 'border-slate-300 bg-slate-50 text-slate-900',
        kind === 'success' && 'border-green-300 bg-green-50 text-green-900',
      )}
    >
      {children}
    </div>
  );
}

export type Rendition = { url: string; width: number; format: string };

/** srcset per format from the catalog's renditions: WebP first, JPEG as the fallback. */
export function srcSets(urls: readonly Rendition[]): { webp?: string; jpeg?: string; fallback?: string } {
  const set = (format: string) =>
    urls
      .filter((u) => u.format === format)
      .sort((a, b) => a.width - b.width)
      .map((u) => `${u.url} ${u.width}w`)
      .join(', ') || undefined;
  const jpegs = urls.filter((u) => u.format === 'JPEG').sort((a, b) => a.width - b.width);
  return { webp: set('WEBP'), jpeg: set('JPEG'), fallback: (jpegs[0] ?? urls[0])?.url };
}

/** A responsive product image: <picture> with WebP and JPEG srcsets, lazy unless eager. */
export function ResponsiveImage({ urls, alt, sizes, eager, className }: { urls: readonly Rendition[]; alt: string; sizes: string; eager?: boolean; className?: string }) {
  const s = srcSets(urls);
  if (!s.fallback) return <div className={cx('bg-slate-100', className)} role="img" aria-label={alt} />;
  return (
    <picture>
      {s.webp && <source type="image/webp" srcSet={s.webp} sizes={sizes} />}
      {s.jpeg && <source type="image/jpeg" srcSet={s.jpeg} sizes={sizes} />}
      <img src={s.fallback} alt={alt} sizes={sizes} loading={eager ? 'eager' : 'lazy'} decoding="async" width={400} height={400} className={className} />
    </picture>
  );
}
