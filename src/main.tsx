import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { bootstrap } from './ui/app/bootstrap';
import { initTheme } from './ui/app/theme';
import { useGwsimStore } from './store';
import './styles/app.css';

initTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// bootstrap never rejects: a failed restore becomes a notice and the example is shown.
void bootstrap(useGwsimStore).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
