/** Start: read the runtime configuration, then render. No URL is compiled into the bundle. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { createServices } from './app/context.tsx';
import { loadConfig } from './config.ts';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) => {
    root.render(
      <StrictMode>
        <App services={createServices(config)} />
      </StrictMode>,
    );
  })
  .catch((e: unknown) => {
    console.error(e);
    root.render(
      <div className="mc-fatal" role="alert">
        <h1>Minh Chứng</h1>
        <p>Không tải được cấu hình ứng dụng (/config.json). Vui lòng tải lại trang.</p>
        <p lang="en">Could not load the app configuration (/config.json). Please reload the page.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Tải lại / Reload
        </button>
      </div>,
    );
  });
