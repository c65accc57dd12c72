import { useState } from 'react';
import { useCommand } from '../bridge/BridgeProvider';
import { CredentialsForm } from './CredentialsForm';

/** Shown once, on a fresh install: creates the administrator and signs them in. */
export function FirstRunSetup() {
  const { run, isRunning, error } = useCommand('auth/create-administrator');
  const [mismatch, setMismatch] = useState(false);
  return (
    <CredentialsForm
      title="Welcome to LabFlow"
      intro="Create the administrator account for this installation. The administrator adds the other people and their roles."
      fields={[
        { name: 'name', label: 'Your name', autoComplete: 'name' },
        { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
        { name: 'password', label: 'Password (at least 10 characters)', type: 'password', autoComplete: 'new-password' },
        { name: 'confirm', label: 'Repeat the password', type: 'password', autoComplete: 'new-password' },
      ]}
      submitLabel="Create administrator"
      isRunning={isRunning}
      error={mismatch ? { code: 'invalid_input', field: 'confirm', message: 'The two passwords differ.' } : error}
      onSubmit={(v) => {
        setMismatch(v.password !== v.confirm);
        if (v.password === v.confirm) void run({ name: v.name ?? '', email: v.email ?? '', password: v.password ?? '' });
      }}
    />
  );
}
