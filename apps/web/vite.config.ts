import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vendor code is split into long-lived chunks so an app change does not invalidate them, and so
 * ECharts (only imported by lazily loaded chart components) never enters the initial download.
 * Rolldown's `codeSplitting.groups` is Vite 8's replacement for rollup's manualChunks; higher
 * priority wins when a module matches more than one group.
 */
const vendorGroups = [
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 40 },
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 30 },
  { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@babel[\\/]runtime|dayjs|classnames|clsx|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|copy-to-clipboard|toggle-selection|json2mq|string-convert|@emotion|stylis)[\\/]/,
    priority: 20,
  },
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~800 kB minified; the warning would fire on every build without telling us anything.
    chunkSizeWarningLimit: 900,
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
