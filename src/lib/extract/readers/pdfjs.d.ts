// pdf.js ships types for its legacy entry only; the modern entry and the worker modules are used
// through the small interface in pdf.ts.
declare module 'pdfjs-dist/build/pdf.mjs';
declare module 'pdfjs-dist/build/pdf.worker.mjs';
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
