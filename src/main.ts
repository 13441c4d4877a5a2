import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerServiceWorker } from './lib/sw/register';
import { keepWork } from './lib/library/keep.svelte';
import { followLessonLinks } from './lib/router/lesson-links.svelte';
import { python } from './lib/state/python.svelte';
import { trace } from './lib/state/trace.svelte';
import { playground } from './lib/state/playground.svelte';

if (import.meta.env.PROD) void registerServiceWorker();

keepWork();
followLessonLinks();

// Python takes a few seconds to start: begin while the page renders rather than on first use.
void python.start();

// A handle for the browser console and for bench/ scripts.
Object.assign(globalThis, { loupe: { python: python.client, trace, playground } });

export default mount(App, { target: document.getElementById('app') as HTMLElement });
