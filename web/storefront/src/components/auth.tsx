import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useNavigate } from 'react-router';
import { Alert, Button, TextField, appErrors, formErrors, session, LoginDocument, LogoutDocument, RegisterDocument, type AuthPayload } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { useErrorText, useFieldErrorText } from './QueryState';

function keep(p: Pick<AuthPayload, 'accessToken' | 'expiresAt' | 'refreshToken'> & { user: { id: string; name: string; email?: string | null; role: string } }) {
  session.set({ accessToken: p.accessToken, expiresAt: p.expiresAt, refreshToken: p.refreshToken, user: p.user });
}

export function useSignOut() {
  const [, logout] = useMutation(LogoutDocument);
  const navigate = useNavigate();
  return async () => {
    const s = session.get();
    if (s) await logout({ input: { refreshToken: s.refreshToken } }); // ends the session server-side too
    session.clear();
    navigate('/');
  };
}

export function SignInForm({ onDone }: { onDone?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const [res, login] = useMutation(LoginDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = appErrors(res.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await login({ input: { email: email.trim(), password } });
    if (r.data) {
      keep(r.data.login);
      onDone?.();
    }
  };
  const fe = useFieldErrorText(errors);
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-labelledby="signin-title" noValidate>
      <h2 id="signin-title" className="text-lg font-bold">
        {t('auth.signInTitle')}
      </h2>
      <TextField label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fe('email')} />
      <TextField label={t('auth.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={fe('password')} />
      {formErrors(errors, ['email', 'password']).map((e, i) => (
        <Alert key={i}>{text(e)}</Alert>
      ))}
      <Button type="submit" busy={res.fetching}>
        {t('auth.signIn')}
      </Button>
    </form>
  );
}

const registerFields = ['name', 'email', 'phone', 'password'] as const;

export function RegisterForm({ onDone }: { onDone?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  const [res, register] = useMutation(RegisterDocument);
  const [v, setV] = useState({ name: '', email: '', phone: '', password: '' });
  const errors = appErrors(res.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await register({ input: { name: v.name.trim(), email: v.email.trim(), phone: v.phone.trim(), password: v.password } });
    if (r.data) {
      keep(r.data.register);
      onDone?.();
    }
  };
  const fe = useFieldErrorText(errors);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value });
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-labelledby="register-title" noValidate>
      <h2 id="register-title" className="text-lg font-bold">
        {t('auth.registerTitle')}
      </h2>
      <TextField label={t('auth.name')} autoComplete="name" required value={v.name} onChange={set('name')} error={fe('name')} />
      <TextField label={t('auth.email')} type="email" autoComplete="email" required value={v.email} onChange={set('email')} error={fe('email')} />
      <TextField label={t('auth.phone')} type="tel" autoComplete="tel" inputMode="tel" required value={v.phone} onChange={set('phone')} error={fe('phone')} hint={t('auth.phoneHint')} />
      <TextField label={t('auth.password')} type="password" autoComplete="new-password" required value={v.password} onChange={set('password')} error={fe('password')} hint={t('auth.passwordHint')} />
      {formErrors(errors, registerFields).map((e, i) => (
        <Alert key={i}>{text(e)}</Alert>
      ))}
      <Button type="submit" busy={res.fetching}>
        {t('auth.register')}
      </Button>
    </form>
  );
}

/** Sign in or register, side by side (checkout and /signin). */
export function AuthPanel({ onDone }: { onDone?: () => void }) {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section className="rounded-md border border-slate-300 bg-white p-4">
        <SignInForm onDone={onDone} />
      </section>
      <section className="rounded-md border border-slate-300 bg-white p-4">
        <RegisterForm onDone={onDone} />
      </section>
    </div>
  );
}

/** A page that needs a signed-in shopper, shown to a signed-out one: why, and the forms. */
export function SignInFirst({ title, message }: { title: string; message?: string }) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      {message && <p>{message}</p>}
      <AuthPanel />
    </div>
  );
}
