import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// echarts-for-react's ESM build imports `tslib` without declaring it; the web package declares
// tslib itself so npm hoists a copy that import can find.

/**
 * Vendor code is split into long-lived chunks so an app change does not invalidate them, and so
 * ECharts (only imported by lazily loaded chart components) never enters the initial download.
 * Rolldown's `codeSplitting.groups` is Vite 8's replacement for rollup's manualChunks. A group
 * also takes in everything its modules import, unless a group of higher priority took it first:
 * so React comes first, or it would land inside whichever library chunk imports it (ECharts'
 * React wrapper pulled React into the ECharts chunk, making that chunk load eagerly).
 */
const antdFamily =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@babel[\\/]runtime|dayjs|classnames|clsx|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|copy-to-clipboard|toggle-selection|json2mq|string-convert|@emotion|stylis)[\\/]/;

const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
  { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 35 },
  // What the login page and the layout need loads first; components only pages use (Table, Tree, QRCode …) follow with them.
  { name: 'antd', test: antdFamily, tags: ['$initial' as const], priority: 30 },
  { name: 'antd-pages', test: antdFamily, priority: 25 },
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|fast-deep-equal|tslib)[\\/]/, priority: 20 },
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The initial part of antd (~625 kB) and ECharts (~585 kB) are as small as they get; warn above that.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
