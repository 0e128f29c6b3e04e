export { displayBundle, displayHtml, displayMarkdown, displayPng, inNotebook } from './display';
export { showTable, formatTable } from './table';
export type { Row } from './table';
export { loadDanfo } from './danfo';
export type { Danfo } from './danfo';
