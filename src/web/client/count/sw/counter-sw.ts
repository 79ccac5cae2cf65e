import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// The volunteer's counter must open with no network, at a polling station with none: this worker keeps the
// counter's page, script and styles (the list Workbox writes in at build time, vite.config.ts) and answers the
// counter's two addresses from that copy. It never touches the API: actions wait in IndexedDB, not here.

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

/** The page as precached; both addresses serve the same page, which reads the address itself. */
const PAGE = '/count/counter';

// A new build takes over at once. The counter's one lazily loaded part, the QR code library, is fetched online
// only; should an update leave an open page unable to load it, the invite shows its link without the picture.
void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL(PAGE), { allowlist: [/^\/count\/(?:join|counter)$/] }),
);
