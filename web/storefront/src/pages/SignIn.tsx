import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n';
import { useHead } from '../head';
import { AuthPanel } from '../components/auth';

export default function SignIn() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  useHead(t('auth.signInTitle'), t('auth.signInTitle'));
  const next = params.get('next');
  // Only same-site paths: never bounce a shopper to another site after sign-in.
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('auth.welcome')}</h1>
      <AuthPanel onDone={() => navigate(target)} />
    </div>
  );
}
