import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, MoveWishlistItemToCartDocument, MyWishlistDocument, RemoveFromWishlistDocument, appErrors } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState, useErrorText } from '../components/QueryState';
import { SignInFirst } from '../components/auth';

export default function Wishlist() {
  const { t, money } = useI18n();
  const text = useErrorText();
  const s = useSession();
  useHead(t('wishlist.title'), t('wishlist.title'));
  const [res, run] = useQuery({ query: MyWishlistDocument, pause: !s });
  const [move, moveToCart] = useMutation(MoveWishlistItemToCartDocument);
  const [rem, remove] = useMutation(RemoveFromWishlistDocument);
  const refetch = () => run({ requestPolicy: 'network-only' });
  if (!s) return <SignInFirst title={t('wishlist.title')} />;
  const err = appErrors(move.error ?? rem.error)[0];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('wishlist.title')}</h1>
      {err && <Alert>{text(err)}</Alert>}
      <QueryState {...res} retry={refetch}>
        {(d) =>
          d.myWishlist.items.length === 0 ? (
            <p>{t('wishlist.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.myWishlist.items.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-300 bg-white p-3">
                  <div>
                    <Link to={`/p/${i.variant.product.slug}?v=${i.variant.id}`} className="font-medium underline">{i.variant.title}</Link>
                    <p className="text-sm">{money(i.variant.price.paise)} · {i.variant.inStock ? t('product.inStock') : t('product.outOfStock')}</p>
                  </div>
                  <div className="flex gap-2">
                    <Button disabled={!i.variant.inStock} busy={move.fetching} onClick={async () => { const r = await moveToCart({ variantId: i.variant.id }); if (r.data) refetch(); }}>{t('wishlist.moveToCart')}</Button>
                    <Button variant="ghost" busy={rem.fetching} onClick={async () => { const r = await remove({ variantId: i.variant.id }); if (r.data) refetch(); }}>{t('cart.remove')}</Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
