import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './routes.tsx';
import { getLanguage } from './i18n/store.ts';
// Stylesheets live next to their feature; they are imported here, in cascade order (base and tokens,
// layout, shared components, then features), so the order does not depend on which lazy page loads first.
import './styles/base.css';
import './components/layout.css';
import './styles/components.css';
import './components/form/form.css';
import './features/lapor/lapor.css';
import './features/tracking/tracking.css';
import './features/cases/cases.css';
import './components/map/map.css';
import './features/regions/regions.css';
import './components/charts/charts.css';
import './pages/public/pledges.css';
import './pages/public/open-data.css';
import './features/guide/guide.css';
import './features/leads/leads.css';

document.documentElement.lang = getLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>,
);
