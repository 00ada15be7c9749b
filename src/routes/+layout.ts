// A single-page app: nothing is rendered on a server or prerendered except the fallback shell.
export const ssr = false;
export const prerender = false;
