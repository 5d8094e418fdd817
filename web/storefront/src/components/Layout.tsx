import { useState, type FormEvent } from 'react';
import { Link, NavLink, Outlet, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, CartBadgeDocument, session } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useSignOut } from './auth';

function SearchBox() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form role="search" onSubmit={submit} className="flex min-w-0 flex-1">
      <label htmlFor="site-search" className="sr-only">
        {t('search.label')}
      </label>
      <input
        id="site-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('search.placeholder')}
        className="min-w-0 flex-1 rounded-l-md border border-slate-400 px-3 py-2 text-sm"
      />
      <button type="submit" className="rounded-r-md bg-amber-400 px-3 text-sm font-semibold text-slate-900 hover:bg-amber-500">
        {t('search.submit')}
      </button>
    </form>
  );
}

function CartLink() {
  const { t, count } = useI18n();
  const signedIn = !!useSession();
  const [res] = useQuery({ query: CartBadgeDocument, pause: !signedIn });
  const n = res.data?.myCart.itemCount ?? 0;
  return (
    <Link to="/cart" className="whitespace-nowrap rounded px-2 py-1 text-sm font-medium hover:bg-indigo-800">
      {t('nav.cart')}
      {n > 0 && (
        <>
          {' '}
          <span data-testid="cart-count" className="rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-900">
            {count(n)}
          </span>
          <span className="sr-only"> {t('nav.items')}</span>
        </>
      )}
    </Link>
  );
}

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div role="group" aria-label={t('nav.language')} className="flex overflow-hidden rounded border border-indigo-300 text-xs">
      {(['en', 'hi'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={locale === l} lang={l} onClick={() => setLocale(l)} className={locale === l ? 'bg-white px-2 py-1 font-bold text-indigo-900' : 'px-2 py-1 text-white hover:bg-indigo-800'}>
          {l === 'en' ? 'English' : 'हिन्दी'}
        </button>
      ))}
    </div>
  );
}

export function Layout() {
  const { t } = useI18n();
  const s = useSession();
  const signOut = useSignOut();
  const ended = s ? null : session.endedReason();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t('nav.skip')}
      </a>
      <header className="bg-indigo-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <Link to="/" className="text-xl font-extrabold tracking-tight">
            Purra
          </Link>
          <SearchBox />
          <nav aria-label={t('nav.main')} className="flex flex-wrap items-center gap-1">
            <NavLink to="/wishlist" className="rounded px-2 py-1 text-sm font-medium hover:bg-indigo-800">
              {t('nav.wishlist')}
            </NavLink>
            <CartLink />
            {s ? (
              <>
                <NavLink to="/orders" className="rounded px-2 py-1 text-sm font-medium hover:bg-indigo-800">
                  {t('nav.orders')}
                </NavLink>
                <NavLink to="/account" className="rounded px-2 py-1 text-sm font-medium hover:bg-indigo-800">
                  {s.user.name.split(' ')[0]}
                </NavLink>
                <button type="button" onClick={signOut} className="rounded px-2 py-1 text-sm font-medium hover:bg-indigo-800">
                  {t('nav.signOut')}
                </button>
              </>
            ) : (
              <NavLink to="/signin" className="rounded px-2 py-1 text-sm font-medium hover:bg-indigo-800">
                {t('nav.signIn')}
              </NavLink>
            )}
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {ended && (
          <div className="mb-4">
            <Alert>{t(ended === 'BANNED' ? 'auth.banned' : 'auth.expired')}</Alert>
          </div>
        )}
        <Outlet />
      </main>
      <footer className="border-t border-slate-300 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-4 text-xs text-slate-700">{t('footer.note')}</div>
      </footer>
    </div>
  );
}
