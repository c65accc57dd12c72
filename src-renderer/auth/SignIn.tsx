import { useCommand } from '../bridge/BridgeProvider';
import { CredentialsForm } from './CredentialsForm';

export function SignIn({ notice }: { notice?: string }) {
  const { run, isRunning, error } = useCommand('auth/sign-in');
  return (
    <CredentialsForm
      title="Sign in to LabFlow"
      intro={notice ?? 'Use the email and password your administrator gave you.'}
      fields={[
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
        { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
      ]}
      submitLabel="Sign in"
      isRunning={isRunning}
      error={error}
      onSubmit={(v) => void run({ email: v.email ?? '', password: v.password ?? '' })}
    />
  );
}
