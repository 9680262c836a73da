/**
 * The web app's build. `npm start` runs it as a dev server inside the local stack (HMR); `npm run build:web`
 * writes `web/dist`, which the e2e tests serve and the CDK app will upload. No URL or stage is baked in: the
 * app reads `/config.json` at start.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  // The app imports types (and the pure file-type table) from ../shared.
  server: { fs: { allow: [resolve(webRoot, '..')] } },
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Libraries change less often than the app: separate chunks stay cached across deploys on slow lines.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel)[\\/]/,
            },
            // Only the dashboard page (lazy) imports it: its own chunk, never in the first load.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
