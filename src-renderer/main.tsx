import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BridgeProvider } from './bridge/BridgeProvider';
import { connectToHost } from './bridge/connect';

const client = connectToHost();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BridgeProvider client={client}>
      <App />
    </BridgeProvider>
  </StrictMode>,
);
