// Paging, one job per file: the caps every walk keeps (walkBudget), the page-token cursor (pageCursor), and the
// page-number lists of the Huawei APIs (numberedList).
export * from './walkBudget';
export * from './pageCursor';
export * from './numberedList';
