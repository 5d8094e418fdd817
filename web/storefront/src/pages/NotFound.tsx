import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useHead } from '../head';

export default function NotFound() {
  const { t } = useI18n();
  useHead(t('notFound.title'));
  return (
    <div className="py-12">
      <h1 className="text-2xl font-bold">{t('notFound.title')}</h1>
      <Link to="/" className="underline">{t('nav.home')}</Link>
    </div>
  );
}
