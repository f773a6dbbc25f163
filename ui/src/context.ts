/** What the explorer's parts share: state, the graph view, and actions that cross panels. */
import type { DocumentSummary, EvidenceLike } from './api-types.js';
import type { GraphView } from './graph-view.js';
import type { ViewState } from './url-state.js';

export interface AppContext {
  state: ViewState;
  graph: GraphView;
  documents: DocumentSummary[];
  docTitle(id: string): string;
  /** Open the reader at an evidence sentence. */
  openEvidence(ev: EvidenceLike): void;
  /** Select an entity: bring it into the graph if needed, show its details. */
  selectEntity(id: string, opts?: { center?: boolean }): Promise<void>;
  showRight(tab: 'details' | 'reader'): void;
  /** Write the state to the URL (replace, not push). */
  saveState(): void;
  status(message: string, kind?: 'info' | 'error'): void;
}
